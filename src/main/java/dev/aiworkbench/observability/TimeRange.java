package dev.aiworkbench.observability;

import java.time.Instant;
import java.util.Objects;

/** Calls that started at or after {@code from} and before {@code to}. */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a time range ends after it starts (" + from + " to " + to + ")");
        }
    }

    public static TimeRange since(Instant from, Instant now) {
        return new TimeRange(from, now);
    }
}
