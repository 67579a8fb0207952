package dev.aiworkbench.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas given at run time (a lab check's expected body, an eval assertion's value), applied to the values
 * they describe; {@link FileSchemas} is for the files people write. Each violation reads {@code $.path: what}
 * ({@code what} alone at the root). Compiled schemas are kept, keyed by their content, since every case of a suite
 * and every run of a check repeats them.
 */
public final class ValueSchemas {
    /** Bounded: a schema with {{var}}s is a new one for each case. */
    private static final int COMPILED_LIMIT = 1024;
    private static final int SHOWN = 3;

    /** The dialect of a schema that does not name one with {@code $schema}. */
    public enum Dialect {
        DRAFT_7(SpecificationVersion.DRAFT_7),
        DRAFT_2020_12(SpecificationVersion.DRAFT_2020_12);

        private final SpecificationVersion version;

        Dialect(SpecificationVersion version) {
            this.version = version;
        }
    }

    private final Dialect defaultDialect;
    private volatile SchemaRegistry registry;
    private final Map<JsonNode, Compiled> compiled = new ConcurrentHashMap<>();

    /** @param defaultDialect how to read a schema without {@code $schema}; one that names a draft is read as that */
    public ValueSchemas(Dialect defaultDialect) {
        this.defaultDialect = defaultDialect;
    }

    /**
     * Made on the first schema: the registry loads the validator library's keywords and formats, a share of a short
     * eval run's start that a suite without schemas never needs.
     */
    private SchemaRegistry registry() {
        SchemaRegistry made = registry;
        if (made == null) {
            synchronized (this) {
                made = registry;
                if (made == null) {
                    made = SchemaRegistry.withDefaultDialect(defaultDialect.version);
                    registry = made;
                }
            }
        }
        return made;
    }

    /**
     * The schema, compiled (or as compiled before).
     *
     * @throws InvalidSchemaException the value is not a usable schema (the message says why)
     */
    public Compiled compile(JsonNode schema) {
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            throw new InvalidSchemaException("a JSON Schema must be an object (or true/false)");
        }
        Compiled known = compiled.get(schema);
        if (known != null) {
            return known;
        }
        Compiled made;
        try {
            made = new Compiled(registry().getSchema(schema));
        } catch (RuntimeException e) {
            throw new InvalidSchemaException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (compiled.size() >= COMPILED_LIMIT) {
            compiled.clear();
        }
        // Keyed by a copy: the caller may change its node afterwards.
        compiled.put(schema.deepCopy(), made);
        return made;
    }

    /** The first few violations joined with "; ", and how many more there are. */
    public static String summary(List<String> violations) {
        String shown = String.join("; ", violations.subList(0, Math.min(SHOWN, violations.size())));
        int more = violations.size() - SHOWN;
        return more > 0 ? shown + " (and " + more + " more)" : shown;
    }

    /** A compiled schema. */
    public static final class Compiled {
        private final Schema schema;

        private Compiled(Schema schema) {
            this.schema = schema;
        }

        /** The violations of the instance, each as {@code $.path: what}; empty when it is valid. */
        public List<String> violations(JsonNode instance) {
            // Most values match: a fail-fast yes/no first, and the full list of errors only when it is no.
            if (schema.validate(instance, OutputFormat.BOOLEAN)) {
                return List.of();
            }
            return schema.validate(instance).stream().map(Compiled::describe).toList();
        }

        private static String describe(Error error) {
            String path = jsonPath(error);
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            if (!pointer.isEmpty() && message.startsWith(pointer)) {
                message = message.substring(pointer.length()).replaceFirst("^[:\\s]+", "");
            }
            return path.equals("$") ? message : path + ": " + message;
        }

        /** Where the error is, as a JSON path: {@code $.items[0].id}, {@code $['a b']}. */
        private static String jsonPath(Error error) {
            StringBuilder path = new StringBuilder("$");
            var location = error.getInstanceLocation();
            for (int i = 0; location != null && i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                String name = String.valueOf(element);
                if (element instanceof Number) {
                    path.append('[').append(name).append(']');
                } else if (name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                    path.append('.').append(name);
                } else {
                    path.append("['").append(name).append("']");
                }
            }
            return path.toString();
        }
    }

    /** The value is not a usable JSON Schema (also for a caller's own reasons, such as text that is not JSON). */
    public static final class InvalidSchemaException extends IllegalArgumentException {
        public InvalidSchemaException(String message) {
            super(message);
        }
    }
}
