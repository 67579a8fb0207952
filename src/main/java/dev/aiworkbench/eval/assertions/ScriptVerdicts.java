package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * What a javascript or python assertion's return value means, by promptfoo 0.118's rules, quirks included so
 * that verdicts equal promptfoo's on the same configs:
 * <ul>
 *   <li>JavaScript: a boolean passes when true ({@code not-javascript} inverts it; score 1 or 0); a number is the
 *       score and passes when it reaches a non-zero {@code threshold}, or, with none (or 0), when it is above 0; a
 *       {@code {pass, score, reason}} object is the verdict as returned. {@code not-} touches neither numbers nor
 *       objects, and a threshold does not touch objects. Anything else fails: "must return a boolean, number, or
 *       GradingResult object".</li>
 *   <li>Python: {@code True} or the text "true" (any case) passes with 1, {@code False} or "false" fails with 0,
 *       and {@code not-python} is the same as {@code python}. A {@code {pass, score, reason}} dict (or its JSON text,
 *       or a dataclass; {@code pass_} for {@code pass}) is the verdict, failed when a non-zero threshold is above its
 *       score; anything else is read as a number, as JavaScript's {@code parseFloat} reads its text, and judged as
 *       above.</li>
 * </ul>
 */
final class ScriptVerdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptVerdicts() {
    }

    static AssertionResult javascript(AssertionSpec spec, JsonNode result) {
        if (result.isBoolean()) {
            boolean pass = result.booleanValue() != spec.negated();
            return verdict(spec, pass, pass ? 1 : 0, pass ? "Assertion passed."
                    : "Custom function returned " + spec.negated() + ".");
        }
        if (result.isNumber()) {
            return number(spec, result.doubleValue(), "Custom function returned ");
        }
        if (isGradingResult(result)) {
            return graded(spec, result);
        }
        return AssertionResult.fail(spec, 0, "Custom function threw error: Custom function must return a boolean, "
                + "number, or GradingResult object. Got type " + jsType(result) + ": " + shown(result) + ".");
    }

    static AssertionResult python(AssertionSpec spec, JsonNode result) {
        if (result.isBoolean() || result.isTextual() && result.asText().equalsIgnoreCase("true")
                || result.isTextual() && result.asText().equalsIgnoreCase("false")) {
            boolean pass = result.isBoolean() ? result.booleanValue() : result.asText().equalsIgnoreCase("true");
            return verdict(spec, pass, pass ? 1 : 0, pass ? "Assertion passed." : "Python code returned false.");
        }
        if (result.isTextual() && result.asText().startsWith("{")) {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(result.asText());
            } catch (IOException e) {
                return failed(spec, "Invalid JSON when parsing result: " + result.asText());
            }
            return isGradingResult(parsed) ? graded(spec, parsed) : failed(spec, "Python assertion must return a "
                    + "boolean, number, or {pass, score, reason} object. Got instead: " + result.asText());
        }
        if (result.isObject() || result.isNull() || result.isArray() || result.isMissingNode()) {
            JsonNode mapped = snakeToCamel(result);
            if (!isGradingResult(mapped)) {
                return failed(spec, "Python assertion must return a boolean, number, or {pass, score, reason} "
                        + "object. Got instead: " + shown(mapped));
            }
            double score = mapped.get("score").doubleValue();
            Double threshold = spec.threshold();
            if (threshold != null && threshold != 0 && score < threshold) {
                String reason = mapped.get("reason").asText();
                String below = "Python score " + Verdicts.number(score) + " is less than threshold "
                        + Verdicts.number(threshold);
                return verdict(spec, false, score, reason.isEmpty() ? below : below + ": " + reason);
            }
            return graded(spec, mapped);
        }
        double score = parseFloat(result.isNumber() ? Verdicts.number(result.doubleValue()) : result.asText());
        if (Double.isNaN(score)) {
            return failed(spec, "Python assertion must return a boolean, number, or {pass, score, reason} object. "
                    + "Instead got: " + result.asText());
        }
        return number(spec, score, "Python code returned ");
    }

    private static AssertionResult number(AssertionSpec spec, double score, String returned) {
        Double threshold = spec.threshold();
        boolean pass = threshold != null && threshold != 0 ? score >= threshold : score > 0;
        return verdict(spec, pass, score, pass ? "Assertion passed." : returned + "false (" + Verdicts.number(score)
                + (threshold != null && threshold != 0 ? ", below the threshold " + Verdicts.number(threshold)
                : ", not above 0") + ").");
    }

    private static AssertionResult graded(AssertionSpec spec, JsonNode result) {
        boolean pass = result.get("pass").booleanValue();
        return verdict(spec, pass, result.get("score").doubleValue(), result.get("reason").asText());
    }

    private static AssertionResult verdict(AssertionSpec spec, boolean pass, double score, String reason) {
        return pass ? AssertionResult.pass(spec, score, reason) : AssertionResult.fail(spec, score, reason);
    }

    private static AssertionResult failed(AssertionSpec spec, String why) {
        return AssertionResult.fail(spec, 0, "Python code execution failed: " + why);
    }

    /** promptfoo's isGradingResult: pass a boolean, score a number, reason a text. */
    static boolean isGradingResult(JsonNode node) {
        return node != null && node.isObject() && node.path("pass").isBoolean() && node.path("score").isNumber()
                && node.path("reason").isTextual();
    }

    /** promptfoo's Python dataclass support: {@code pass_} (when there is no {@code pass}) and snake_case names. */
    private static JsonNode snakeToCamel(JsonNode result) {
        if (!result.isObject()) {
            return result;
        }
        ObjectNode copy = result.deepCopy();
        if (copy.has("pass_") && !copy.has("pass")) {
            copy.set("pass", copy.get("pass_"));
        }
        if (copy.has("named_scores") && !copy.has("namedScores")) {
            copy.set("namedScores", copy.get("named_scores"));
        }
        return copy;
    }

    /** JavaScript's parseFloat: the longest leading decimal number, or NaN. */
    static double parseFloat(String text) {
        String s = text.stripLeading();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)").matcher(s);
        if (!m.find()) {
            return Double.NaN;
        }
        String number = m.group();
        return number.endsWith("Infinity") ? (number.startsWith("-") ? Double.NEGATIVE_INFINITY
                : Double.POSITIVE_INFINITY) : Double.parseDouble(number);
    }

    private static String jsType(JsonNode node) {
        if (node.isMissingNode()) {
            return "undefined";
        }
        return node.isTextual() ? "string" : "object";
    }

    private static String shown(JsonNode node) {
        String text = node.isMissingNode() ? "undefined" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
