package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas given as assertion values: an object (or true/false), or a string holding YAML or JSON.
 * A schema without {@code $schema} is read as draft-07, the dialect promptfoo's Ajv uses by default.
 * Compiled schemas are kept, keyed by their content, since every case of a suite repeats them.
 */
final class JsonSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Bounded as JsRegex's cache is: a schema with {{var}}s is a new one for each case. */
    private static final Map<JsonNode, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final int COMPILED_LIMIT = 1024;
    private static final int ERRORS_SHOWN = 3;

    private JsonSchemas() {
    }

    /** promptfoo's test for "a schema was given": present, not null, not the empty string. */
    static boolean given(JsonNode value) {
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    /** The compiled schema, or an {@link InvalidSchemaException} saying why the value is not one. */
    static Schema compile(JsonNode value, String type) {
        JsonNode schema = value;
        if (value.isTextual()) {
            if (value.asText().startsWith("file://")) {
                throw new InvalidSchemaException("the file:// reference of " + type + " was not resolved when the suite was loaded");
            }
            try {
                schema = YAML.readTree(value.asText());
            } catch (JsonProcessingException e) {
                throw new InvalidSchemaException("the schema text is neither JSON nor YAML: " + JsValues.parseError(e));
            }
        }
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            throw new InvalidSchemaException("the value of " + type + " must be a JSON Schema (an object, true or false)");
        }
        Schema compiled = COMPILED.get(schema);
        if (compiled != null) {
            return compiled;
        }
        try {
            compiled = REGISTRY.getSchema(schema);
        } catch (RuntimeException e) {
            throw new InvalidSchemaException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (COMPILED.size() >= COMPILED_LIMIT) {
            COMPILED.clear();
        }
        COMPILED.put(schema, compiled);
        return compiled;
    }

    /** The violations of the instance, described; empty when it is valid. */
    static List<String> violations(Schema schema, JsonNode instance) {
        // Most outputs match: a fail-fast yes/no first, and the full list of errors only when it is no.
        if (schema.validate(instance, OutputFormat.BOOLEAN)) {
            return List.of();
        }
        List<Error> errors = schema.validate(instance);
        return errors.stream().map(JsonSchemas::describe).toList();
    }

    private static String describe(Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return at.isEmpty() || at.equals("$") || message.startsWith(at) ? message : at + ": " + message;
    }

    static String describe(List<String> violations) {
        String shown = String.join("; ", violations.subList(0, Math.min(ERRORS_SHOWN, violations.size())));
        int more = violations.size() - ERRORS_SHOWN;
        return more > 0 ? shown + " (and " + more + " more)" : shown;
    }

    /** The value is not a usable JSON Schema: promptfoo fails the assertion (it does not error). */
    static final class InvalidSchemaException extends RuntimeException {
        InvalidSchemaException(String message) {
            super(message);
        }
    }
}
