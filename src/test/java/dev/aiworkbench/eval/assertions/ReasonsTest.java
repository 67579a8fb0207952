package dev.aiworkbench.eval.assertions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reasons are sentences that carry the figures behind the verdict. */
class ReasonsTest {
    private static final Grader GRADER = Grader.standard();

    private static String reason(String type, String value, Double threshold, String output) {
        return GRADER.grade(AssertionSpec.of(type, Cases.yaml(value), threshold, null, null, null), Cases.output(output),
                GradingContext.deterministic()).reason();
    }

    @Test
    void eachFamilySaysWhatItExpectedAndWhatItFound() {
        assertThat(reason("contains-all", "red, green, blue", null, "red only"))
                .isEqualTo("Expected the output to contain all of \"red\", \"green\", \"blue\", but it lacks \"green\", \"blue\".");
        assertThat(reason("not-contains", "secret", null, "the secret is out"))
                .isEqualTo("Expected the output not to contain \"secret\", but it does.");
        assertThat(reason("equals", "Hello", null, "Hello!"))
                .isEqualTo("Expected the output to equal \"Hello\", but it differs by 1 character more at the end.");
        assertThat(reason("levenshtein", "kitten", 2.0, "sitting"))
                .isEqualTo("Expected the output to be within edit distance 2 of \"kitten\", but the distance is 3.");
        assertThat(reason("word-count", "{min: 2, max: 4}", null, "one two three four five"))
                .isEqualTo("Expected the output to have between 2 and 4 words, but it has 5.");
        assertThat(reason("regex", "'(oops'", null, "x"))
                .isEqualTo("The pattern \"(oops\" is not a valid regular expression: Unclosed group.");
        assertThat(reason("is-json", "{type: object, required: [name]}", null, "{\"age\": 1}"))
                .isEqualTo("Expected the output to be valid JSON that matches the schema, but it is JSON that does not "
                        + "match: required property 'name' not found.");
        assertThat(reason("is-json", "{properties: {age: {type: string}}}", null, "{\"age\": 1}"))
                .isEqualTo("Expected the output to be valid JSON that matches the schema, but it is JSON that does not "
                        + "match: $.age: integer found, string expected.");
        assertThat(reason("is-json", null, null, "{\"a\": 1,}"))
                .startsWith("Expected the output to be valid JSON, but it is not JSON (Unexpected character ('}'");
        assertThat(GRADER.grade(AssertionSpec.of("latency", null, 500.0, null, null, null),
                Cases.measured("x", 730L, null), GradingContext.deterministic()).reason())
                .isEqualTo("Expected the latency to be at most 500 ms, but it was 730 ms.");
        assertThat(GRADER.grade(AssertionSpec.of("cost", null, 0.01, null, null, null),
                Cases.measured("x", null, 0.0125), GradingContext.deterministic()).reason())
                .isEqualTo("Expected the cost to be at most $0.01, but it was $0.0125.");
    }

    @Test
    void longValuesAreShortenedInTheMiddle() {
        String longText = "a".repeat(50) + "MIDDLE" + "b".repeat(50);

        String reason = reason("contains", "'" + longText + "'", null, "x");

        assertThat(reason).contains("aaaa…bbbb").doesNotContain("MIDDLE");
    }
}
