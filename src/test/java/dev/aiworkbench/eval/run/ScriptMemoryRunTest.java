package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A javascript assertion that allocates without end fails its case with a sentence; the run and its other cases go on. */
class ScriptMemoryRunTest {
    @TempDir
    Path temp;

    private EvalHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theHogFailsItsAssertionAndTheRunGoesOn() throws Exception {
        h = new EvalHarness(temp);
        h.writeItems(4);
        h.write(EvalHarness.SUITE, """
                prompts: "Answer for item {{n}}"
                providers: [ollama:chat:tiny]
                defaultTest:
                  assert:
                    - type: javascript
                      value: |
                        if (context.vars.n === '2') { let a = []; while (true) a.push('x'.repeat(1e6)); }
                        return output.startsWith('pass');
                tests: file://items.csv
                """);
        EvalSuite suite = h.load();
        EvalRun run = h.run(suite, EvalHarness.options(4, 1));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        List<CaseResult> cases = h.store().cases(run.id()).stream()
                .sorted(Comparator.comparing(c -> c.vars().get("n"))).toList();
        assertThat(cases).extracting(CaseResult::pass).containsExactly(true, false, true, true);
        CaseResult hog = cases.get(1);
        assertThat(hog.error()).isNull();
        assertThat(hog.assertions().get(0).reason()).startsWith("The JavaScript check (inline JavaScript) failed: ")
                .endsWith("It allocated more than its memory limit of 256 MB and was stopped.");
    }
}
