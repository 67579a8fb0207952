package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/**
 * Applies a lab's JSON Schema with networknt. A schema without {@code $schema} is read as draft 2020-12 (the
 * dialect of the workbench's own schemas); one that names another draft is read as that draft.
 */
final class JsonSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final int SHOWN = 3;

    private JsonSchemas() {
    }

    /** @throws IllegalArgumentException the value is not a usable schema (the message says why) */
    static Schema compile(JsonNode schema) {
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            throw new IllegalArgumentException("a JSON Schema must be an object (or true/false)");
        }
        try {
            return REGISTRY.getSchema(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** The violations, each as "where: what"; empty when the instance is valid. */
    static List<String> violations(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(JsonSchemas::describe).toList();
    }

    private static String describe(Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        if (!at.isEmpty() && message.startsWith(at)) {
            message = message.substring(at.length()).replaceFirst("^[:\\s]+", "");
        }
        return jsonPath(at) + ": " + message;
    }

    /** A JSON Pointer ({@code /items/0/id}, as networknt reports places) as the JSON path checks use ({@code $.items[0].id}). */
    static String jsonPath(String location) {
        if (location.isEmpty() || location.equals("/") || location.equals("$")) {
            return "$";
        }
        if (!location.startsWith("/")) {
            return location;
        }
        StringBuilder path = new StringBuilder("$");
        for (String raw : location.substring(1).split("/", -1)) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (part.matches("\\d+")) {
                path.append('[').append(part).append(']');
            } else if (part.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                path.append('.').append(part);
            } else {
                path.append("['").append(part).append("']");
            }
        }
        return path.toString();
    }

    static String describe(List<String> violations) {
        String shown = String.join("; ", violations.subList(0, Math.min(SHOWN, violations.size())));
        int more = violations.size() - SHOWN;
        return more > 0 ? shown + " (and " + more + " more)" : shown;
    }
}
