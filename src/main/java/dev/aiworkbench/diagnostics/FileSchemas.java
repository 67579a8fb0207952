package dev.aiworkbench.diagnostics;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas the app ships under /schemas for the files people write (packs, labs, assessments),
 * applied to parsed YAML so that every violation is a {@link Problem} at its line and column.
 */
public final class FileSchemas {
    private static final String SCHEMA_FOLDER = "/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new HashMap<>();

    private FileSchemas() {
    }

    /**
     * Every violation of a shipped schema, each at the node it concerns.
     *
     * @param schemaFile the schema's file name under /schemas, e.g. {@code lab.schema.json}
     */
    public static List<Problem> check(String schemaFile, YamlDocument document) {
        List<Problem> problems = new ArrayList<>();
        for (Error error : schema(SCHEMA_FOLDER + schemaFile).validate(document.root())) {
            JsonNode node = error.getInstanceNode();
            SourcePosition at = node == null ? SourcePosition.startOf(document.file()) : document.position(node);
            if ("additionalProperties".equals(error.getKeyword()) && node != null) {
                at = document.position(node, error.getProperty());
            }
            problems.add(Problem.error(at, SchemaMessages.describe(error)));
        }
        return problems;
    }

    private static synchronized Schema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            try (InputStream in = FileSchemas.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + r + " is missing from the application");
                }
                return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
