package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.stats.Bootstrap;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.ItemOutcome;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cells of a suite's prompt × provider matrix compared: every pair of cells is paired item by item, the later
 * against the earlier, exactly as a run is paired with its baseline ({@link PairedComparison}).
 */
public final class CellComparisons {
    private CellComparisons() {
    }

    /**
     * @param reports the suite's reports in the order its cells ran (prompt by prompt, provider by provider)
     * @return empty for a suite of one cell
     */
    public static List<CellComparison> of(List<EvalReport> reports) {
        List<CellComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                EvalReport baseline = reports.get(i);
                EvalReport candidate = reports.get(j);
                comparisons.add(new CellComparison(baseline.run(), candidate.run(), paired(baseline, candidate),
                        differing(baseline, candidate)));
            }
        }
        return List.copyOf(comparisons);
    }

    /** The items both runs graded whose pass fractions differ: the discordant pairs McNemar's test counts. */
    private static List<CellComparison.Differing> differing(EvalReport baseline, EvalReport candidate) {
        if (baseline.summary().isEmpty() || candidate.summary().isEmpty()) {
            return List.of();
        }
        Map<String, Double> before = new HashMap<>();
        baseline.summary().get().items().forEach(item -> before.put(item.key(), item.passFraction()));
        List<CellComparison.Differing> differing = new ArrayList<>();
        for (ItemOutcome item : candidate.summary().get().items()) {
            Double was = before.get(item.key());
            if (was != null && was != item.passFraction()) {
                differing.add(new CellComparison.Differing(item.key(), was, item.passFraction()));
            }
        }
        return differing;
    }

    private static Optional<PairedComparison> paired(EvalReport baseline, EvalReport candidate) {
        if (baseline.summary().isEmpty() || candidate.summary().isEmpty()) {
            return Optional.empty();
        }
        RunSummary before = baseline.summary().get();
        RunSummary after = candidate.summary().get();
        double alpha = candidate.gateSpec().map(GateSpec::alpha).orElse(GateSpec.DEFAULT_ALPHA);
        try {
            return Optional.of(PairedComparison.of(before, after, alpha, Bootstrap.DEFAULT_SEED));
        } catch (IllegalArgumentException noItemInCommon) {
            return Optional.empty();
        }
    }
}
