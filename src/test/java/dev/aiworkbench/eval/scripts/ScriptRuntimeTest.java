package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's runtime builds the JavaScript sandbox only when the run calls JavaScript, and keeps its limits. */
class ScriptRuntimeTest {
    @Test
    void aRunThatCallsNoJavaScriptNeverAsksForTheSandbox() {
        AtomicInteger asked = new AtomicInteger();
        ScriptRuntime runtime = new ScriptRuntime(() -> {
            asked.incrementAndGet();
            return JsSandbox.shared();
        }, Optional::empty, Duration.ofSeconds(5), Duration.ofSeconds(30));

        assertThatThrownBy(() -> runtime.call(Script.inline(Script.Language.PYTHON, "True"), "get_assert",
                List.of(TextNode.valueOf("x")))).isInstanceOf(ScriptFailure.class);
        runtime.close();
        assertThat(asked).hasValue(0);
    }

    @Test
    void theFirstJavaScriptCallAsksForItAndWithinKeepsTheLazySandbox() throws ScriptFailure {
        AtomicInteger asked = new AtomicInteger();
        ScriptRuntime runtime = new ScriptRuntime(() -> {
            asked.incrementAndGet();
            return JsSandbox.shared();
        }, Optional::empty, Duration.ofSeconds(5), Duration.ofSeconds(30)).within(Optional.of(Duration.ofMillis(50)));
        assertThat(asked).hasValue(0);

        assertThat(runtime.call(Script.inline(Script.Language.JAVASCRIPT, "output + '!'"), "get_assert",
                List.of(TextNode.valueOf("x"))).asText()).isEqualTo("x!");
        assertThat(asked).hasPositiveValue();
        assertThatThrownBy(() -> runtime.call(Script.inline(Script.Language.JAVASCRIPT, "while (true) {}\nreturn 1;"),
                "get_assert", List.of(TextNode.valueOf("x")))).hasMessageContaining("limit of 50 ms");
    }
}
