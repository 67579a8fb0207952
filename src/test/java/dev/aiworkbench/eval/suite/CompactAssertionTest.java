package dev.aiworkbench.eval.suite;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** promptfoo's compact assertion cells, read as its csv.ts reads them (with the one documented difference). */
class CompactAssertionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
            contains:P1                      | contains          | ~    | P1
            contains: P1                     | contains          | ~    | ' P1'
            icontains:disk full              | icontains         | ~    | disk full
            not-contains:error               | not-contains      | ~    | error
            similar(0.8):the disk is full    | similar           | 0.8  | the disk is full
            similar:close                    | similar           | 0.8  | close
            not-similar(0.6):far             | not-similar       | 0.6  | far
            levenshtein:P1                   | levenshtein       | ~    | P1
            levenshtein(3):P1                | levenshtein       | 3.0  | P1
            latency(5000)                    | latency           | 5000.0 | ~
            is-json                          | is-json           | ~    | ~
            is-json:{required: [severity]}   | is-json           | ~    | {required: [severity]}
            regex:P[1-4]                     | regex             | ~    | P[1-4]
            starts-with:{                    | starts-with       | ~    | {
            grade:is polite                  | llm-rubric        | ~    | is polite
            llm-rubric:names the host        | llm-rubric        | ~    | names the host
            javascript:output.length < 10    | javascript        | ~    | output.length < 10
            fn:output.includes('x')          | javascript        | ~    | output.includes('x')
            file://checks/sev.py             | python            | ~    | checks/sev.py
            python:len(output) < 9           | python            | ~    | len(output) < 9
            file://checks/sev.js             | javascript        | ~    | file://checks/sev.js
            rouge-n:the disk is full         | rouge-n           | ~    | the disk is full
            P1                               | equals            | ~    | P1
            Paris: the capital               | equals            | ~    | Paris: the capital
            contains                         | contains          | ~    | ~
            containsP1                       | equals            | ~    | containsP1
            """)
    void readsACell(String cell, String type, Double threshold, String value) {
        CompactAssertion parsed = CompactAssertion.parse(cell.strip().equals("' P1'") ? " P1" : cell,
                AssertionTypes.PROMPTFOO);
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.threshold()).isEqualTo(threshold);
        assertThat(parsed.value()).isEqualTo(value == null ? null : value.equals("' P1'") ? " P1" : value);
        assertThat(parsed.values()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            contains-any:P1,P2          | contains-any      | P1;P2
            contains-all: a , b ,c      | contains-all      | a;b;c
            icontains-any:disk          | icontains-any     | disk
            not-icontains-all:x,,y      | not-icontains-all | x;;y
            """)
    void splitsListValuesOnCommas(String cell, String type, String values) {
        CompactAssertion parsed = CompactAssertion.parse(cell, AssertionTypes.PROMPTFOO);
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.values()).isEqualTo(Arrays.asList(values.split(";", -1)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            similar:cosine:near      | similar:cosine | near
            contains-json:{}         | contains-json  | {}
            """)
    void prefersTheLongestKnownType(String cell, String type, String value) {
        CompactAssertion parsed = CompactAssertion.parse(cell, AssertionTypes.PROMPTFOO);
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.value()).isEqualTo(value);
    }

    @org.junit.jupiter.api.Test
    void typesTheAssertionsPackageAddsAreRecognised() {
        java.util.Set<String> known = new java.util.HashSet<>(AssertionTypes.PROMPTFOO);
        known.add("json-path");
        assertThat(CompactAssertion.parse("json-path:$.severity", known).type()).isEqualTo("json-path");
        assertThat(CompactAssertion.parse("json-path:$.severity", AssertionTypes.PROMPTFOO).type()).isEqualTo("equals");
        assertThat(List.copyOf(AssertionTypes.PROMPTFOO)).containsAll(AssertionTypes.RUNNER);
    }
}
