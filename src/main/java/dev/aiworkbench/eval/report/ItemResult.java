package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.CaseResult;

import java.util.List;

/**
 * One item of a run with its repeats folded together: it passed when every run passed (pass^K); its
 * score is the mean; it is flaky when its runs disagreed; it is an error when every run errored.
 */
public record ItemResult(String key, String description, List<CaseResult> runs, boolean pass, double score,
                         double passFraction, boolean flaky, String error, boolean changed) {

    public CaseResult first() {
        return runs.get(0);
    }

    /** The run a report shows: for an item that did not pass, its first graded run that failed (so a flaky item shows
     *  why it failed, not a run that passed); otherwise the first. */
    public CaseResult shown() {
        return pass ? first() : runs.stream().filter(r -> !r.errored() && !r.pass()).findFirst().orElse(first());
    }

    /** Marks whether the verdict differs from the baseline's for this item. */
    public ItemResult withChanged(boolean differs) {
        return new ItemResult(key, description, runs, pass, score, passFraction, flaky, error, differs);
    }

    /**
     * An item from its runs, folded: it passes when every graded run passed, it is an error when every run
     * errored, and it is flaky when its runs disagree.
     */
    public static ItemResult of(String key, List<CaseResult> runs) {
        List<CaseResult> graded = runs.stream().filter(r -> !r.errored()).toList();
        String error = graded.isEmpty() ? runs.get(0).error() : null;
        long passes = graded.stream().filter(CaseResult::pass).count();
        double fraction = graded.isEmpty() ? 0 : (double) passes / graded.size();
        double score = graded.stream().mapToDouble(CaseResult::score).average().orElse(0);
        boolean flaky = passes > 0 && passes < graded.size();
        return new ItemResult(key, runs.get(0).description(), List.copyOf(runs), !graded.isEmpty() && passes == graded.size(),
                score, fraction, flaky, error, false);
    }
}
