package dev.aiworkbench.prompts;

import java.time.Instant;

/**
 * A kept playground run: what was asked, what came back, and the figures.
 *
 * @param thinking   null when the model sent no reasoning
 * @param doneReason null when the run failed
 * @param error      null unless the run failed; the partial output is kept either way
 */
public record PlaygroundRun(long id, Instant createdAt, RunSetup setup, String output, String thinking,
                            String doneReason, String error, RunFigures figures) {
    public RunStatus status() {
        return RunStatus.of(doneReason, error);
    }
}
