package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

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
        int distance = distance(output.text(), target);
        boolean holds = distance <= threshold;
        return Verdicts.decide(spec, holds, "the output " + Verdicts.to(spec) + "be within edit distance "
                + Verdicts.number(threshold) + " of " + Verdicts.quote(target), "the distance is " + distance);
    }

    static int distance(String a, String b) {
        if (a.length() < b.length()) {
            return distance(b, a);
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
