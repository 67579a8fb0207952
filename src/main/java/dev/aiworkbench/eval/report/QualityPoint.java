package dev.aiworkbench.eval.report;

import java.time.Instant;

/**
 * One run's value in a quality series, with its 95% interval: the Wilson interval the run recorded for the pass
 * rate; for a RAG measure, the Student-t interval over the items it graded.
 *
 * @param at            when the run started
 * @param items         the items behind the value
 * @param meanOfSquares for a RAG measure, the mean of the items' squared scores, so points over disjoint items (a
 *                      suite's shards) can be pooled; NaN for the pass rate, which a stored run keeps without it
 */
public record QualityPoint(Instant at, double value, double low, double high, String runId, int items,
                           double meanOfSquares) {
}
