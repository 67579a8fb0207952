package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.InMemoryVerdictCache;
import dev.aiworkbench.eval.scripts.JsSandbox;
import dev.aiworkbench.eval.scripts.PythonCommand;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A run with transforms and script assertions, against the fake Ollama: what the assertions see, what is kept. */
class ScriptRunTest {
    @TempDir
    Path temp;

    private EvalHarness h;
    private final List<ScriptRuntime> runtimes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
    }

    @AfterEach
    void stop() {
        runtimes.forEach(ScriptRuntime::close);
        h.close();
    }

    private EvalRunner runner() {
        return new EvalRunner(h.store(), EvalModels.single(() -> h.workbench().models(), model -> usage ->
                OptionalDouble.of(0)), Grader.standard(), new InMemoryVerdictCache(), Clock.systemUTC(), () -> {
                    ScriptRuntime runtime = new ScriptRuntime(JsSandbox.shared(), PythonCommand::find,
                            Duration.ofSeconds(2), Duration.ofSeconds(20));
                    runtimes.add(runtime);
                    return runtime;
                });
    }

    private List<CaseResult> run(String suiteYaml, int items) throws Exception {
        h.writeItems(items);
        h.write(EvalHarness.SUITE, suiteYaml);
        EvalSuite suite = h.load();
        EvalRun run = runner().start(suite, Variant.all(suite).get(0), EvalHarness.options(3, 1), EvalProgress.NONE)
                .done().get(60, TimeUnit.SECONDS);
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        List<CaseResult> cases = new ArrayList<>(h.store().cases(run.id()));
        cases.sort(Comparator.comparingInt(c -> Integer.parseInt(c.vars().get("n"))));
        return cases;
    }

    @Test
    void theTransformRunsBeforeTheAssertionsAndItsOutputIsKept() throws Exception {
        h.write("checks.js", """
                module.exports = (output, context) => ({
                  pass: output.item === Number(context.vars.n),
                  score: output.item / 10,
                  reason: 'item ' + output.item + ' of ' + context.test.description
                });
                """);
        List<CaseResult> cases = run("""
                prompts: "Answer for item {{n}}"
                providers: [ollama:chat:tiny]
                defaultTest:
                  options:
                    transform: |
                      const n = Number(output.split(' ').pop());
                      if (n === 3) {
                        throw new Error('item three is refused');
                      }
                      return {verdict: output.split(' ')[0], item: n};
                  assert:
                    - type: javascript
                      value: file://checks.js
                    - type: equals
                      value: '{"verdict":"pass","item":{{n}}}'
                tests: file://items.csv
                """, 4);

        CaseResult one = cases.get(0);
        assertThat(one.pass()).as(one.error()).isTrue();
        assertThat(one.output()).isEqualTo("{\"verdict\":\"pass\",\"item\":1}");
        assertThat(one.assertions().get(0).reason()).isEqualTo("item 1 of item 1");
        assertThat(one.assertions().get(0).score()).isEqualTo(0.1);
        CaseResult three = cases.get(2);
        assertThat(three.pass()).isFalse();
        assertThat(three.error()).contains("The test's transform (inline JavaScript) failed")
                .contains("Error: item three is refused");
        assertThat(three.output()).isEqualTo("pass for item 3");
        assertThat(cases).filteredOn(CaseResult::pass).hasSize(3);
    }

    @Test
    void pythonAssertionsShareOneWorkerThatStopsWithTheRun() throws Exception {
        assumeThat(PythonCommand.find()).as("python3 on PATH").isPresent();
        h.write("check.py", """
                import os

                def get_assert(output, context):
                    ok = output.startswith('pass') and context['vars']['n'] in output
                    return {'pass': ok, 'score': 1.0 if ok else 0.0, 'reason': str(os.getpid())}
                """);
        h.answer((item, call) -> item == 5 ? "fail" : "pass");
        List<CaseResult> cases = run("""
                prompts: "Answer for item {{n}}"
                providers: [ollama:chat:tiny]
                defaultTest:
                  assert:
                    - type: python
                      value: file://check.py
                    - type: python
                      value: output.upper().startswith('PASS')
                tests: file://items.csv
                """, 12);

        assertThat(cases).hasSize(12);
        assertThat(cases).filteredOn(CaseResult::pass).hasSize(11);
        Map<String, Long> pids = cases.stream().map(c -> c.assertions().get(0).reason())
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(pids).hasSize(1);
        assertThat(runtimes).singleElement().satisfies(r -> assertThat(r.pythonStarts()).isEqualTo(1));
        long pid = Long.parseLong(pids.keySet().iterator().next());
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(cases.get(4).assertions()).extracting(AssertionResult::pass).containsExactly(false, false);
    }

    @Test
    void aCancelKillsThePythonWorkerMidCallAndKeepsNoCaseItCut() throws Exception {
        assumeThat(PythonCommand.find()).as("python3 on PATH").isPresent();
        h.write("slow.py", """
                import os, time

                def get_assert(output, context):
                    with open(os.path.join(os.path.dirname(__file__), 'worker.pid'), 'w') as f:
                        f.write(str(os.getpid()))
                    time.sleep(60)
                    return True
                """.replace("os.path.dirname(__file__)", "'" + temp.toString().replace("\\", "/") + "'"));
        h.writeItems(1);
        h.write(EvalHarness.SUITE, """
                prompts: "Answer for item {{n}}"
                providers: [ollama:chat:tiny]
                defaultTest:
                  assert:
                    - type: python
                      value: file://slow.py
                tests: file://items.csv
                """);
        EvalSuite suite = h.load();
        EvalExecution execution = runner().start(suite, Variant.all(suite).get(0), EvalHarness.options(1, 1),
                EvalProgress.NONE);
        Path pidFile = temp.resolve("worker.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(java.nio.file.Files.exists(pidFile) && java.nio.file.Files.size(pidFile) > 0)) {
            assertThat(System.nanoTime()).as("the worker started its call").isLessThan(deadline);
            Thread.sleep(20);
        }
        long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());

        execution.cancel();
        EvalRun run = execution.done().get(30, TimeUnit.SECONDS);

        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(h.store().cases(run.id())).isEmpty();
    }
}
