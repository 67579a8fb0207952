package dev.aiworkbench.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * Time spent on an item: a timer run or minutes typed in by hand.
 *
 * @param endedAt null while the timer runs
 * @param minutes null while the timer runs
 */
public record TimeEntry(String itemId, Source source, Instant startedAt, Instant endedAt, Integer minutes) {

    public enum Source {
        TIMER("timer"), MANUAL("manual");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Source fromId(String id) {
            for (Source source : values()) {
                if (source.id.equals(id)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("unknown time source '" + id + "'");
        }
    }

    public boolean running() {
        return endedAt == null;
    }

    /** Minutes so far: the recorded figure, or the elapsed time of a running timer. */
    public long minutesAt(Instant now) {
        return running() ? Math.max(0, Duration.between(startedAt, now).toMinutes()) : minutes;
    }
}
