package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JSON objects in free text, as promptfoo's {@code extractJsonObjects} does: from each
 * opening brace the first object that parses is taken and the search goes on after it. promptfoo parses
 * with a YAML reader after turning {@code //} comments into {@code #}; the lenient JSON reader here
 * allows the same comments, single quotes, unquoted keys and trailing commas. (YAML would also accept
 * {@code {name}} as an object; that is not taken as JSON here.)
 */
final class JsonExtraction {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonExtraction() {
    }

    static List<JsonNode> objects(String text) {
        List<JsonNode> found = new ArrayList<>();
        int i = text.indexOf('{');
        while (i >= 0) {
            int end = closingBrace(text, i);
            JsonNode parsed = end < 0 ? null : parse(text.substring(i, end + 1));
            if (parsed != null) {
                found.add(parsed);
                i = text.indexOf('{', end + 1);
            } else {
                i = text.indexOf('{', i + 1);
            }
        }
        return found;
    }

    private static JsonNode parse(String candidate) {
        try {
            JsonNode node = LENIENT.readTree(candidate);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The index of the brace that closes the one at {@code open}, skipping quoted strings; -1 if none. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
