package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.Usage;

import java.time.Duration;
import java.util.List;

/**
 * How a run ended, as the gateway reported it: finished, stopped by the learner, or failed. A failed
 * or stopped run keeps the answer that had arrived.
 *
 * @param thinking         reasoning text from thinking models; null when there was none
 * @param doneReason       the server's reason ("stop", "length"), "cancelled", or null when it failed
 * @param error            the sentence shown to the learner when the run failed; null otherwise
 * @param timeToFirstToken null when no answer arrived
 * @param total            null when not measured
 * @param toolCalls        the tools the model asked to run, whole; empty for a plain answer or a failed call
 */
public record RunOutcome(String output, String thinking, String doneReason, String error, Usage usage,
                         Duration timeToFirstToken, Duration total, List<ToolCall> toolCalls) {
    public RunOutcome {
        output = output == null ? "" : output;
        thinking = thinking == null || thinking.isEmpty() ? null : thinking;
        usage = usage == null ? Usage.UNKNOWN : usage;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** An outcome without tool calls. */
    public RunOutcome(String output, String thinking, String doneReason, String error, Usage usage,
                      Duration timeToFirstToken, Duration total) {
        this(output, thinking, doneReason, error, usage, timeToFirstToken, total, List.of());
    }

    /** A call that finished or was stopped ({@link GenerationResult#cancelled()}). */
    public static RunOutcome of(GenerationResult result) {
        return new RunOutcome(result.text(), result.thinking(), result.doneReason(), null, result.usage(),
                result.timeToFirstToken().orElse(null), result.total(), result.toolCalls());
    }

    /**
     * A call that failed. The partial answer is the one the exception kept, if any.
     *
     * @param partialThinking reasoning that had arrived, or null
     * @param elapsed         from sending to the failure, or null when not measured
     */
    public static RunOutcome failed(ModelServerException failure, String partialThinking, Duration timeToFirstToken,
                                    Duration elapsed) {
        String partial = failure instanceof GenerationFailedException g ? g.partialText() : "";
        return new RunOutcome(partial, partialThinking, null, failure.getMessage(), Usage.UNKNOWN, timeToFirstToken,
                elapsed);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean cancelled() {
        return GenerationResult.CANCELLED.equals(doneReason);
    }
}
