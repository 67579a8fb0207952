package dev.aiworkbench.labs.checks;

import java.time.Duration;

/** When a check must be finished, on the monotonic clock. */
record Deadline(long startNanos, Duration timeout) {

    static Deadline start(Duration timeout) {
        return new Deadline(System.nanoTime(), timeout);
    }

    /** Time left, never negative. */
    Duration remaining() {
        long left = startNanos + timeout.toNanos() - System.nanoTime();
        return Duration.ofNanos(Math.max(0, left));
    }

    /** Time left, at least one millisecond (for APIs that refuse zero). */
    long remainingMillis() {
        return Math.max(1, remaining().toMillis());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
