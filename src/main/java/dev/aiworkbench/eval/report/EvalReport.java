package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a finished run says, with the numbers behind it: its items, the summary statistics,
 * the comparison with a baseline and the gate's decision.
 *
 * @param summary    empty when every item errored (there is nothing to measure)
 * @param gateSpec   the gate that decided, so a merge of shards' reports can decide again over all their items
 * @param warnings   sentences to show beside the numbers (small n, errors, a baseline that is not comparable)
 * @param quality    the mean of each RAG measure the run graded with (faithfulness, context relevance, …) and its
 *                   interval, in the order of {@link QualityMeasure}; empty when it used none
 * @param mergedFrom the shards' run ids when this report merges their reports; empty for a stored run
 */
public record EvalReport(EvalRun run, List<ItemResult> items, Optional<RunSummary> summary,
                         Optional<BaselineComparison> baseline, Optional<GateSpec> gateSpec,
                         Optional<GateDecision> gate, List<String> warnings, Map<QualityMeasure, QualityPoint> quality,
                         List<String> mergedFrom) {

    public EvalReport {
        mergedFrom = List.copyOf(mergedFrom);
        Map<QualityMeasure, QualityPoint> ordered = new EnumMap<>(QualityMeasure.class);
        ordered.putAll(quality);
        quality = Collections.unmodifiableMap(ordered);
    }

    public long passed() {
        return items.stream().filter(ItemResult::pass).count();
    }

    public long errors() {
        return items.stream().filter(i -> i.error() != null).count();
    }

    public long failed() {
        return items.size() - passed() - errors();
    }

    public boolean blocked() {
        return gate.map(g -> !g.passed()).orElse(false);
    }
}
