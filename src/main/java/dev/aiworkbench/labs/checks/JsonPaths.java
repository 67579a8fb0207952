package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON paths checks use: {@code $} (the whole body), then any number of {@code .name}, {@code ['name']} or
 * {@code ["name"]} (an object member) and {@code [n]} (an array element; {@code [-1]} is the last). A path without
 * the leading {@code $} is read as if it had {@code $.} in front ({@code status} means {@code $.status}).
 * Wildcards, filters and functions are not supported and are refused with the reason.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /**
     * The value at the path, or empty when the body has nothing there.
     *
     * @throws IllegalArgumentException the path is not one this class reads (the message says why)
     */
    public static Optional<JsonNode> read(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : parse(path)) {
            if (node == null) {
                return Optional.empty();
            }
            if (step instanceof Integer index) {
                if (!node.isArray()) {
                    return Optional.empty();
                }
                int i = index < 0 ? node.size() + index : index;
                node = i >= 0 && i < node.size() ? node.get(i) : null;
            } else {
                node = node.isObject() ? node.get((String) step) : null;
            }
        }
        return Optional.ofNullable(node);
    }

    /** The steps of a path: member names (String) and array indexes (Integer). */
    static List<Object> parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a JSON path cannot be empty; use $ for the whole body");
        }
        String p = path.strip();
        if (!p.startsWith("$")) {
            p = p.startsWith("[") ? "$" + p : "$." + p;
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                    i++;
                }
                String name = p.substring(start, i);
                if (name.isEmpty()) {
                    throw bad(path, "'..' (deep scan) and an empty name after '.' are not supported");
                }
                if (name.equals("*") || name.endsWith("()")) {
                    throw bad(path, "'" + name + "' is not supported (no wildcards or functions)");
                }
                steps.add(name);
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw bad(path, "a '[' is not closed");
                }
                String inside = p.substring(i + 1, close).strip();
                if ((inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))
                        && inside.length() >= 2) {
                    String name = inside.substring(1, inside.length() - 1);
                    // a quoted name may hold ']' only if the quote closes after it
                    steps.add(name);
                } else {
                    try {
                        steps.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw bad(path, "[" + inside + "] is neither an array index nor a quoted name "
                                + "(wildcards, slices and filters are not supported)");
                    }
                }
                i = close + 1;
            } else {
                throw bad(path, "expected '.' or '[' at position " + (i + 1));
            }
        }
        return steps;
    }

    private static IllegalArgumentException bad(String path, String why) {
        return new IllegalArgumentException("the JSON path '" + path + "' cannot be read: " + why);
    }
}
