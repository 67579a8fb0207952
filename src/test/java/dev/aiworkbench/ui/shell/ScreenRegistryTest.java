package dev.aiworkbench.ui.shell;

import dev.aiworkbench.ui.help.HelpLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenRegistryTest {

    @Test
    void every_screen_has_its_own_id_and_shortcut() {
        List<ScreenEntry> entries = ScreenRegistry.entries();

        assertThat(entries).extracting(ScreenEntry::id).doesNotHaveDuplicates()
                .containsExactly("today", "curriculum", "playground", "models", "evals", "labs", "assess", "observability",
                        "settings");
        assertThat(entries).extracting(ScreenEntry::shortcut).doesNotHaveDuplicates();
    }

    @Test
    void only_the_curriculum_and_assess_need_a_pack() {
        assertThat(ScreenRegistry.entries()).filteredOn(ScreenEntry::needsPack).extracting(ScreenEntry::id)
                .containsExactly(ScreenRegistry.CURRICULUM, ScreenRegistry.ASSESS);
    }

    @Test
    void assess_opens_with_ctrl_7_and_lists_its_quiz_keys() {
        ScreenEntry assess = ScreenRegistry.entry(ScreenRegistry.ASSESS);

        assertThat(assess.title()).isEqualTo("Assess");
        assertThat(assess.shortcut().getName()).isEqualTo("Shortcut+7");
        assertThat(assess.help()).extracting(HelpLine::keys)
                .contains("1 to 9", "G / F / S", "Enter", "Ctrl+Enter", "Y / N", "Esc");
    }

    @Test
    void observability_opens_with_ctrl_8_and_lists_its_keys() {
        ScreenEntry observability = ScreenRegistry.entry(ScreenRegistry.OBSERVABILITY);

        assertThat(observability.title()).isEqualTo("Observability");
        assertThat(observability.shortcut().getName()).isEqualTo("Shortcut+8");
        assertThat(observability.help()).extracting(HelpLine::keys).contains("F5", "Click a bar or point", "Esc");
    }

    @Test
    void an_entry_is_found_by_its_id() {
        assertThat(ScreenRegistry.entry(ScreenRegistry.SETTINGS).title()).isEqualTo("Settings");
    }
}
