package dev.aiworkbench.diagnostics;

import com.networknt.schema.Error;

/** Turns schema errors into sentences an author can act on. */
final class SchemaMessages {
    /** The pattern of every id in the shipped schemas ($defs/id). */
    private static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";

    private SchemaMessages() {
    }

    static String describe(Error error) {
        String where = path(error);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> (where.isEmpty() ? "" : where + ": ") + "missing field '" + error.getProperty() + "'";
            case "additionalProperties" -> (where.isEmpty() ? "" : where + ": ")
                    + "unknown field '" + error.getProperty() + "'";
            case "type" -> where + ": wrong type: expected " + error.getArguments()[1] + ", found "
                    + error.getArguments()[0];
            case "pattern" -> where.endsWith("id") || where.endsWith("module") || where.contains("labs")
                    || ID_PATTERN.equals(String.valueOf(error.getArguments()[0]))
                    ? where + ": '" + text(error) + "' is not a valid id (use lower-case letters, digits and hyphens)"
                    : where + ": '" + text(error) + "' does not have the expected form";
            case "enum" -> where + ": '" + text(error) + "' is not one of " + error.getArguments()[0];
            case "minItems" -> where + ": needs at least " + error.getArguments()[0] + " item(s)";
            case "maxItems" -> where + ": allows at most " + error.getArguments()[0] + " item(s)";
            case "minLength" -> where + ": must not be empty";
            default -> where + ": " + stripPath(error.getMessage());
        };
    }

    private static String text(Error error) {
        return error.getInstanceNode() == null ? "" : error.getInstanceNode().asText();
    }

    /** A readable path such as {@code tasks[2].kind}; empty at the document root. */
    private static String path(Error error) {
        var location = error.getInstanceLocation();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Number index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        return path.toString();
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }
}
