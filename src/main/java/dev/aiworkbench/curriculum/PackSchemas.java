package dev.aiworkbench.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schemas of the pack format and of the other YAML files the app reads (all shipped under
 * /schemas), applied to parsed YAML so that every violation points at its line and column.
 */
public final class PackSchemas {
    public enum Kind {
        PACK("pack.schema.json"), PHASE("phase.schema.json"), WEEK("week.schema.json");

        private final String resource;

        Kind(String resource) {
            this.resource = resource;
        }

        public String resource() {
            return SCHEMA_FOLDER + resource;
        }
    }

    private static final String SCHEMA_FOLDER = "/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final java.util.Map<String, Schema> SCHEMAS = new java.util.HashMap<>();

    private PackSchemas() {
    }

    private static synchronized Schema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            try (InputStream in = PackSchemas.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + r + " is missing from the application");
                }
                return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every schema violation in the document, each at the node it concerns. */
    public static List<Problem> check(Kind kind, YamlDocument document) {
        return validate(kind.resource(), document);
    }

    /**
     * Every violation of another schema the app ships, each at the node it concerns.
     *
     * @param schemaFile the schema's file name under /schemas, e.g. {@code lab.schema.json}
     */
    public static List<Problem> check(String schemaFile, YamlDocument document) {
        return validate(SCHEMA_FOLDER + schemaFile, document);
    }

    private static List<Problem> validate(String resource, YamlDocument document) {
        List<Problem> problems = new ArrayList<>();
        for (Error error : schema(resource).validate(document.root())) {
            JsonNode node = error.getInstanceNode();
            SourcePosition at = node == null ? SourcePosition.startOf(document.file()) : document.position(node);
            if ("additionalProperties".equals(error.getKeyword()) && node != null) {
                at = document.position(node, error.getProperty());
            }
            problems.add(Problem.error(at, SchemaMessages.describe(error)));
        }
        return problems;
    }
}
