package dev.aiworkbench.eval.assertions;

import java.util.List;
import java.util.Map;

/**
 * How one case came out, scored as promptfoo scores a test.
 *
 * @param pass        false when the case failed or errored
 * @param score       the weighted mean of the assertion scores (0 when the case errored)
 * @param error       an assertion could not be evaluated: the case is neither a pass nor a fail, and
 *                    statistics should leave it out
 * @param reason      a sentence saying what decided
 * @param assertions  each assertion's result, in the order written
 * @param namedScores per {@code metric} name, the weighted mean score of the assertions that carry it
 *                    (a plain mean when all their weights are 0), in order of first appearance
 */
public record CaseVerdict(boolean pass, double score, boolean error, String reason, List<AssertionResult> assertions,
                          Map<String, Double> namedScores) {

    public CaseVerdict {
        assertions = List.copyOf(assertions);
        namedScores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(namedScores));
    }

    /** The reason when the case errored, else null (the {@code error} field of the JSON output). */
    public String errorMessage() {
        return error ? reason : null;
    }
}
