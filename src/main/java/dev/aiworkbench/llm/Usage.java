package dev.aiworkbench.llm;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The server's own counts for one call. Ollama omits a count it does not have (Go's omitempty), so
 * an absent count is unknown, never zero.
 */
public record Usage(OptionalInt promptTokens, OptionalInt outputTokens, OptionalLong totalDurationNanos,
                    OptionalLong loadDurationNanos, OptionalLong promptEvalDurationNanos,
                    OptionalLong evalDurationNanos) {

    public static final Usage UNKNOWN = new Usage(OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    /** Output tokens per second as the server timed them: eval_count / eval_duration. */
    public OptionalDouble tokensPerSecond() {
        if (outputTokens.isEmpty() || evalDurationNanos.isEmpty() || evalDurationNanos.getAsLong() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(outputTokens.getAsInt() * 1e9 / evalDurationNanos.getAsLong());
    }
}
