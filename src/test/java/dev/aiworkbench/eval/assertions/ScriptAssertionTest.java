package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiworkbench.eval.scripts.JsSandbox;
import dev.aiworkbench.eval.scripts.PythonCommand;
import dev.aiworkbench.eval.scripts.Script;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The javascript and python assertion contracts, row by row as promptfoo 0.118 reads a returned value: boolean,
 * number with and without threshold, {pass, score, reason}, anything else, a throw, the time limit.
 */
class ScriptAssertionTest {
    private static final Grader GRADER = Grader.standard();
    private static final ScriptRuntime SCRIPTS = new ScriptRuntime(JsSandbox.shared(), PythonCommand::find,
            Duration.ofMillis(500), Duration.ofSeconds(2));
    private static final GradingContext CONTEXT = new GradingContext(null, null, null, null, SCRIPTS);

    @AfterAll
    static void stopPython() {
        SCRIPTS.close();
    }

    private static AssertionResult grade(String type, String code, Double threshold, String output) {
        Script.Language language = type.endsWith("python") ? Script.Language.PYTHON : Script.Language.JAVASCRIPT;
        JsonNode value = new ScriptAssertionValue(Script.inline(language, code), null).toJson();
        AssertionSpec spec = AssertionSpec.of(type, value, threshold, null, null, "suite.yaml:3:5");
        return GRADER.grade(spec, Cases.output(output, Map.of("severity", "P1")), CONTEXT);
    }

