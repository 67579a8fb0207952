package dev.aiworkbench.llm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A finished call: the answer, why it ended, the server's counts and the client's timings.
 *
 * @param doneReason        the server's reason ("stop", "length", …), or "cancelled" when the learner stopped it
 * @param timeToFirstToken  from sending the request to the first non-empty piece of answer, measured here
 * @param total             from sending the request to the end of the answer, measured here
 * @param toolCalls         the tools the model asked to run, in order; empty for a plain answer
 */
public record GenerationResult(String text, String thinking, String model, String doneReason, Usage usage,
                               Optional<Duration> timeToFirstToken, Duration total, List<ToolCall> toolCalls) {
    public static final String CANCELLED = "cancelled";

    public GenerationResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public GenerationResult(String text, String thinking, String model, String doneReason, Usage usage,
                            Optional<Duration> timeToFirstToken, Duration total) {
        this(text, thinking, model, doneReason, usage, timeToFirstToken, total, List.of());
    }

    public boolean callsTools() {
        return !toolCalls.isEmpty();
    }

    /** The model's turn, to send back with the tools' results. */
    public ChatMessage asAssistantTurn() {
        return ChatMessage.assistant(text, toolCalls);
    }

    public boolean cancelled() {
        return CANCELLED.equals(doneReason);
    }
}
