package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * How checks compare an expected JSON value with the one found. Tolerances, for YAML authors who cannot always
 * control a value's type:
 * <ul>
 *   <li>numbers are equal when their decimal values are ({@code 1}, {@code 1.0} and {@code 1e0} match); when either
 *       is not a whole number they may differ by 1e-9 relative to the larger ({@code 0.1 + 0.2} matches {@code 0.3});</li>
 *   <li>a number and a string match when the string, trimmed, is a number equal to it ({@code "200"} matches
 *       {@code 200});</li>
 *   <li>a boolean and a string match when the string is {@code true} or {@code false} in any case;</li>
 *   <li>strings otherwise match only exactly (case and whitespace count); {@code null} matches only {@code null};</li>
 *   <li>arrays match element by element and must have the same length; objects must have the same member names
 *       and each member must match (member order does not count).</li>
 * </ul>
 */
public final class JsonValues {
    static final double RELATIVE_TOLERANCE = 1e-9;

    private JsonValues() {
    }

    public static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected == null || actual == null || expected.isMissingNode() || actual.isMissingNode()) {
            return false;
        }
        if (expected.isNull() || actual.isNull()) {
            return expected.isNull() && actual.isNull();
        }
        if (expected.isNumber() || actual.isNumber()) {
            BigDecimal a = number(expected);
            BigDecimal b = number(actual);
            return a != null && b != null && numbersMatch(a, b);
        }
        if (expected.isBoolean() || actual.isBoolean()) {
            Boolean a = bool(expected);
            Boolean b = bool(actual);
            return a != null && a.equals(b);
        }
        if (expected.isTextual() && actual.isTextual()) {
            return expected.asText().equals(actual.asText());
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!matches(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean numbersMatch(BigDecimal a, BigDecimal b) {
        if (a.compareTo(b) == 0) {
            return true;
        }
        if (isWhole(a) && isWhole(b)) {
            return false;
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()) ? null : node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.asText().strip().toLowerCase(Locale.ROOT);
            return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
        }
        return null;
    }
}
