package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * {@code equals}: the whole output equals the value as a string, no trimming (a number value is
 * compared as JavaScript prints it). An object or list value is compared with the output parsed as
 * JSON, deeply; output that is not JSON is not equal.
 */
final class EqualsAssertion implements AssertionType {

    @Override
    public String name() {
        return "equals";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        return Verdicts.problemOf(spec, s -> check(s.value()));
    }

    private static void check(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidAssertionException("The equals assertion needs a value to compare the output with");
        }
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        check(value);
        String text = output.text();
        if (value.isContainerNode()) {
            String expectation = "the output " + Verdicts.to(spec) + "be JSON equal to " + Verdicts.quote(value.toString());
            try {
                JsonNode parsed = JsValues.parseJson(text);
                boolean equal = JsValues.deepEquals(value, parsed);
                return Verdicts.decide(spec, equal, expectation, equal ? "it is" : "it is different JSON");
            } catch (JsonProcessingException e) {
                return Verdicts.decide(spec, false, expectation, "it is not JSON (" + JsValues.parseError(e) + ")");
            }
        }
        String expected = JsValues.string(value);
        boolean equal = expected.equals(text);
        String finding = equal ? "it does" : "it differs " + difference(expected, text);
        return Verdicts.decide(spec, equal, "the output " + Verdicts.to(spec) + "equal " + Verdicts.quote(expected),
                finding);
    }

    private static String characters(int n) {
        return n == 1 ? "1 character" : n + " characters";
    }

    private static String difference(String expected, String actual) {
        int common = Math.min(expected.length(), actual.length());
        int at = 0;
        while (at < common && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        if (at == common) {
            return expected.length() < actual.length()
                    ? "by " + characters(actual.length() - at) + " more at the end"
                    : "by ending " + characters(expected.length() - at) + " early";
        }
        return "from character " + (at + 1) + " on";
    }
}
