package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * {@code word-count}: words are runs of non-whitespace (JavaScript's \s). The value is a number (or a
 * numeric string) for an exact count, or {@code {min, max}} with either bound or both.
 */
final class WordCountAssertion implements AssertionType {

    /** The bounds a value asks for; null means unbounded. */
    private record Range(Double min, Double max, boolean exact) {
        String describe() {
            if (exact) {
                return "exactly " + Verdicts.number(min) + " words";
            }
            if (min != null && max != null) {
                return "between " + Verdicts.number(min) + " and " + Verdicts.number(max) + " words";
            }
            return min != null ? "at least " + Verdicts.number(min) + " words" : "at most " + Verdicts.number(max) + " words";
        }

        boolean holds(int count) {
            return (min == null || count >= min) && (max == null || count <= max);
        }
    }

    @Override
    public String name() {
        return "word-count";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        JsonNode value = spec.value();
        if (value != null && value.isTextual() && value.asText().contains("{{")) {
            return Optional.empty(); // a number filled in from the case's variables
        }
        return Verdicts.problemOf(spec, s -> range(value));
    }

    private static Range range(JsonNode value) {
        if (value != null && value.isObject()) {
            Double min = bound(value, "min");
            Double max = bound(value, "max");
            if (min == null && max == null) {
                throw new InvalidAssertionException("The word-count assertion, given an object, needs min, max or both");
            }
            if (min != null && max != null && min > max) {
                throw new InvalidAssertionException("The word-count assertion's min (" + Verdicts.number(min)
                        + ") must not be more than its max (" + Verdicts.number(max) + ")");
            }
            return new Range(min, max, false);
        }
        Double exact = null;
        if (value != null && value.isNumber()) {
            exact = value.doubleValue();
        } else if (value != null && value.isTextual()) {
            exact = jsNumber(value.asText());
        }
        if (exact == null) {
            throw new InvalidAssertionException("The word-count assertion needs a number, or an object with min and/or max, as its value");
        }
        return new Range(exact, exact, true);
    }

    private static Double bound(JsonNode value, String field) {
        JsonNode bound = value.get(field);
        if (bound == null || bound.isNull()) {
            return null;
        }
        if (!bound.isNumber()) {
            throw new InvalidAssertionException("The word-count assertion's " + field + " must be a number");
        }
        return bound.doubleValue();
    }

    /** Number(text) when it is a finite number, else null ("" is not accepted as 0 here). */
    private static Double jsNumber(String text) {
        String trimmed = JsValues.trim(text);
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(trimmed);
            return Double.isFinite(d) && !trimmed.endsWith("d") && !trimmed.endsWith("f")
                    && !trimmed.endsWith("D") && !trimmed.endsWith("F") ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int count(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = JsValues.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        Range range = range(value);
        int count = count(output.text());
        return Verdicts.decide(spec, range.holds(count), "the output " + Verdicts.to(spec) + "have " + range.describe(),
                "it has " + count);
    }
}
