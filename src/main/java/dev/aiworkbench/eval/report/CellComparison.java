package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.PairedComparison;

import java.util.List;
import java.util.Optional;

/**
 * Two cells of a suite's prompt × provider matrix compared item by item, the later cell (the candidate) against the
 * earlier (the baseline), with the statistics a baseline comparison uses: so "prompt B beats prompt A" or "this model
 * beats that one" comes with McNemar's b, c and exact p and the difference with its interval.
 *
 * @param paired    empty when the two runs cannot be paired (one of them has no graded item, or they share none)
 * @param differing the paired items whose verdicts differ (the b and c of McNemar's test), in the candidate's order
 */
public record CellComparison(EvalRun baseline, EvalRun candidate, Optional<PairedComparison> paired,
                                 List<Differing> differing) {

    public CellComparison {
        differing = List.copyOf(differing);
    }

    /**
     * An item the two cells graded differently.
     *
     * @param baselinePass  the item's pass fraction in the baseline cell (its pass or fail when run once)
     * @param candidatePass the same in the candidate cell
     */
    public record Differing(String key, double baselinePass, double candidatePass) {
        /** Whether the candidate did better on this item (one of McNemar's c). */
        public boolean rose() {
            return candidatePass > baselinePass;
        }
    }

    /** The cell a run is: its prompt's label on its provider, e.g. {@code 'concise' on ollama:chat:qwen2.5:0.5b}. */
    public static String cell(EvalRun run) {
        return "'" + run.promptLabel() + "' on " + run.providerId();
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
