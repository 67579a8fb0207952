package dev.aiworkbench.authoring;

import dev.aiworkbench.diagnostics.Problem;

import java.util.List;

/**
 * What {@code pack lint --run-labs} found for one lab.
 *
 * @param problems none for a pass; the errors for a failure; for a skipped lab, the warning that says why
 */
public record RehearsedLab(String labId, Verdict verdict, List<Problem> problems) {
    /** Whether the lab's starter failed and its solution passed, one of them did not, or it could not run here. */
    public enum Verdict { PASSED, FAILED, SKIPPED }

    public RehearsedLab {
        problems = List.copyOf(problems);
    }
}
