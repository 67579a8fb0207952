package dev.aiworkbench.observability;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A time range cut for the rollups: the whole UTC hours inside it ({@code hoursFrom} to {@code hoursTo}, empty when
 * the range holds no whole hour), and the partial hours at its edges, read from the calls themselves.
 */
record HourSpan(Instant hoursFrom, Instant hoursTo, List<TimeRange> edges) {
    static HourSpan of(TimeRange range) {
        Instant from = range.from().truncatedTo(ChronoUnit.HOURS);
        Instant first = from.equals(range.from()) ? from : from.plus(1, ChronoUnit.HOURS);
        Instant last = range.to().truncatedTo(ChronoUnit.HOURS);
        if (!last.isAfter(first)) {
            return new HourSpan(first, first, List.of(range));
        }
        return new HourSpan(first, last, List.of(new TimeRange(range.from(), first), new TimeRange(last, range.to())));
    }
}
