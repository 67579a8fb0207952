package dev.aiworkbench.eval.run;

import java.time.Instant;

/**
 * One run's aggregate of one assertion type's scores, computed in SQL for the quality series: each case's scores of
 * that type averaged, each item's cases (its repeats) averaged, then the items.
 *
 * @param assertionType the type as written, e.g. {@code context-faithfulness}
 * @param items         items with at least one graded assertion of the type
 * @param mean          the mean over those items
 * @param meanOfSquares the mean of the items' squared scores, for the spread
 */
public record MeasureAggregate(String runId, Instant startedAt, String assertionType, int items, double mean, double meanOfSquares) {
}
