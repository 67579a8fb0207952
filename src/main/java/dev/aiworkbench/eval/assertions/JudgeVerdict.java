package dev.aiworkbench.eval.assertions;

/**
 * What a judge model answered for one rubric and output, as parsed (before any threshold applies).
 *
 * @param pass   the judge's {@code pass}; true when it left it out, as promptfoo reads it
 * @param score  0 to 1; when the judge left it out, 1 for a pass and 0 otherwise
 * @param reason the judge's own words; empty when it gave none
 */
public record JudgeVerdict(boolean pass, double score, String reason) {
    public JudgeVerdict {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a judge's score is between 0 and 1, not " + score);
        }
        reason = reason == null ? "" : reason;
    }
}
