package dev.aiworkbench.eval.assertions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code contains-any} / {@code contains-all} string value as promptfoo does: on commas,
 * trimming each field and skipping empty ones; a field in double quotes keeps its commas, with
 * {@code \"}, {@code \\} and {@code ""} as escapes.
 */
final class CommaSeparated {
    private CommaSeparated() {
    }

    static List<String> split(String value) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            i = skipSeparators(value, i);
            if (i >= value.length()) {
                break;
            }
            if (value.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i = quoted(value, i, field);
                fields.add(field.toString());
                i = skipSpaces(value, i);
                if (i < value.length() && value.charAt(i) != ',') {
                    throw new InvalidAssertionException("the value has text after a quoted item where a comma should be: "
                            + Verdicts.quote(value));
                }
            } else {
                int end = value.indexOf(',', i);
                end = end < 0 ? value.length() : end;
                fields.add(JsValues.trim(value.substring(i, end)));
                i = end;
            }
        }
        return fields;
    }

    private static int quoted(String value, int start, StringBuilder field) {
        int i = start + 1;
        while (i < value.length()) {
            char c = value.charAt(i);
            boolean hasNext = i + 1 < value.length();
            if (c == '\\' && hasNext && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                field.append(value.charAt(i + 1));
                i += 2;
            } else if (c == '"' && hasNext && value.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                field.append(c);
                i++;
            }
        }
        throw new InvalidAssertionException("the value has a quoted item that is never closed: " + Verdicts.quote(value));
    }

    private static int skipSeparators(String value, int start) {
        int i = start;
        while (i < value.length()) {
            i = skipSpaces(value, i);
            if (i >= value.length() || value.charAt(i) != ',') {
                break;
            }
            i++;
        }
        return i;
    }

    private static int skipSpaces(String value, int start) {
        int i = start;
        while (i < value.length() && JsValues.isWhitespace(value.charAt(i))) {
            i++;
        }
        return i;
    }
}
