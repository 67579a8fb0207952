package dev.aiworkbench.eval.assertions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deterministic type, plain and negated, with outputs that pass, fail and cannot be evaluated. */
class DeterministicAssertionsTest {
    enum Outcome { PASS, FAIL, ERROR }

    private static final Outcome PASS = Outcome.PASS;
    private static final Outcome FAIL = Outcome.FAIL;
    private static final Outcome ERROR = Outcome.ERROR;

    private static final Grader GRADER = Grader.standard();

    /** One row: an assertion (type as written, value in YAML, threshold), an output, and what must come out. */
    record Row(String type, String value, Double threshold, CaseOutput output, Outcome expected) {
        @Override
        public String toString() {
            String shown = output.text().replace("\n", "\\n");
            return type + (value == null ? "" : " " + value.replace("\n", "\\n"))
                    + (threshold == null ? "" : " (threshold " + threshold + ")") + " on \"" + shown + "\" -> " + expected;
        }
    }

    private static Row row(String type, String value, String output, Outcome expected) {
        return new Row(type, value, null, Cases.output(output), expected);
    }

    private static Row row(String type, String value, double threshold, String output, Outcome expected) {
        return new Row(type, value, threshold, Cases.output(output), expected);
    }

    private static Row rowWith(String type, String value, Map<String, String> vars, String output, Outcome expected) {
        return new Row(type, value, null, Cases.output(output, vars), expected);
    }

    private static Row measured(String type, Double threshold, Long latency, Double cost, Outcome expected) {
        return new Row(type, null, threshold, Cases.measured("any answer", latency, cost), expected);
    }

