package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.stats.Bootstrap;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.ItemOutcome;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers of a suite compared: for each prompt, every other provider's run is paired with the first provider's
 * run, item by item, exactly as a run is paired with its baseline ({@link PairedComparison}).
 */
public final class ProviderComparisons {
    private ProviderComparisons() {
    }

    /**
     * @param reports the suite's reports in the order its variants ran (prompt by prompt, provider by provider)
     * @return empty when no prompt ran on more than one provider
     */
    public static List<ProviderComparison> of(List<EvalReport> reports) {
        Map<String, List<EvalReport>> byPrompt = new LinkedHashMap<>();
        reports.forEach(r -> byPrompt.computeIfAbsent(r.run().promptLabel(), k -> new ArrayList<>()).add(r));
        List<ProviderComparison> comparisons = new ArrayList<>();
        byPrompt.forEach((prompt, runs) -> {
            EvalReport first = runs.get(0);
            for (EvalReport other : runs.subList(1, runs.size())) {
                comparisons.add(new ProviderComparison(prompt, first.run(), other.run(), paired(first, other),
                        differing(first, other)));
            }
        });
        return List.copyOf(comparisons);
    }

    /** The items both runs graded whose pass fractions differ: the discordant pairs McNemar's test counts. */
    private static List<ProviderComparison.Differing> differing(EvalReport baseline, EvalReport candidate) {
        if (baseline.summary().isEmpty() || candidate.summary().isEmpty()) {
            return List.of();
        }
        Map<String, Double> before = new HashMap<>();
        baseline.summary().get().items().forEach(item -> before.put(item.key(), item.passFraction()));
        List<ProviderComparison.Differing> differing = new ArrayList<>();
        for (ItemOutcome item : candidate.summary().get().items()) {
            Double was = before.get(item.key());
            if (was != null && was != item.passFraction()) {
                differing.add(new ProviderComparison.Differing(item.key(), was, item.passFraction()));
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
