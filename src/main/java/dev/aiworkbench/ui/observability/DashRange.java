package dev.aiworkbench.ui.observability;

import dev.aiworkbench.observability.TimeRange;

import java.time.Duration;
import java.time.Instant;

/** The time ranges the dashboard offers, each ending now. */
public enum DashRange {
    LAST_24_HOURS("Last 24 hours", "the last 24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("Last 7 days", "the last 7 days", Duration.ofDays(7)),
    LAST_30_DAYS("Last 30 days", "the last 30 days", Duration.ofDays(30)),
    LAST_90_DAYS("Last 90 days", "the last 90 days", Duration.ofDays(90));

    private final String label;
    private final String phrase;
    private final Duration length;

    DashRange(String label, String phrase, Duration length) {
        this.label = label;
        this.phrase = phrase;
        this.length = length;
    }

    /** The range that ends at {@code now}. */
    public TimeRange endingAt(Instant now) {
        return new TimeRange(now.minus(length), now);
    }

    /** For a sentence: "No model calls in the last 7 days". */
    public String phrase() {
        return phrase;
    }

    @Override
    public String toString() {
        return label;
    }
}
