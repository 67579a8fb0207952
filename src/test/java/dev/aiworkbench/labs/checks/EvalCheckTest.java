package dev.aiworkbench.labs.checks;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.eval.run.EvalHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.aiworkbench.labs.checks.Specs.eval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eval checks against the real eval runner, a real workbench data folder and the fake Ollama. One workbench serves
 * the class (opening one takes a while); each test writes the suite files it runs.
 */
class EvalCheckTest {
    @TempDir
    static Path workspace;

    private static EvalHarness harness;
    private static CheckEngine engine;
    private static CheckContext context;

    @BeforeAll
    static void start() {
        harness = new EvalHarness(workspace);
        engine = new CheckEngine();
        Workbench workbench = harness.workbench();
        context = CheckContext.of(workspace).withEndpoints(Specs.ollama(harness.fake.baseUri()))
                .withModels(workbench::models)
                .withEvals(new LocalEvalSuiteRunner(workbench.suiteLoader(), workbench.evalRunner(),
                        workbench.evalReporter()));
    }

    @AfterAll
    static void stop() {
        engine.close();
        harness.close();
    }

    @BeforeEach
    void clear() {
        harness.fake.clearRequests();
    }

    @Test
    void passesWhenThePassRateReachesTheMinimumAndQuotesItsInterval() {
        harness.writeSuite(10, 4);
        harness.failing(3);

        CheckResult result = engine.run(eval(EvalHarness.SUITE, 0.8), context);

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).startsWith("The eval suite 'suite.yaml' reached the required 80.0%: pass rate "
                + "90.0% (9 of 10 passed: 90.0%, 95% interval ").contains("(Wilson)");
        assertThat(harness.requestedItems()).hasSize(10);
    }

    @Test
    void failsBelowTheMinimum() {
        harness.writeSuite(10, 4);
        harness.failing(3, 7);

        CheckResult result = engine.run(eval(EvalHarness.SUITE, 0.9), context);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).startsWith("Expected the eval suite 'suite.yaml' to reach a pass rate of 90.0%, but "
                + "it got pass rate 80.0% (8 of 10 passed: 80.0%, 95% interval ")
                .contains("workbench eval run suite.yaml");
    }

    @Test
    void aMissingOrBrokenSuiteFails() {
        CheckResult missing = engine.run(eval("evals/suite.yaml", 0.5), context);
        harness.write("broken.yaml", "prompts: [\n");
        CheckResult broken = engine.run(eval("broken.yaml", 0.5), context);

        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.message()).startsWith("Expected the eval suite 'evals/suite.yaml' in your workspace, but it "
                + "is not there.");
        assertThat(broken.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(broken.message()).startsWith("The eval suite 'broken.yaml' cannot run: ").contains("error");
    }

    @Test
    void aModelTheServerLacksIsAnError() {
        harness.writeItems(3);
        harness.write("other.yaml", EvalHarness.suiteYaml(2).replace("ollama:chat:tiny", "ollama:chat:absent"));

        CheckResult result = engine.run(eval("other.yaml", 0.5), context);

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).contains("'absent'").contains("pull it");
    }

    @Test
    void withoutOllamaItIsAnErrorNamingIt() {
        harness.writeSuite(2, 1);

        CheckResult result = engine.run(eval(EvalHarness.SUITE, 0.5), CheckContext.of(workspace));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).startsWith("This check needs the ollama service, which is not running.");
    }
}
