package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * Fills {@code {{var}}} slots in assertion values with the case's variables, as promptfoo's Nunjucks
 * rendering does for the simple case: {@code {{ name }}} (spaces allowed) becomes the variable's value.
 * A slot naming no variable, and anything that is not a plain slot (filters, expressions), stays as written.
 * Like promptfoo, a string value and the strings of a list value are rendered; objects are not.
 */
final class Templates {
    private Templates() {
    }

    static JsonNode renderValue(JsonNode value, Map<String, String> vars) {
        if (value == null || vars == null || vars.isEmpty()) {
            return value;
        }
        if (value.isTextual()) {
            String rendered = render(value.asText(), vars);
            return rendered.equals(value.asText()) ? value : TextNode.valueOf(rendered);
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
            for (JsonNode item : value) {
                out.add(item.isTextual() ? TextNode.valueOf(render(item.asText(), vars)) : item);
            }
            return out;
        }
        return value;
    }

    static String render(String text, Map<String, String> vars) {
        if (text == null || vars == null || vars.isEmpty() || !text.contains("{{")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                break;
            }
            String name = text.substring(open + 2, close).strip();
            String value = isName(name) ? vars.get(name) : null;
            out.append(text, from, open);
            if (value != null) {
                out.append(value);
                from = close + 2;
            } else {
                out.append("{{");
                from = open + 2;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = Character.isLetter(c) || c == '_' || c == '$';
            if (!(letter || (i > 0 && (Character.isDigit(c) || c == '.' || c == '-')))) {
                return false;
            }
        }
        return true;
    }
}
