package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.report.EvalHistory;
import dev.aiworkbench.eval.report.EvalReporter;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.suite.SuiteLoader;

import java.nio.file.Path;

/**
 * What the Evals screen works with: reading suites, running them, scoring runs, reading stored runs, and the
 * data folder's {@code evals/} folder where bundled suites are copied for the learner to edit.
 */
public record EvalsServices(SuiteLoader suites, EvalRunner runner, EvalReporter reporter, EvalHistory history,
                            Path evalsFolder) {
}
