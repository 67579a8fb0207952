package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.List;
import java.util.Optional;

/**
 * Everything a finished run says, with the numbers behind it: its items, the summary statistics,
 * the comparison with a baseline and the gate's decision.
 *
 * @param summary  empty when every item errored (there is nothing to measure)
 * @param warnings sentences to show beside the numbers (small n, errors, a baseline that is not comparable)
 */
public record EvalReport(EvalRun run, List<ItemResult> items, Optional<RunSummary> summary,
                         Optional<BaselineComparison> baseline, Optional<GateDecision> gate, List<String> warnings) {

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
