package dev.aiworkbench.ui.evals;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.MatrixReport;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalProgress;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Evals screen opening a suite whose last run ran every cell as one run (as `eval run` does): the history has
 * that run once, and the matrix shown around its cell is that run's cells, not each cell's newest run of its own.
 */
class EvalsMatrixRunTest {
    @TempDir
    Path data;

    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private FakeOllama ollama;
    private Workbench workbench;

    @BeforeEach
    void open() throws Exception {
        ollama = FakeOllama.start();
        ollama.answer("steady", "Hello", " world").answer("shaky", "Hello", " there");
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.of(ollama.baseUrl())), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        workbench.close();
        ollama.close();
    }

    /** Runs every cell of the suite as one stored run, as `eval run` does, and returns the run's own row. */
    private EvalRun runWhole(EvalSuite suite) throws Exception {
        EvalRunner runner = workbench.evalRunner();
        EvalOptions options = new EvalOptions(2, 1, EvalOptions.DEFAULT_RETRIES, Duration.ofSeconds(30),
                Optional.empty());
        EvalRun matrix = runner.startMatrix(suite, options);
        for (Variant cell : Variant.all(suite)) {
            EvalRun done = runner.startCell(matrix, suite, cell, options, EvalProgress.NONE).done()
                    .get(30, TimeUnit.SECONDS);
            workbench.evalReporter().report(done, Optional.empty(), Optional.empty());
        }
        return runner.finishMatrix(matrix, RunState.FINISHED, null, null);
    }

    @Test
    void theStoredMatrixRunIsOneHistoryRowAndItsCellsAreTheMatrixShown() throws Exception {
        Path file = data.resolve("suites/two/promptfooconfig.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                prompts: ['Say {{x}}']
                providers: [ollama:chat:steady, ollama:chat:shaky]
                tests:
                  - {vars: {x: a}, assert: [{type: contains, value: world}]}
                  - {vars: {x: b}, assert: [{type: contains, value: Hello}]}
                """);
        EvalRun whole = runWhole(workbench.suiteLoader().load(file).suite().orElseThrow());

        EvalsViewModel model = new EvalsViewModel(new EvalsServices(workbench.suiteLoader(), workbench.evalRunner(),
                workbench.evalReporter(), workbench.evalHistory(), data.resolve("evals")), ZoneOffset.UTC, tasks,
                work -> work);
        model.typedPathProperty().set(file.toString());
        model.openTyped();

        EvalReport shown = model.shownReport().orElseThrow();
        assertThat(shown.run().id()).isEqualTo(EvalRun.cellId(whole.id(), 1));
        assertThat(model.history().baselines()).extracting(RunHistoryModel.BaselineOption::runId)
                .as("the gate's own baseline, then the one run (its cell of this combination)")
                .containsExactly(null, EvalRun.cellId(whole.id(), 1));
        assertThat(model.history().trend()).extracting(EvalRun::id).containsExactly(EvalRun.cellId(whole.id(), 1));
        MatrixReport matrix = model.reportProperty().get().matrix().orElseThrow();
        assertThat(matrix.runId()).contains(whole.id());
        assertThat(matrix.cells()).extracting(c -> c.run().id())
                .containsExactly(EvalRun.cellId(whole.id(), 1), EvalRun.cellId(whole.id(), 2));
        assertThat(matrix.cells()).extracting(c -> c.summary().orElseThrow().passRate().rate())
                .containsExactly(1.0, 0.5);
        assertThat(workbench.evalHistory().runs(null, 10)).extracting(EvalRun::id).containsExactly(whole.id());
    }
}
