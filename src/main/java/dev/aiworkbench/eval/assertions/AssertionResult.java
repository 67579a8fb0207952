package dev.aiworkbench.eval.assertions;

/**
 * What one assertion found about one output.
 *
 * @param type   the type as written, with any {@code not-} prefix
 * @param score  0 to 1
 * @param reason a sentence saying why it passed or failed, with the numbers behind it
 * @param error  the assertion could not be evaluated (a judge that failed or answered unparseably,
 *               a missing figure such as an unknown cost): the case is an error, neither pass nor fail
 */
public record AssertionResult(String type, boolean pass, double score, String reason, boolean error, String metric,
                              double weight) {

    public static AssertionResult pass(AssertionSpec spec, double score, String reason) {
        return new AssertionResult(spec.writtenType(), true, score, reason, false, spec.metric(), spec.weight());
    }

    public static AssertionResult fail(AssertionSpec spec, double score, String reason) {
        return new AssertionResult(spec.writtenType(), false, score, reason, false, spec.metric(), spec.weight());
    }

    public static AssertionResult error(AssertionSpec spec, String reason) {
        return new AssertionResult(spec.writtenType(), false, 0, reason, true, spec.metric(), spec.weight());
    }
}
