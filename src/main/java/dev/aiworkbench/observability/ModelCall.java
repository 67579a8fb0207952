package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallTag;

import java.time.Instant;
import java.util.Objects;

/**
 * One model call as it was measured, before it is priced and kept.
 *
 * @param tag             what the call was for; its feature is always known
 * @param inputTokens     the server's count, or null when it gave none
 * @param outputTokens    the server's count, or null when it gave none
 * @param ttftMs          from sending to the first piece of answer, or null when none arrived (or the call was not
 *                        streamed)
 * @param tokensPerSecond output tokens per second as the server timed them, or null
 * @param errorKind       for an error, the kind in lower case ({@code timeout}, {@code model_not_found}, …); else null
 */
public record ModelCall(Instant startedAt, CallTag tag, Operation operation, String provider, String model,
                        Integer inputTokens, Integer outputTokens, Double ttftMs, double totalMs, Double tokensPerSecond,
                        CallOutcome outcome, String errorKind) {
    public ModelCall {
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(tag.feature(), "a recorded call needs its feature");
        Objects.requireNonNull(operation);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(model);
        Objects.requireNonNull(outcome);
        if ((outcome == CallOutcome.ERROR) != (errorKind != null)) {
            throw new IllegalArgumentException("an error, and only an error, has a kind");
        }
    }
}
