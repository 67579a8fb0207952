package dev.aiworkbench.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A finished call: the answer, why it ended, the server's counts and the client's timings.
 *
 * @param doneReason        the server's reason ("stop", "length", …), or "cancelled" when the learner stopped it
 * @param timeToFirstToken  from sending the request to the first non-empty piece of answer, measured here
 * @param total             from sending the request to the end of the answer, measured here
 */
public record GenerationResult(String text, String thinking, String model, String doneReason, Usage usage,
                               Optional<Duration> timeToFirstToken, Duration total) {
    public static final String CANCELLED = "cancelled";

    public boolean cancelled() {
        return CANCELLED.equals(doneReason);
    }
}
