package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.EvalReporter;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.suite.SuiteLoader;

import java.nio.file.Path;

/**
 * What the Evals screen works with: reading suites, running them, scoring runs, reading stored runs, and the
 * data folder's {@code evals/} folder where bundled suites are copied for the learner to edit.
 *
 * @param runEnded told on the FX thread when a run stops, and again once a finished run is scored (the session
 *                 checks the budgets then)
 */
public record EvalsServices(SuiteLoader suites, EvalRunner runner, EvalReporter reporter, EvalHistory history,
                            Path evalsFolder, Runnable runEnded) {

    /** Services whose runs end unheard. */
    public EvalsServices(SuiteLoader suites, EvalRunner runner, EvalReporter reporter, EvalHistory history,
                         Path evalsFolder) {
        this(suites, runner, reporter, history, evalsFolder, () -> { });
    }
}
