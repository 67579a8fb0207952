package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Suggestions;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of possibly wrong YAML values. Each read that fails records an error at the value and
 * returns null, so reading goes on and every problem is reported at once.
 */
final class Checks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Problems problems;

    Checks(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** How a value reads in a message: {@code text 'abc'}, {@code the number 3}, {@code a list}... */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.asText();
            return text.isEmpty() ? "empty text" : "text '" + shorten(text, 40) + "'";
        }
        if (node.isNumber()) {
            return "the number " + scalar(node);
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** A scalar as text, numbers as JavaScript would print them (3, not 3.0). */
    static String scalar(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            double d = node.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return node.asText();
    }

    static boolean isScalar(JsonNode node) {
        return node != null && (node.isTextual() || node.isNumber() || node.isBoolean());
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void error(Source source, JsonNode node, String path, String message) {
        problems.error(source.at(node), prefix(path) + message);
    }

    void wrongType(Source source, JsonNode node, String path, String expected) {
        error(source, node, path, "expected " + expected + ", found " + describe(node));
    }

    /** Text, or a number or boolean written where text was meant. */
    String text(Source source, JsonNode node, String path) {
        if (isScalar(node)) {
            return scalar(node);
        }
        wrongType(source, node, path, "text");
        return null;
    }

    Double number(Source source, JsonNode node, String path) {
        if (node != null && node.isNumber()) {
            return node.asDouble();
        }
        wrongType(source, node, path, "a number");
        return null;
    }

    Integer whole(Source source, JsonNode node, String path) {
        if (node != null && node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt()) {
            return node.asInt();
        }
        wrongType(source, node, path, "a whole number");
        return null;
    }

    Boolean bool(Source source, JsonNode node, String path) {
        if (node != null && node.isBoolean()) {
            return node.asBoolean();
        }
        wrongType(source, node, path, "true or false");
        return null;
    }

    /** A whole number in [min, max], or null after reporting why not. */
    Integer wholeBetween(Source source, JsonNode node, String path, int min, int max, String meaning) {
        Integer value = whole(source, node, path);
        if (value != null && (value < min || value > max)) {
            error(source, node, path, value + " is out of range: " + meaning + " is a whole number from " + min
                    + " to " + max);
            return null;
        }
        return value;
    }

    /**
     * Warns about each key of {@code object} that is not read: promptfoo settings this runner does not
     * support, and keys nobody knows (with a "did you mean" when one is close).
     *
     * @param promptfooOnly promptfoo's keys this runner ignores, each with a note (may be empty)
     * @param hints         advice for particular unknown keys
     */
    void keys(Source source, JsonNode object, String path, Set<String> supported, Map<String, String> promptfooOnly,
              Map<String, String> hints) {
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (supported.contains(key)) {
                continue;
            }
            SourcePosition keyAt = source.keyAt(object, key);
            if (promptfooOnly.containsKey(key)) {
                String note = promptfooOnly.get(key);
                problems.warning(keyAt, prefix(path) + "promptfoo's '" + key + "' is not supported here and is ignored"
                        + (note.isEmpty() ? "" : " (" + note + ")"));
            } else if (hints.containsKey(key)) {
                problems.warning(keyAt, prefix(path) + "unknown key '" + key + "' is ignored (" + hints.get(key) + ")");
            } else {
                String guess = Suggestions.BY_EDITS_AND_SWAPS.closest(supported, key).map(g -> " (did you mean '" + g
                        + "'?)").orElse("");
                problems.warning(keyAt, prefix(path) + "unknown key '" + key + "' is ignored" + guess);
            }
        }
    }

    static String list(List<String> names) {
        return String.join(", ", names);
    }
}
