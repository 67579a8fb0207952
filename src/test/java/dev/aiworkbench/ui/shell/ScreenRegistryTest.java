package dev.aiworkbench.ui.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenRegistryTest {

    @Test
    void every_screen_has_its_own_id_and_shortcut() {
        List<ScreenEntry> entries = ScreenRegistry.entries();

        assertThat(entries).extracting(ScreenEntry::id).doesNotHaveDuplicates()
                .containsExactly("today", "curriculum", "playground", "models", "evals", "labs", "settings");
        assertThat(entries).extracting(ScreenEntry::shortcut).doesNotHaveDuplicates();
    }

    @Test
    void only_the_curriculum_needs_a_pack() {
        assertThat(ScreenRegistry.entries()).filteredOn(ScreenEntry::needsPack).extracting(ScreenEntry::id)
                .containsExactly(ScreenRegistry.CURRICULUM);
    }

    @Test
    void an_entry_is_found_by_its_id() {
        assertThat(ScreenRegistry.entry(ScreenRegistry.SETTINGS).title()).isEqualTo("Settings");
    }
}
