package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.StringJoiner;

/** The few JavaScript behaviours promptfoo's assertions rely on: String(v), JSON.parse, deep equality, \s. */
final class JsValues {
    /** JSON.parse: strict JSON, one value, surrounding whitespace allowed, nothing after it. */
    static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue() ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsValues() {
    }

    /** What JSON.parse returns, or a {@link JsonProcessingException} with the reason it throws. */
    static JsonNode parseJson(String text) throws JsonProcessingException {
        if (text.isBlank()) {
            throw new JsonProcessingException("the text is empty") {
            };
        }
        return STRICT_JSON.readTree(text);
    }

    /** The first line of a parser's message, without Jackson's source excerpt. */
    static String parseError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "it cannot be parsed";
        }
        int line = message.indexOf('\n');
        String first = line < 0 ? message : message.substring(0, line);
        int expecting = first.indexOf(": was expecting");
        return expecting < 0 ? first : first.substring(0, expecting);
    }

    /** Deep equality as node's isDeepStrictEqual sees parsed JSON: numbers are doubles (1 equals 1.0). */
    static boolean deepEquals(JsonNode a, JsonNode b) {
        return a.equals(SAME_VALUE, b);
    }

    /** String(v) for a JSON value. */
    static String string(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.bigIntegerValue().toString() : numberText(value.doubleValue());
        }
        if (value.isBoolean() || value.isNull()) {
            return value.asText();
        }
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            for (JsonNode item : value) {
                joined.add(item.isNull() ? "" : string(item));
            }
            return joined.toString();
        }
        return "[object Object]";
    }

    /** Number.prototype.toString(): shortest digits, plain between 1e-7 and 1e21, otherwise 1.5e+21. */
    static String numberText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
    }

    /** String.prototype.trim(): strips JavaScript whitespace at both ends. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** JavaScript's \s: ASCII and Unicode spaces, line terminators and the byte order mark. */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                 '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
