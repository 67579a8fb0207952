package dev.aiworkbench.prompts;

import java.time.Instant;

/**
 * A kept playground run: what was asked, what came back, and the figures.
 *
 * @param provider   the provider it was made on, by name; null for a run kept before runs recorded it
 * @param thinking   null when the model sent no reasoning
 * @param doneReason null when the run failed
 * @param error      null unless the run failed; the partial output is kept either way
 */
public record PlaygroundRun(long id, Instant createdAt, String provider, RunSetup setup, String output, String thinking,
                            String doneReason, String error, RunFigures figures) {
    public RunStatus status() {
        return RunStatus.of(doneReason, error);
    }
}
