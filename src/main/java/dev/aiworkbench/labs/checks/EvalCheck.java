package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

/**
 * An {@code eval} check: the suite file (relative to the workspace) runs through the eval runner, and its pass
 * rate must reach {@code minPassRate}. The message quotes the pass rate with its Wilson 95% interval.
 */
final class EvalCheck implements Check<CheckSpec.Eval> {

    @Override
    public Outcome evaluate(CheckSpec.Eval spec, CheckContext context, Deadline deadline) throws InterruptedException {
        Path suite;
        try {
            suite = Workspaces.resolve(context, spec.suite(), "suite");
        } catch (Workspaces.Refused refused) {
            return refused.outcome;
        }
        String shown = "'" + spec.suite() + "'";
        if (!Files.isRegularFile(suite)) {
            return Outcome.fail("Expected the eval suite " + shown + " in your workspace, but it is not there",
                    "Write the suite as the step describes, then run the check again.");
        }
        String required = Text.percent(spec.minPassRate());
        EvalSuiteRunner.EvalScore score;
        try {
            score = context.evals().run(suite, deadline.remaining());
        } catch (TimeoutException e) {
            return Outcome.error("The eval suite " + shown + " did not finish within " + Text.seconds(deadline.timeout())
                    + ", so the run was cancelled", "Make the suite smaller or the model's answers shorter, or give the "
                    + "check more time in lab.yaml, then run the check again.");
        } catch (EvalSuiteRunner.EvalSuiteException e) {
            return switch (e.kind()) {
                case INVALID_SUITE -> Outcome.fail("The eval suite " + shown + " cannot run: " + e.getMessage(),
                        "Fix the suite file, then run the check again.");
                case NO_RESULT -> Outcome.error("The eval suite " + shown + " gave no pass rate: " + e.getMessage(),
                        "Look at the errors of its cases (the Evals screen shows them), then run the check again.");
                case SERVER -> Outcome.error("The eval suite " + shown + " could not run: " + e.getMessage(),
                        "Once the model server answers with the models the suite needs, run the check again.");
                case UNAVAILABLE -> Outcome.error("The eval suite " + shown + " could not run: " + e.getMessage(),
                        "Run the check from the workbench's lab screen or command line.");
            };
        }
        String rate = "pass rate " + Text.percent(score.passRate()) + " (" + score.explanation() + ")";
        if (score.passRate() + 1e-12 >= spec.minPassRate()) {
            return Outcome.pass("The eval suite " + shown + " reached the required " + required + ": " + rate);
        }
        return Outcome.fail("Expected the eval suite " + shown + " to reach a pass rate of " + required + ", but it got "
                        + rate + (score.label() == null || score.label().isBlank() ? "" : " for " + score.label()),
                "Improve the prompt where its cases fail (run `workbench eval run " + spec.suite()
                        + "` to see each case), then run the check again.");
    }
}