    static Stream<Row> rows() {
        return Stream.of(
                // equals: strict, no trimming; numbers as JavaScript prints them; objects compared as parsed JSON
                row("equals", "Hello", "Hello", PASS),
                row("equals", "Hello", "Hello ", FAIL),
                row("equals", "Hello", "hello", FAIL),
                row("not-equals", "Hello", "Bye", PASS),
                row("not-equals", "Hello", "Hello", FAIL),
                row("equals", "42", "42", PASS),
                row("equals", "1.0", "1", PASS),
                row("equals", "1.5", "1.50", FAIL),
                row("equals", "{a: 1, b: [1, 2]}", "{\"b\": [1, 2.0], \"a\": 1}", PASS),
                row("equals", "{a: 1}", "{\"a\": 1, \"b\": 2}", FAIL),
                row("equals", "[1, 2]", "[2, 1]", FAIL),
                row("equals", "{a: 1}", "not json", FAIL),
                row("not-equals", "{a: 1}", "not json", PASS),
                row("not-equals", "{a: 1}", "{\"a\":1}", FAIL),
                row("equals", null, "anything", ERROR),

                // contains, icontains
                row("contains", "world", "Hello world", PASS),
                row("contains", "world", "Hello World", FAIL),
                row("not-contains", "world", "Hello World", PASS),
                row("not-contains", "world", "Hello world", FAIL),
                row("contains", "42", "the answer is 42", PASS),
                row("contains", "''", "anything", ERROR),
                row("contains", "[a]", "a", ERROR),
                row("contains", null, "anything", ERROR),
                row("icontains", "WORLD", "hello world", PASS),
                row("icontains", "WORLD", "hello there", FAIL),
                row("not-icontains", "WORLD", "hello world", FAIL),
                row("not-icontains", "WORLD", "hello there", PASS),

                // contains-any / -all: lists, or strings split on commas with quotes keeping commas
                row("contains-any", "red, green", "a green apple", PASS),
                row("contains-any", "red, green", "a blue apple", FAIL),
                row("not-contains-any", "red, green", "a blue apple", PASS),
                row("not-contains-any", "red, green", "a green apple", FAIL),
                row("contains-any", "[red, green]", "red", PASS),
                row("contains-any", "'\"a, b\", c'", "x a, b y", PASS),
                row("contains-any", "'\"a, b\", c'", "a b", FAIL),
                row("contains-any", "'\"abc'", "abc", ERROR),
                row("contains-any", "''", "abc", ERROR),
                row("contains-any", "5", "5", ERROR),
                row("contains-all", "red, green", "red and green", PASS),
                row("contains-all", "red, green", "red only", FAIL),
                row("not-contains-all", "red, green", "red only", PASS),
                row("not-contains-all", "red, green", "red and green", FAIL),
                row("contains-all", "[]", "anything", PASS),
                row("icontains-any", "RED, Green", "a GREEN apple", PASS),
                row("icontains-any", "RED, Green", "a blue apple", FAIL),
                row("not-icontains-any", "RED, Green", "a blue apple", PASS),
                row("icontains-all", "RED, Green", "red green", PASS),
                row("icontains-all", "RED, Blue", "red green", FAIL),
                row("not-icontains-all", "RED, Blue", "red green", PASS),

                // starts-with: no trimming
                row("starts-with", "Hello", "Hello world", PASS),
                row("starts-with", "Hello", " Hello world", FAIL),
                row("not-starts-with", "Hello", " Hello world", PASS),
                row("not-starts-with", "Hello", "Hello world", FAIL),
                row("starts-with", "5", "5 apples", ERROR),

                // regex: JavaScript semantics, unanchored, no flags; an invalid pattern fails, even negated
                row("regex", "'\\d{3}'", "call 555 now", PASS),
                row("regex", "'\\d{3}'", "call 55 now", FAIL),
                row("not-regex", "'\\d{3}'", "call 55 now", PASS),
                row("not-regex", "'\\d{3}'", "call 555 now", FAIL),
                row("regex", "'^abc'", "xabc", FAIL),
                row("regex", "'^\\d+$'", "123", PASS),
                row("regex", "'^\\d+$'", "123\n", FAIL),
                row("regex", "'(unclosed'", "(unclosed", FAIL),
                row("not-regex", "'(unclosed'", "anything", FAIL),
                row("regex", "'{\"a\"'", "{\"a\": 1}", PASS),
                row("regex", "'a.c'", "a\nc", FAIL),
                row("regex", "'a[^]c'", "a\nc", PASS),
                row("regex", "Hello", "say Hello", PASS),
                row("regex", "''", "anything", ERROR),

                // is-json: JSON.parse of the whole output; an optional schema (object or YAML/JSON text)
                row("is-json", null, "{\"a\": 1}", PASS),
                row("is-json", null, " [1, 2] \n", PASS),
                row("is-json", null, "null", PASS),
                row("is-json", null, "{\"a\": 1} and more", FAIL),
                row("is-json", null, "", FAIL),
                row("is-json", null, "{'a': 1}", FAIL),
                row("not-is-json", null, "hello", PASS),
                row("not-is-json", null, "{}", FAIL),
                row("is-json", "{type: object, required: [name]}", "{\"name\": \"x\"}", PASS),
                row("is-json", "{type: object, required: [name]}", "{\"age\": 1}", FAIL),
                row("not-is-json", "{type: object, required: [name]}", "{\"age\": 1}", PASS),
                row("not-is-json", "{type: object, required: [name]}", "{\"name\": \"x\"}", FAIL),
                row("is-json", "\"type: object\\nrequired: [name]\"", "{\"name\": \"x\"}", PASS),
                row("is-json", "'{\"type\": \"object\", \"required\": [\"name\"]}'", "{\"age\": 1}", FAIL),
                row("is-json", "5", "{\"a\": 1}", FAIL),
                row("not-is-json", "5", "{\"a\": 1}", FAIL),

                // contains-json: objects found in free text; with a schema, one of them must match
                row("contains-json", null, "Here: {\"a\": 1} done", PASS),
                row("contains-json", null, "no json here", FAIL),
                row("contains-json", null, "an array [1, 2] is not an object", FAIL),
                row("not-contains-json", null, "no json here", PASS),
                row("not-contains-json", null, "Here: {\"a\": 1}", FAIL),
                row("contains-json", null, "```json\n{\"a\": 1, // one\n \"b\": \"}\"}\n```", PASS),
                row("contains-json", "{required: [a]}", "x {\"b\": 1} y {\"a\": 2}", PASS),
                row("contains-json", "{required: [a]}", "x {\"b\": 1}", FAIL),
                row("not-contains-json", "{required: [a]}", "x {\"b\": 1}", PASS),
                row("contains-json", null, "a {template} slot", FAIL),

                // levenshtein: distance <= threshold, 5 by default
                row("levenshtein", "kitten", "sitting", PASS),
                row("levenshtein", "kitten", 2, "sitting", FAIL),
                row("not-levenshtein", "kitten", 2, "sitting", PASS),
                row("not-levenshtein", "kitten", "sitting", FAIL),
                row("levenshtein", "abc", "abcdefghi", FAIL),
                row("levenshtein", "abc", 0, "abc", PASS),
                row("levenshtein", "abc", 0, "abd", FAIL),
                row("levenshtein", "5", "5", ERROR),

                // word-count: exact number, or {min, max}
                row("word-count", "3", "one two  three", PASS),
                row("word-count", "3", "one two", FAIL),
                row("not-word-count", "3", "one two", PASS),
                row("not-word-count", "3", "one two three", FAIL),
                row("word-count", "'3'", " one\ttwo\nthree ", PASS),
                row("word-count", "2", "a\u00A0b", PASS),
                row("word-count", "{min: 2, max: 4}", "a b c", PASS),
                row("word-count", "{min: 2, max: 4}", "a b c d e", FAIL),
                row("word-count", "{min: 4}", "a b c", FAIL),
                row("word-count", "{max: 2}", "a b c", FAIL),
                row("not-word-count", "{max: 2}", "a b c", PASS),
                row("word-count", "{max: 5}", "", PASS),
                row("word-count", "{min: 5, max: 1}", "a", ERROR),
                row("word-count", "{}", "a", ERROR),
                row("word-count", "[1]", "a", ERROR),
                row("word-count", "many", "a", ERROR),

                // latency (ms) and cost (USD): threshold required; an unmeasured figure is an error
                measured("latency", 500.0, 430L, null, PASS),
                measured("latency", 500.0, 500L, null, PASS),
                measured("latency", 500.0, 730L, null, FAIL),
                measured("not-latency", 500.0, 730L, null, PASS),
                measured("not-latency", 500.0, 430L, null, FAIL),
                measured("latency", null, 430L, null, ERROR),
                measured("latency", 500.0, null, null, ERROR),
                measured("cost", 0.01, null, 0.005, PASS),
                measured("cost", 0.01, null, 0.02, FAIL),
                measured("not-cost", 0.01, null, 0.02, PASS),
                measured("not-cost", 0.01, null, 0.005, FAIL),
                measured("cost", 0.01, null, null, ERROR),
                measured("cost", null, null, 0.005, ERROR),

                // {{var}} slots in values take the case's variables; unknown ones stay as written
                rowWith("contains", "'{{city}}'", Map.of("city", "Paris"), "I love Paris", PASS),
                rowWith("contains", "'{{ city }}'", Map.of("city", "Paris"), "I love Rome", FAIL),
                rowWith("contains", "'{{unknown}}'", Map.of("city", "Paris"), "x {{unknown}}", PASS),
                rowWith("contains-any", "['{{a}}', z]", Map.of("a", "x"), "only x", PASS),
                rowWith("icontains-all", "'{{a}}, {{b}}'", Map.of("a", "Red", "b", "Blue"), "red and blue", PASS),
                rowWith("equals", "'Hello {{name}}!'", Map.of("name", "Ada"), "Hello Ada!", PASS),
                rowWith("word-count", "'{{n}}'", Map.of("n", "2"), "two words", PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void gradesAsPromptfooDoes(Row row) {
        AssertionSpec spec = AssertionSpec.of(row.type(), Cases.yaml(row.value()), row.threshold(), null, null, null);

        AssertionResult result = GRADER.grade(spec, row.output(), GradingContext.deterministic());

        Outcome actual = result.error() ? ERROR : result.pass() ? PASS : FAIL;
        assertThat(actual).as(result.reason()).isEqualTo(row.expected());
        assertThat(result.type()).isEqualTo(row.type());
        assertThat(result.score()).isEqualTo(row.expected() == PASS ? 1.0 : 0.0);
        assertThat(result.reason()).isNotBlank().matches("(?s)[A-Z].*\\.$");
    }
}
