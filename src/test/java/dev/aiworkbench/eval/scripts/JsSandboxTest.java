package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JavaScript sandbox: what code sees and returns, and what it cannot reach. */
class JsSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private final JsSandbox sandbox = JsSandbox.shared();

    private JsonNode inline(String code, String output) throws ScriptFailure {
        return sandbox.call(Script.inline(Script.Language.JAVASCRIPT, code), List.of(TextNode.valueOf(output),
                json("{\"vars\": {\"q\": \"disk full\"}, \"prompt\": \"Triage: disk full\"}")), LIMIT);
    }

    private JsonNode file(String code, String function) throws ScriptFailure {
        return sandbox.call(Script.file(Script.Language.JAVASCRIPT, code, "check.js", null, function),
                List.of(TextNode.valueOf("P1 now"), json("{\"vars\": {}}")), LIMIT);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            output.includes('P1')                                   | true
            output.length                                           | 6
            context.vars.q.toUpperCase()                            | "DISK FULL"
            context.prompt.startsWith('Triage')                     | true
            ({pass: true, score: 0.5, reason: 'half'})              | {"pass":true,"score":0.5,"reason":"half"}
            [1, 2.5, 'x', null]                                     | [1,2.5,"x",null]
            undefined                                               | MISSING
            null                                                    | null
            output.split(' ').map(w => w.length)                    | [2,3]
            `${output}!`                                            | "P1 now!"
            Promise.resolve(0.75)                                   | 0.75
            """)
    void anExpressionReturnsItsValueAsJson(String code, String expected) throws Exception {
        JsonNode result = inline(code, "P1 now");
        if (expected.equals("MISSING")) {
            assertThat(result.isMissingNode()).isTrue();
        } else {
            assertThat(result).isEqualTo(json(expected));
        }
    }

    @Test
    void severalLinesAreAFunctionBodyWithItsOwnReturn() throws Exception {
        String body = """
                const words = output.split(' ');
                if (words.length > 1) {
                  return {pass: true, score: words.length / 10, reason: 'words: ' + words.length};
                }
                return false;
                """;
        assertThat(inline(body, "a b c")).isEqualTo(json("{\"pass\":true,\"score\":0.3,\"reason\":\"words: 3\"}"));
        assertThat(inline(body, "one").booleanValue()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            java.lang.System.exit(1)                         | ReferenceError
            Packages.java.io.File                            | ReferenceError
            java.io.File                                     | ReferenceError
            require('fs').readFileSync('/etc/passwd')        | ReferenceError
            load('/etc/passwd')                              | ReferenceError
            readFile('/etc/passwd')                          | ReferenceError
            importPackage(java.io)                           | ReferenceError
            new JavaAdapter(Object, {})                      | ReferenceError
            print('x')                                       | ReferenceError
            process.exit(1)                                  | ReferenceError
            fetch('http://127.0.0.1/')                       | ReferenceError
            ''.getClass()                                    | TypeError
            Object.prototype.hack = 1                        | sealed
            """)
    void nothingOutsideTheLanguageIsReachable(String code, String error) {
        assertThatThrownBy(() -> inline(code, "x")).isInstanceOf(ScriptFailure.class)
                .satisfies(e -> assertThat(((ScriptFailure) e).kind()).isEqualTo(ScriptFailure.Kind.THREW))
                .hasMessageContaining(error);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "while (true) {}\nreturn true",
            "for (;;) { try { while (true) {} } catch (e) {} finally { } }\nreturn true",
            "const f = () => { try { for (;;) {} } finally { for (;;) {} } };\nreturn f()"})
    void aLoopIsStoppedAtTheLimitAndNoCatchHoldsIt(String code) {
        Duration limit = Duration.ofMillis(300);
        long started = System.nanoTime();
        assertThatThrownBy(() -> sandbox.call(Script.inline(Script.Language.JAVASCRIPT, code),
                List.of(TextNode.valueOf("x")), limit))
                .isInstanceOf(ScriptFailure.class)
                .satisfies(e -> assertThat(((ScriptFailure) e).kind()).isEqualTo(ScriptFailure.Kind.TIME_LIMIT))
                .hasMessageContaining("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void deepRecursionFailsInsteadOfOverflowingTheStack() {
        assertThatThrownBy(() -> inline("(function f(n) { return f(n + 1) })(0)", "x"))
                .isInstanceOf(ScriptFailure.class).hasMessageContaining("stack");
    }

    @Test
    void aThrowCarriesItsMessageAndLine() {
        assertThatThrownBy(() -> inline("const a = 1;\nthrow new Error('no answer')", "x"))
                .isInstanceOf(ScriptFailure.class).hasMessageContaining("Error: no answer").hasMessageContaining("line 2");
    }

    @Test
    void casesShareNoGlobals() throws Exception {
        inline("leaked = 41;\nreturn leaked", "x");
        assertThat(inline("typeof leaked", "x").asText()).isEqualTo("undefined");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            module.exports = (output, context) => output.startsWith('P1');                    |
            module.exports = {grade: (output) => output.endsWith('now')};                       | grade
            exports.grade = function (output) { return output.length === 6; };                  | grade
            export default function (output, context) { return output.includes('P1'); }       |
            export function grade(output) { return output.includes('now'); }                   | grade
            export const grade = (output) => output.length > 0;                                 | grade
            const grade = (o) => !!o; const other = () => false; export { other, grade };       | grade
            const check = (o) => !!o; export { check as grade };                                | grade
            module.exports = {default: (o) => true, grade: () => false};                         |
            """)
    void aFileExportsItsFunctionAsNodeWouldSeeIt(String code, String function) throws Exception {
        assertThat(file(code, function).booleanValue()).isTrue();
    }

    @Test
    void aFileWithoutTheFunctionSaysWhatToExport() {
        assertThatThrownBy(() -> file("module.exports = {other: () => true};", "grade"))
                .isInstanceOf(ScriptFailure.class).hasMessageContaining("must export a function named grade");
        assertThatThrownBy(() -> file("const x = 1;", null))
                .isInstanceOf(ScriptFailure.class).hasMessageContaining("default export");
    }

    @Test
    void aFileIsLoadedOncePerThreadAsNodesRequireCacheLoadsIt() throws Exception {
        String counter = "let calls = 0;\nmodule.exports = () => ++calls;\n";
        assertThat(file(counter, null).asInt()).isEqualTo(1);
        assertThat(file(counter, null).asInt()).isEqualTo(2);
        int[] other = new int[1];
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                other[0] = file(counter, null).asInt();
            } catch (ScriptFailure e) {
                other[0] = -1;
            }
        });
        thread.join();
        assertThat(other[0]).as("another thread loads its own copy").isEqualTo(1);
    }

    @Test
    void returningAFunctionIsAFailure() {
        assertThatThrownBy(() -> inline("() => true", "x")).isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("returned a function");
    }

    @Test
    void checkFindsSyntaxTheEngineDoesNotRead() {
        assertThat(JsSandbox.check(Script.inline(Script.Language.JAVASCRIPT, "output.includes('x')"))).isEmpty();
        assertThat(JsSandbox.check(Script.inline(Script.Language.JAVASCRIPT, "output.includes(")))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
        assertThat(JsSandbox.check(Script.file(Script.Language.JAVASCRIPT,
                "// grade\nmodule.exports = async (output) => {\n  return true;\n};", "a.js", null, null)))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void xmlLiteralsAreNotJavaScript() {
        // Node reads no E4X, so neither does the sandbox: a syntax problem at load, not a failure per case.
        assertThat(JsSandbox.check(Script.inline(Script.Language.JAVASCRIPT, "<a>{output}</a>.toString()")))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void theWarmUpCallRunsInTheSandbox() {
        // warmUp() makes this call on a background thread, where a failure would go unseen.
        sandbox.rehearse();
    }
}