    @ParameterizedTest(name = "{0} {1} (threshold {2}) -> pass {3}, score {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', nullValues = "-", textBlock = """
            javascript     | output.includes('P1')                            | -    | true  | 1
            javascript     | output.includes('P9')                            | -    | false | 0
            not-javascript | output.includes('P9')                            | -    | true  | 1
            not-javascript | output.includes('P1')                            | -    | false | 0
            javascript     | 0.4                                              | -    | true  | 0.4
            javascript     | 0                                                | -    | false | 0
            javascript     | -0.5                                             | -    | false | -0.5
            javascript     | 0.4                                              | 0.5  | false | 0.4
            javascript     | 0.5                                              | 0.5  | true  | 0.5
            javascript     | 0.2                                              | 0    | true  | 0.2
            javascript     | 1.5                                              | -    | true  | 1.5
            not-javascript | 0.4                                              | -    | true  | 0.4
            javascript     | ({pass: false, score: 0.7, reason: 'too long'})  | -    | false | 0.7
            javascript     | ({pass: true, score: 0.2, reason: 'ok'})         | 0.9  | true  | 0.2
            not-javascript | ({pass: true, score: 1, reason: 'ok'})           | -    | true  | 1
            javascript     | ({pass: true, score: 1})                         | -    | false | 0
            javascript     | 'yes'                                            | -    | false | 0
            javascript     | undefined                                        | -    | false | 0
            javascript     | null                                             | -    | false | 0
            javascript     | output.nope.length                               | -    | false | 0
            javascript     | context.vars.severity === 'P1'                   | -    | true  | 1
            javascript     | output === '{{severity}} now'                    | -    | true  | 1
            """)
    void javascriptReturnsAreReadAsPromptfooReadsThem(String type, String code, Double threshold, boolean pass,
                                                      double score) {
        AssertionResult result = grade(type, code, threshold, "P1 now");
        assertThat(result.error()).as(result.reason()).isFalse();
        assertThat(result.pass()).as(result.reason()).isEqualTo(pass);
        assertThat(result.score()).isEqualTo(score);
    }

    @Test
    void reasonsSayWhatTheCodeReturnedOrThrew() {
        assertThat(grade("javascript", "({pass: false, score: 0.7, reason: 'too long'})", null, "x").reason())
                .isEqualTo("too long");
        assertThat(grade("javascript", "false", null, "x").reason()).contains("Custom function returned false");
        assertThat(grade("javascript", "({pass: true, score: 1})", null, "x").reason())
                .contains("must return a boolean, number, or GradingResult object").contains("Got type object");
        assertThat(grade("javascript", "if (!output.includes('P')) {\n  throw new Error('no severity');\n}\nreturn true", null, "x").reason())
                .contains("The JavaScript check (inline JavaScript) failed").contains("Error: no severity");
    }

    @Test
    void aLoopFailsAtTheTimeLimit() {
        AssertionResult result = grade("javascript", "while (true) {}\nreturn true", null, "x");
        assertThat(result.pass()).isFalse();
        assertThat(result.error()).isFalse();
        assertThat(result.reason()).contains("ran longer than its limit of 500 ms");
    }

    @Test
    void javaIsOutOfReach() {
        AssertionResult result = grade("javascript", "java.lang.Runtime.getRuntime().exec('touch /tmp/x')", null, "x");
        assertThat(result.pass()).isFalse();
        assertThat(result.reason()).contains("ReferenceError");
    }

    @Test
    void aTransformedValueReachesTheCodeAsItIs() {
        JsonNode value = new ScriptAssertionValue(Script.inline(Script.Language.JAVASCRIPT,
                "output.severity === 'P1' && context.config.strict && context.test.description === 'disk'"),
                JsonNodeFactory.instance.objectNode().put("strict", true)).toJson();
        CaseOutput output = new CaseOutput("{\"severity\":\"P1\"}", "prompt", Map.of(), OptionalLong.empty(),
                OptionalDouble.empty(), new CaseOutput.Details(JsonNodeFactory.instance.objectNode()
                .put("severity", "P1"), "ollama:chat:tiny", JsonNodeFactory.instance.objectNode()
                .put("description", "disk")));
        AssertionResult result = GRADER.grade(AssertionSpec.of("javascript", value), output, CONTEXT);
        assertThat(result.pass()).as(result.reason()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} (threshold {2}) -> pass {3}, score {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', nullValues = "-", textBlock = """
            python     | 'P1' in output                                          | -   | true  | 1
            python     | 'P9' in output                                          | -   | false | 0
            not-python | 'P9' in output                                          | -   | false | 0
            python     | 'TRUE'                                                  | -   | true  | 1
            python     | 'false'                                                 | -   | false | 0
            python     | 0.4                                                     | -   | true  | 0.4
            python     | 0                                                       | -   | false | 0
            python     | 0.4                                                     | 0.5 | false | 0.4
            python     | '0.75 points'                                           | 0.5 | true  | 0.75
            python     | {'pass': True, 'score': 0.4, 'reason': 'ok'}            | -   | true  | 0.4
            python     | {'pass': True, 'score': 0.4, 'reason': 'ok'}            | 0.5 | false | 0.4
            python     | {'pass_': False, 'score': 0.1, 'reason': 'dataclass'}   | -   | false | 0.1
            python     | '{"pass": true, "score": 0.3, "reason": "json text"}'   | 0.9 | true  | 0.3
            python     | {'pass': True}                                          | -   | false | 0
            python     | None                                                    | -   | false | 0
            python     | 'no number'                                             | -   | false | 0
            python     | 1 / 0                                                   | -   | false | 0
            """)
    void pythonReturnsAreReadAsPromptfooReadsThem(String type, String code, Double threshold, boolean pass,
                                                  double score) {
        assumeThat(PythonCommand.find()).as("python3 on PATH").isPresent();
        AssertionResult result = grade(type, code, threshold, "P1 now");
        assertThat(result.error()).as(result.reason()).isFalse();
        assertThat(result.pass()).as(result.reason()).isEqualTo(pass);
        assertThat(result.score()).isEqualTo(score);
    }

    @Test
    void pythonReasonsCarryTheThresholdAndTheException() {
        assumeThat(PythonCommand.find()).as("python3 on PATH").isPresent();
        assertThat(grade("python", "{'pass': True, 'score': 0.4, 'reason': 'ok'}", 0.5, "x").reason())
                .isEqualTo("Python score 0.4 is less than threshold 0.5: ok");
        assertThat(grade("python", "1 / 0", null, "x").reason()).contains("ZeroDivisionError: division by zero");
    }

    @Test
    void withoutPythonTheAssertionIsAnErrorNamingWhatToInstall() {
        ScriptRuntime none = new ScriptRuntime(JsSandbox.shared(), Optional::empty, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        JsonNode value = new ScriptAssertionValue(Script.inline(Script.Language.PYTHON, "True"), null).toJson();
        AssertionResult result = GRADER.grade(AssertionSpec.of("python", value), Cases.output("x"),
                new GradingContext(null, null, null, null, none));
        assertThat(result.error()).isTrue();
        assertThat(result.reason()).contains("install Python 3");
    }

    @Test
    void parseFloatReadsTheLeadingNumberAsJavaScriptDoes() {
        assertThat(ScriptVerdicts.parseFloat("0.75 points")).isEqualTo(0.75);
        assertThat(ScriptVerdicts.parseFloat("  -3e2x")).isEqualTo(-300);
        assertThat(ScriptVerdicts.parseFloat(".5")).isEqualTo(0.5);
        assertThat(ScriptVerdicts.parseFloat("Infinity")).isInfinite();
        assertThat(ScriptVerdicts.parseFloat("points 3")).isNaN();
    }
}
