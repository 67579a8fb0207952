package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code command} check: the argument list runs in the workspace as {@link WorkspaceCommand} runs it. The exit code
 * must be the one expected (0 by default) and the output must match the pattern, when there is one ({@code find}, with
 * {@code ^} and {@code $} at line breaks). A command still running at the timeout is killed with every process it
 * started, and the check is an error.
 */
final class CommandCheck implements Check<CheckSpec.Command> {
    @Override
    public Outcome evaluate(CheckSpec.Command spec, CheckContext context, Deadline deadline) throws InterruptedException {
        Pattern pattern = null;
        if (spec.outputPattern() != null && !spec.outputPattern().isEmpty()) {
            try {
                pattern = Pattern.compile(spec.outputPattern(), Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                return Outcome.error("The check's output pattern /" + spec.outputPattern() + "/ is not a valid regular "
                        + "expression (" + e.getDescription() + ")", "This is a mistake in the lab: correct expect.output "
                        + "in lab.yaml.");
            }
        }
        WorkspaceCommand.Ran ran;
        try {
            ran = WorkspaceCommand.run(spec.run(), context, deadline);
        } catch (WorkspaceCommand.NotRun e) {
            return e.outcome();
        }
        if (ran.exitCode() != spec.exitCode()) {
            return Outcome.fail("Expected " + ran.shown() + " to exit with " + spec.exitCode() + ", but it exited with "
                    + ran.exitCode() + ran.outputNote(), "Fix what the output points to, then run the check again.");
        }
        if (pattern != null && !pattern.matcher(ran.output()).find()) {
            return Outcome.fail("Expected the output of " + ran.shown() + " to match /" + spec.outputPattern()
                    + "/, but it does not" + ran.outputNote(), "Fix what the output points to, then run the check"
                    + " again.");
        }
        return Outcome.pass("The command " + ran.shown() + " exited with " + ran.exitCode()
                + (pattern == null ? "" : " and its output matches /" + spec.outputPattern() + "/"));
    }
}
