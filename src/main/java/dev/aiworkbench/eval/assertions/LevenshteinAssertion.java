package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Optional;

/**
 * {@code levenshtein}: the edit distance (in UTF-16 units, as promptfoo counts) between the output and
 * the value is at most the threshold, 5 by default. Unlike promptfoo, whose {@code threshold || 5}
 * turns an explicit 0 into 5, a threshold of 0 here means an exact match.
 */
final class LevenshteinAssertion implements AssertionType {
    static final double DEFAULT_THRESHOLD = 5;

    @Override
    public String name() {
        return "levenshtein";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        return Verdicts.problemOf(spec, s -> target(s.value()));
    }

    private static String target(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new InvalidAssertionException("The levenshtein assertion needs a string as its value");
        }
        return value.asText();
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        String target = target(value);
        double threshold = spec.threshold() == null ? DEFAULT_THRESHOLD : spec.threshold();
        int distance = LevenshteinDistance.getDefaultInstance().apply(output.text(), target);
        boolean holds = distance <= threshold;
        return Verdicts.decide(spec, holds, "the output " + Verdicts.to(spec) + "be within edit distance "
                + Verdicts.number(threshold) + " of " + Verdicts.quote(target), "the distance is " + distance);
    }
}
