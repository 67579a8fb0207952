package dev.aiworkbench.ui.tasks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class FxTaskExecutorTest {

    @Test
    void work_started_after_closing_is_dropped_without_an_error() {
        FxTaskExecutor executor = FxTaskExecutor.serial("closing-test");
        executor.close();
        List<String> ran = new ArrayList<>();

        assertThatCode(() -> executor.run(() -> ran.add("work"), ok -> ran.add("success"), failure -> ran.add("failure")))
                .doesNotThrowAnyException();
        assertThat(ran).isEmpty();
    }
}
