package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.PairedComparison;

/**
 * A run set against its baseline, item by item.
 *
 * @param sameDataset whether both ran the same items; otherwise only the shared items were paired
 */
public record BaselineComparison(EvalRun baseline, PairedComparison comparison, boolean sameDataset) {
}
