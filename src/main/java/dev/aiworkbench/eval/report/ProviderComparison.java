package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.PairedComparison;

import java.util.List;
import java.util.Optional;

/**
 * One provider's run of a prompt set against the suite's first provider's run of the same prompt, item by item, with
 * the statistics a baseline comparison uses.
 *
 * @param paired    empty when the two runs cannot be paired (one of them has no graded item, or they share none)
 * @param differing the paired items whose verdicts differ (the b and c of McNemar's test), in the candidate's order
 */
public record ProviderComparison(String prompt, EvalRun baseline, EvalRun candidate, Optional<PairedComparison> paired,
                                 List<Differing> differing) {

    public ProviderComparison {
        differing = List.copyOf(differing);
    }

    /**
     * An item the two providers graded differently.
     *
     * @param baselinePass  the item's pass fraction on the baseline provider (its pass or fail when run once)
     * @param candidatePass the same on the candidate provider
     */
    public record Differing(String key, double baselinePass, double candidatePass) {
        /** Whether the candidate did better on this item (one of McNemar's c). */
        public boolean rose() {
            return candidatePass > baselinePass;
        }
    }

    /** Whether this comparison concerns the given run, as its baseline or as its candidate. */
    public boolean involves(EvalRun run) {
        return baseline.id().equals(run.id()) || candidate.id().equals(run.id());
    }

    /** The comparison in sentences, or why there is none. */
    public String explain() {
        return paired.map(PairedComparison::explain).orElse("The two runs share no graded item, so they cannot be "
                + "paired; fix the errors shown for each case and run the suite again.");
    }
}
