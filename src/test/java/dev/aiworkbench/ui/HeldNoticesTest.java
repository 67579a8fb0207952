package dev.aiworkbench.ui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What the data's opening says before the window exists reaches the window once it does, in order. */
@Tag("ui")
class HeldNoticesTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void sentences_said_before_the_window_are_shown_first_and_later_ones_follow() {
        HeldNotices notices = new HeldNotices();
        List<String> shown = new CopyOnWriteArrayList<>();
        notices.accept("first");
        notices.accept("second");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).isEmpty();

        notices.showOn(shown::add);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).containsExactly("first", "second");

        notices.accept("third");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).containsExactly("first", "second", "third");
    }
}
