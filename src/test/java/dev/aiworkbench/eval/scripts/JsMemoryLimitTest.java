package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's allocation budget: a script that builds without end is stopped with a sentence, on a platform thread
 * and on a virtual one (an eval run's workers), and scripts that stay within it are not touched.
 */
class JsMemoryLimitTest {
    private static final Duration TIME = Duration.ofSeconds(30);
    private static final long BUDGET = 64L << 20;

    private static String call(String code, boolean virtual) throws Exception {
        Script script = Script.inline(Script.Language.JAVASCRIPT, code);
        java.util.concurrent.Callable<String> task = () -> {
            try {
                JsonNode result = JsSandbox.shared().call(script, List.of(TextNode.valueOf("P1 now")), TIME, BUDGET);
                return "value " + result;
            } catch (ScriptFailure e) {
                return e.kind() + " " + e.getMessage();
            }
        };
        try (var threads = virtual ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newSingleThreadExecutor()) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return task.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads).get(60, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0} (virtual thread: {1})")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~(() => { let a = []; while (true) a.push('x'.repeat(1e6)) })()~                          | false | MEMORY_LIMIT It allocated more than its memory limit of 64 MB and was stopped.
            ~(() => { let a = []; while (true) a.push('x'.repeat(1e6)) })()~                          | true  | MEMORY_LIMIT It allocated more than its memory limit of 64 MB and was stopped.
            ~(() => { let a = []; try { while (true) a.push(new Array(1e5).fill(1)) } catch (e) {} return 1 })()~ | true | MEMORY_LIMIT It allocated more than its memory limit of 64 MB and was stopped.
            ~(() => { let s = ''; for (let i = 0; i < 1e4; i++) s += 'ab'; return s.length })()~     | true  | value 20000
            ~output.includes('P1')~                                                                    | false | value true
            ~output.includes('P1')~                                                                    | true  | value true
            """)
    void aScriptThatBuildsWithoutEndIsStoppedAndOthersAreNot(String code, boolean virtual, String expected)
            throws Exception {
        assertThat(call(code, virtual)).isEqualTo(expected);
        // The sandbox goes on serving calls after a script was stopped.
        assertThat(call("output.length", virtual)).isEqualTo("value 6");
    }
}
