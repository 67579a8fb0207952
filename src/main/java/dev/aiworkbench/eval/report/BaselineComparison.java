package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.ItemOutcome;
import dev.aiworkbench.eval.stats.PairedComparison;

import java.util.List;

/**
 * A run set against its baseline, item by item.
 *
 * @param sameDataset   whether both ran the same items; otherwise only the shared items were paired
 * @param baselineItems the baseline's per-item outcomes the comparison paired with, kept in the JSON report so the
 *                      reports of a suite's shards can be paired again as one
 */
public record BaselineComparison(EvalRun baseline, PairedComparison comparison, boolean sameDataset,
                                 List<ItemOutcome> baselineItems) {
    public BaselineComparison {
        baselineItems = List.copyOf(baselineItems);
    }
}
