package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.InMemoryVerdictCache;
import dev.aiworkbench.eval.scripts.JsSandbox;
import dev.aiworkbench.eval.scripts.PythonCommand;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code options.transformVars} and an assertion's own {@code transform}, run as promptfoo 0.118 runs them: each row
 * is a suite over items 1-4 (the fake answers "pass for item n" for the n in the prompt) and what each case ends
 * with: "pass", or the start of its error, or "fail".
 */
class ScriptTransformsRunTest {
    private static final String HEAD = """
            prompts: "Answer for item {{n}}"
            providers: [ollama:chat:tiny]
            """;

    @TempDir
    Path temp;

    private EvalHarness h;
    private final List<ScriptRuntime> runtimes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        h.write("vars.js", "module.exports.shift = (vars, context) => ({n: String(Number(vars.n) + 40), "
                + "seen: typeof context.uuid + ' ' + JSON.stringify(context.prompt)});\n");
    }

    @AfterEach
    void stop() {
        runtimes.forEach(ScriptRuntime::close);
        h.close();
    }

    static Stream<Arguments> suites() {
        return Stream.of(
                Arguments.of("transformVars lays its object over the vars before the prompt renders", """
                        defaultTest:
                          options:
                            transformVars: '({n: String(vars.n * 10), extra: 7})'
                          assert:
                            - type: equals
                              value: 'pass for item {{n}}'
                            - type: javascript
                              value: context.vars.extra === '7' && context.vars.n === String(Number(output.split(' ').pop()))
                        tests: file://items.csv
                        """, List.of("pass", "pass", "pass", "pass"), List.of("10", "20", "30", "40")),
                Arguments.of("a file's named function, which sees a uuid and an empty prompt", """
                        defaultTest:
                          options:
                            transformVars: file://vars.js:shift
                          assert:
                            - type: javascript
                              value: context.vars.seen === 'string {}' && output.endsWith(' ' + context.vars.n)
                        tests: file://items.csv
                        """, List.of("pass", "pass", "pass", "pass"), List.of("41", "42", "43", "44")),
                Arguments.of("the test's transformVars over the default's", """
                        defaultTest:
                          options:
                            transformVars: '({n: "9" + vars.n})'
                          assert:
                            - type: contains
                              value: 'item {{n}}'
                        tests:
                          - vars: {n: "1"}
                          - vars: {n: "2"}
                            options:
                              transformVars: '({n: "3" + vars.n})'
                        """, List.of("pass", "pass"), List.of("32", "91")),
                Arguments.of("a transformVars that throws or gives no object makes its case an error", """
                        defaultTest:
                          options:
                            transformVars: |
                              if (vars.n === '2') { throw new Error('no two'); }
                              return vars.n === '3' ? 'three' : {};
                          assert:
                            - type: contains
                              value: pass
                        tests: file://items.csv
                        """, List.of("pass", "The test's transformVars (inline JavaScript) failed: It threw Error: no two",
                        "The test's transformVars (inline JavaScript) returned a string; return an object", "pass"),
                        List.of("1", "2", "3", "4")),
                Arguments.of("an assertion's transform changes what that assertion alone sees", """
                        defaultTest:
                          assert:
                            - type: equals
                              value: PASS
                              transform: output.split(' ')[0].toUpperCase()
                            - type: starts-with
                              value: 'pass for'
                            - type: javascript
                              value: output.item === Number(context.vars.n)
                              transform: '({item: Number(output.split(" ").pop()), label: context.prompt.label})'
                        tests: file://items.csv
                        """, List.of("pass", "pass", "pass", "pass"), List.of("1", "2", "3", "4")),
                Arguments.of("it runs after the test's transform, and one that throws makes the case an error", """
                        defaultTest:
                          options:
                            transform: '({word: output.split(" ")[0], n: Number(output.split(" ").pop())})'
                          assert:
                            - type: equals
                              value: pass
                              transform: |
                                if (output.n === 3) { throw new Error('three'); }
                                return output.word;
                        tests: file://items.csv
                        """, List.of("pass", "pass", "The case could not be graded: equals: The assertion's "
                        + "transform (inline JavaScript) failed: It threw Error: three", "pass"), List.of("1", "2", "3", "4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void eachCaseEndsAsPromptfooWouldEndIt(String name, String suiteYaml, List<String> expected, List<String> ns)
            throws Exception {
        List<CaseResult> cases = run(HEAD + suiteYaml);

        assertThat(cases).extracting(c -> c.vars().get("n")).containsExactlyElementsOf(ns);
        List<String> ends = new ArrayList<>();
        for (CaseResult c : cases) {
            ends.add(c.error() != null ? c.error() : c.pass() ? "pass" : "fail");
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(ends.get(i)).as("case " + ns.get(i)).startsWith(expected.get(i));
        }
        assertThat(ends).hasSameSizeAs(expected);
    }

    private List<CaseResult> run(String suiteYaml) throws Exception {
        h.writeItems(4);
        h.write(EvalHarness.SUITE, suiteYaml);
        EvalSuite suite = h.load();
        EvalRun run = new EvalRunner(h.store(), EvalModels.single(() -> h.workbench().models(), model -> usage ->
                OptionalDouble.of(0)), Grader.standard(), new InMemoryVerdictCache(), Clock.systemUTC(), () -> {
                    ScriptRuntime runtime = new ScriptRuntime(JsSandbox.shared(), PythonCommand::find,
                            Duration.ofSeconds(2), Duration.ofSeconds(20));
                    runtimes.add(runtime);
                    return runtime;
                }).start(suite, Variant.all(suite).get(0), EvalHarness.options(2, 1), EvalProgress.NONE)
                .done().get(60, TimeUnit.SECONDS);
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        List<CaseResult> cases = new ArrayList<>(h.store().cases(run.id()));
        cases.sort(Comparator.comparing(c -> c.vars().get("n")));
        return cases;
    }
}
