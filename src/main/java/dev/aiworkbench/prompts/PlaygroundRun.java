package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.ToolCall;

import java.time.Instant;
import java.util.List;

/**
 * A kept playground run: what was asked, what came back, and the figures.
 *
 * @param provider   the provider it was made on, by name; null for a run kept before runs recorded it
 * @param thinking   null when the model sent no reasoning
 * @param doneReason null when the run failed
 * @param error      null unless the run failed; the partial output is kept either way
 * @param toolCalls  the tools the model asked to run, whole; empty for a plain answer
 */
public record PlaygroundRun(long id, Instant createdAt, String provider, RunSetup setup, String output, String thinking,
                            String doneReason, String error, RunFigures figures, List<ToolCall> toolCalls) {
    public PlaygroundRun {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** The model's answer ended asking for tools to run: the conversation goes on once their results are sent. */
    public boolean callsTools() {
        return !toolCalls.isEmpty() && status() == RunStatus.DONE;
    }

    public RunStatus status() {
        return RunStatus.of(doneReason, error);
    }
}
