package dev.aiworkbench.eval.assertions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines a case's assertion results as promptfoo does. The score is the weighted mean of the
 * assertion scores. Without a test threshold the case passes only when every assertion passes; with
 * one it passes when the score reaches it (so 0 always passes). An assertion of weight 0 has already
 * passed (the grader sees to it) and only records its metric. Any assertion that errored makes the
 * case an error.
 */
public final class CaseScoring {
    private CaseScoring() {
    }

    /**
     * @param threshold the test's {@code threshold}; null (or NaN) when it has none
     */
    public static CaseVerdict score(List<AssertionResult> results, Double threshold) {
        Map<String, Double> named = namedScores(results);
        if (results.isEmpty()) {
            return new CaseVerdict(true, 1, false, "The case has no assertions, so it passes.", results, named);
        }
        List<AssertionResult> errors = results.stream().filter(AssertionResult::error).toList();
        if (!errors.isEmpty()) {
            AssertionResult first = errors.get(0);
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more could not be evaluated)" : "";
            return new CaseVerdict(false, 0, true, "The case could not be graded: " + first.type() + ": "
                    + first.reason() + more, results, named);
        }
        double total = 0;
        double weights = 0;
        List<AssertionResult> failed = new ArrayList<>();
        for (AssertionResult result : results) {
            total += result.score() * result.weight();
            weights += result.weight();
            if (!result.pass()) {
                failed.add(result);
            }
        }
        double score = weights > 0 ? total / weights : 0;
        if (threshold != null && !threshold.isNaN()) {
            boolean pass = score >= threshold;
            String reason = "The weighted score " + Verdicts.fixed(score) + (pass ? " reaches" : " is below")
                    + " the test's threshold " + Verdicts.number(threshold) + ".";
            return new CaseVerdict(pass, score, false, reason, results, named);
        }
        if (failed.isEmpty()) {
            String all = results.size() == 1 ? "The assertion passed." : "All " + results.size() + " assertions passed.";
            return new CaseVerdict(true, score, false, all, results, named);
        }
        StringBuilder reason = new StringBuilder(failed.size() + " of " + results.size() + " assertions failed: ");
        for (int i = 0; i < failed.size(); i++) {
            reason.append(i == 0 ? "" : " ").append(failed.get(i).type()).append(": ").append(failed.get(i).reason());
        }
        return new CaseVerdict(false, score, false, reason.toString(), results, named);
    }

    private static Map<String, Double> namedScores(List<AssertionResult> results) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // weighted sum, weight, plain sum, count
        for (AssertionResult result : results) {
            if (result.metric() == null || result.metric().isEmpty()) {
                continue;
            }
            double[] s = sums.computeIfAbsent(result.metric(), m -> new double[4]);
            s[0] += result.score() * result.weight();
            s[1] += result.weight();
            s[2] += result.score();
            s[3] += 1;
        }
        Map<String, Double> named = new LinkedHashMap<>();
        sums.forEach((metric, s) -> named.put(metric, s[1] > 0 ? s[0] / s[1] : s[2] / s[3]));
        return named;
    }
}
