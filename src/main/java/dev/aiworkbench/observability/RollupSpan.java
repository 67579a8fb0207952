package dev.aiworkbench.observability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A time range cut for the rollups: whole UTC days (when allowed) and whole UTC hours inside it, each read from its
 * rollup table, and the partial hours at its edges, read from the calls themselves.
 */
record RollupSpan(List<Part> parts, List<TimeRange> edges) {
    /** The rollups of one table from {@code from} up to {@code to}. */
    record Part(RollupPeriod period, Instant from, Instant to) {
    }

    /** @param days whether whole UTC days may come from the day rollups (not for a learner's days off UTC) */
    static RollupSpan of(TimeRange range, boolean days) {
        Instant first = ceil(RollupPeriod.HOUR, range.from());
        Instant last = RollupPeriod.HOUR.startOf(range.to());
        if (!last.isAfter(first)) {
            return new RollupSpan(List.of(), List.of(range));
        }
        List<TimeRange> edges = List.of(new TimeRange(range.from(), first), new TimeRange(last, range.to()));
        Instant firstDay = ceil(RollupPeriod.DAY, first);
        Instant lastDay = RollupPeriod.DAY.startOf(last);
        if (!days || !lastDay.isAfter(firstDay)) {
            return new RollupSpan(List.of(new Part(RollupPeriod.HOUR, first, last)), edges);
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(RollupPeriod.DAY, firstDay, lastDay));
        parts.add(new Part(RollupPeriod.HOUR, first, firstDay));
        parts.add(new Part(RollupPeriod.HOUR, lastDay, last));
        return new RollupSpan(parts, edges);
    }

    private static Instant ceil(RollupPeriod period, Instant instant) {
        Instant start = period.startOf(instant);
        return start.equals(instant) ? start : period.next(start);
    }
}
