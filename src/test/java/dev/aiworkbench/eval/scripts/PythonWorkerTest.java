package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The run's Python worker, against the machine's python3 (Debian's, as CI's). */
class PythonWorkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String python;
    private ScriptRuntime runtime;

    @BeforeAll
    static void findPython() {
        Optional<String> found = PythonCommand.find();
        assumeThat(found).as("python3 on PATH").isPresent();
        python = found.get();
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private ScriptRuntime runtime(Duration limit) {
        runtime = new ScriptRuntime(JsSandbox.shared(), () -> Optional.of(python), Duration.ofSeconds(2), limit);
        return runtime;
    }

    private static List<JsonNode> args(String output) {
        return List.of(TextNode.valueOf(output), JSON.createObjectNode().set("vars",
                JSON.createObjectNode().put("q", "disk full")));
    }

    private JsonNode inline(ScriptRuntime scripts, String code, String output) throws ScriptFailure {
        return scripts.call(Script.inline(Script.Language.PYTHON, code), "get_assert", args(output));
    }

    @Test
    void inlineCodeIsPromptfoosMainFunction() throws Exception {
        ScriptRuntime scripts = runtime(Duration.ofSeconds(10));
        assertThat(inline(scripts, "'P1' in output", "P1 now").booleanValue()).isTrue();
        assertThat(inline(scripts, "len(output) / 10", "P1 now").doubleValue()).isEqualTo(0.6);
        assertThat(inline(scripts, "context['vars']['q'].upper()", "x").asText()).isEqualTo("DISK FULL");
        String body = """
                words = output.split()
                print('this goes to stderr, not into the answers')
                return {'pass': len(words) > 1, 'score': len(words) / 10, 'reason': json.dumps(words)}
                """;
        assertThat(inline(scripts, body, "a b c")).isEqualTo(JSON.readTree(
                "{\"pass\": true, \"score\": 0.3, \"reason\": \"[\\\"a\\\", \\\"b\\\", \\\"c\\\"]\"}"));
    }

    @Test
    void aFileIsCalledByGetAssertOrTheFunctionItNames() throws Exception {
        ScriptRuntime scripts = runtime(Duration.ofSeconds(10));
        String code = """
                from dataclasses import dataclass

                @dataclass
                class Result:
                    pass_: bool
                    score: float
                    reason: str

                def get_assert(output, context):
                    return 'P1' in output

                def graded(output, context):
                    return Result(True, 0.9, 'dataclass')
                """;
        assertThat(scripts.call(Script.file(Script.Language.PYTHON, code, "check.py", null, null), "get_assert",
                args("P1")).booleanValue()).isTrue();
        assertThat(scripts.call(Script.file(Script.Language.PYTHON, code, "check.py", null, "graded"), "get_assert",
                args("P1"))).isEqualTo(JSON.readTree("{\"pass_\": true, \"score\": 0.9, \"reason\": \"dataclass\"}"));
        assertThatThrownBy(() -> scripts.call(Script.file(Script.Language.PYTHON, code, "check.py", null, "nope"),
                "get_assert", args("P1"))).isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("check.py has no function nope");
    }

    @Test
    void anExceptionIsAFailureWithItsTypeAndMessage() {
        ScriptRuntime scripts = runtime(Duration.ofSeconds(10));
        assertThatThrownBy(() -> inline(scripts, "1 / 0", "x")).isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("ZeroDivisionError: division by zero")
                .satisfies(e -> assertThat(((ScriptFailure) e).kind()).isEqualTo(ScriptFailure.Kind.THREW));
        assertThatThrownBy(() -> inline(scripts, "exit(3)", "x")).isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("SystemExit");
    }

    @Test
    void oneProcessAnswersManyCasesAndATimeoutStartsAFreshOne() throws Exception {
        ScriptRuntime scripts = runtime(Duration.ofMillis(1500));
        long first = inline(scripts, "__import__('os').getpid()", "x").asLong();
        for (int i = 0; i < 50; i++) {
            assertThat(inline(scripts, "__import__('os').getpid()", "case " + i).asLong()).isEqualTo(first);
        }
        assertThat(scripts.pythonStarts()).isEqualTo(1);

        assertThatThrownBy(() -> inline(scripts, "__import__('time').sleep(30)", "x"))
                .isInstanceOf(ScriptFailure.class)
                .satisfies(e -> assertThat(((ScriptFailure) e).kind()).isEqualTo(ScriptFailure.Kind.TIME_LIMIT));
        ProcessHandle.of(first).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());

        long second = inline(scripts, "__import__('os').getpid()", "x").asLong();
        assertThat(second).isNotEqualTo(first);
        assertThat(scripts.pythonStarts()).isEqualTo(2);
    }

    @Test
    void closeKillsTheWorkerAndLaterCallsFail() throws Exception {
        ScriptRuntime scripts = runtime(Duration.ofSeconds(10));
        long pid = inline(scripts, "__import__('os').getpid()", "x").asLong();
        scripts.close();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThatThrownBy(() -> inline(scripts, "True", "x")).isInstanceOf(ScriptFailure.class)
                .satisfies(e -> assertThat(((ScriptFailure) e).kind()).isEqualTo(ScriptFailure.Kind.UNAVAILABLE));
    }

    @Test
    void withoutPythonTheCallSaysWhatToInstall() {
        runtime = new ScriptRuntime(JsSandbox.shared(), Optional::empty, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> inline(runtime, "True", "x")).isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("install Python 3");
    }

    @Test
    void pythonIsFoundByOverrideThenOnPath() {
        assertThat(PythonCommand.find(Map.of("PROMPTFOO_PYTHON", "/opt/py/bin/python3.12", "PATH", "/nowhere"),
                "Linux")).contains("/opt/py/bin/python3.12");
        assertThat(PythonCommand.find(Map.of("PATH", "/nowhere:/also/not"), "Linux")).isEmpty();
        String folder = java.nio.file.Path.of(python).getParent().toString();
        assertThat(PythonCommand.find(Map.of("PATH", "/nowhere:" + folder), "Linux")).isPresent();
    }
}
