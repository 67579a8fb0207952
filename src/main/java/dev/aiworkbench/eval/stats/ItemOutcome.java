package dev.aiworkbench.eval.stats;

/**
 * One item's trials aggregated (errored trials left out).
 *
 * @param runs         trials that did not error
 * @param passes       of those, the passing ones
 * @param errors       trials that errored
 * @param passFraction passes / runs
 * @param allPassed    pass^K: every run passed
 * @param flaky        the runs disagree: some passed and some failed
 * @param meanScore    the mean score over the runs
 */
public record ItemOutcome(String key, String cluster, int runs, int passes, int errors, double passFraction,
                          boolean allPassed, boolean flaky, double meanScore) {
    public ItemOutcome {
        if (runs < 1 || passes < 0 || passes > runs || errors < 0) {
            throw new IllegalArgumentException("item " + key + ": need runs ≥ 1 and 0 ≤ passes ≤ runs");
        }
    }

    public static ItemOutcome of(String key, String cluster, int runs, int passes, int errors, double meanScore) {
        return new ItemOutcome(key, cluster, runs, passes, errors, (double) passes / runs, passes == runs,
                passes > 0 && passes < runs, meanScore);
    }

    /** e.g. "item q7: 2 of 3 runs passed (flaky), mean score 0.667". */
    public String explain() {
        String verdict = flaky ? " (flaky)" : allPassed ? "" : " (failed every run)";
        String errored = errors > 0 ? ", " + errors + " errored run" + (errors == 1 ? "" : "s") + " left out" : "";
        return "item " + key + ": " + passes + " of " + runs + " run" + (runs == 1 ? "" : "s") + " passed" + verdict
                + ", mean score " + Fmt.score(meanScore) + errored;
    }
}
