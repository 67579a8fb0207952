package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.eval.scripts.Script;

/**
 * One assertion as a suite wrote it, in promptfoo's terms.
 *
 * @param type      the base type without a {@code not-} prefix, e.g. {@code contains}
 * @param negated   written as {@code not-<type>}
 * @param value     the {@code value} field as written (string, number, list or object); null when absent
 * @param threshold the {@code threshold} field; null when absent (each type has its own default)
 * @param weight    the {@code weight} field, 1.0 when absent; weight 0 records without gating
 * @param metric    the {@code metric} name the score is reported under; null when absent
 * @param origin    where it was written ({@code file:line:col}), for messages
 * @param contextTransform where the context-based assertions take their context from in the output, as
 *                  promptfoo's {@code contextTransform} as written; null when absent
 * @param contextScript that expression as JavaScript, when it is more than a path {@link ContextTransform} reads;
 *                  null when it is a path or absent
 * @param transform the assertion's own {@code transform}: what the output goes through before this assertion
 *                  alone sees it; null when absent
 */
public record AssertionSpec(String type, boolean negated, JsonNode value, Double threshold, double weight,
                            String metric, String origin, String contextTransform, Script contextScript,
                            Script transform) {
    private static final String NOT = "not-";

    /** An assertion without a contextTransform script or a transform of its own. */
    public AssertionSpec(String type, boolean negated, JsonNode value, Double threshold, double weight, String metric,
                         String origin, String contextTransform) {
        this(type, negated, value, threshold, weight, metric, origin, contextTransform, null, null);
    }

    /**
     * An assertion from its type as written ({@code not-contains} is {@code contains}, negated).
     *
     * @param weight null when absent, which means 1
     */
    public static AssertionSpec of(String writtenType, JsonNode value, Double threshold, Double weight, String metric,
                                   String origin) {
        boolean negated = writtenType.startsWith(NOT);
        return new AssertionSpec(negated ? writtenType.substring(NOT.length()) : writtenType, negated, value, threshold,
                weight == null ? 1.0 : weight, metric, origin, null);
    }

    /** An assertion with only a type and a value: no threshold, weight 1, no metric, no origin. */
    public static AssertionSpec of(String writtenType, JsonNode value) {
        return of(writtenType, value, null, null, null, null);
    }

    /** The type as written, with its {@code not-} prefix. */
    public String writtenType() {
        return negated ? NOT + type : type;
    }

    public AssertionSpec withThreshold(Double other) {
        return new AssertionSpec(type, negated, value, other, weight, metric, origin, contextTransform, contextScript,
                transform);
    }

    public AssertionSpec withWeight(double other) {
        return new AssertionSpec(type, negated, value, threshold, other, metric, origin, contextTransform, contextScript,
                transform);
    }

    public AssertionSpec withMetric(String other) {
        return new AssertionSpec(type, negated, value, threshold, weight, other, origin, contextTransform, contextScript,
                transform);
    }

    /** With a contextTransform that is a path {@link ContextTransform} reads. */
    public AssertionSpec withContextTransform(String other) {
        return withContextTransform(other, null);
    }

    /** With a contextTransform: a path when {@code script} is null, else that JavaScript. */
    public AssertionSpec withContextTransform(String other, Script script) {
        return new AssertionSpec(type, negated, value, threshold, weight, metric, origin, other, script, transform);
    }

    public AssertionSpec withTransform(Script other) {
        return new AssertionSpec(type, negated, value, threshold, weight, metric, origin, contextTransform,
                contextScript, other);
    }
}
