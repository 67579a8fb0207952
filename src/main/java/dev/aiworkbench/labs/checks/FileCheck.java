package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiworkbench.diagnostics.ValueSchemas;
import dev.aiworkbench.labs.definition.CheckSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code file} check: the path (relative to the workspace) exists and, when a pattern is given, is a file whose
 * text (UTF-8, its first 8 MB) matches the regular expression somewhere; {@code ^} and {@code $} match at line
 * breaks. With a schema, the file read as YAML (.yaml, .yml) or JSON must match that JSON Schema (inline, or a file of
 * the lab; draft 2020-12 unless it names another): offline, so a Kubernetes manifest can be checked with no cluster.
 */
final class FileCheck implements Check<CheckSpec.File> {
    static final int READ_LIMIT = 8 * 1024 * 1024;
    private static final ValueSchemas SCHEMAS = new ValueSchemas(ValueSchemas.Dialect.DRAFT_2020_12);
    private static final YAMLMapper YAML = new YAMLMapper();

    @Override
    public Outcome evaluate(CheckSpec.File spec, CheckContext context, Deadline deadline) {
        Path file;
        try {
            file = Workspaces.resolve(context, spec.path(), "path");
        } catch (Workspaces.Refused refused) {
            return refused.outcome;
        }
        String shown = "'" + spec.path() + "'";
        if (!Files.exists(file)) {
            return Outcome.fail("Expected the file " + shown + " in your workspace (" + context.workspace()
                    + "), but it is not there", "Create it as the step describes, then run the check again.");
        }
        boolean hasPattern = spec.containsPattern() != null && !spec.containsPattern().isEmpty();
        boolean hasSchema = spec.schema() != null && !spec.schema().isNull() && !spec.schema().isMissingNode();
        if (!hasPattern && !hasSchema) {
            return Outcome.pass("The " + (Files.isDirectory(file) ? "folder " : "file ") + shown + " is in your workspace");
        }
        Pattern pattern = null;
        if (hasPattern) {
            try {
                pattern = Pattern.compile(spec.containsPattern(), Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                return Outcome.error("The check's pattern /" + spec.containsPattern() + "/ is not a valid regular"
                        + " expression (" + e.getDescription() + ")", "This is a mistake in the lab: correct the pattern"
                        + " in lab.yaml.");
            }
        }
        ValueSchemas.Compiled schema = null;
        if (hasSchema) {
            try {
                JsonNode node = spec.schema().isTextual() ? context.schemas().resolve(spec.schema().asText()) : spec.schema();
                schema = SCHEMAS.compile(node);
            } catch (IOException | IllegalArgumentException e) {
                return Outcome.error("The check's JSON Schema cannot be used: " + e.getMessage(),
                        "This is a mistake in the lab: correct the check's schema in lab.yaml.");
            }
        }
        if (!Files.isRegularFile(file)) {
            return Outcome.fail("Expected " + shown + " to be a file, but it is a folder",
                    "Put the file at that path, then run the check again.");
        }
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readNBytes(READ_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Outcome.error("The file " + shown + " cannot be read (" + e.getMessage() + ")",
                    "Check its permissions, then run the check again.");
        }
        List<String> passed = new ArrayList<>();
        if (pattern != null) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return Outcome.fail("Expected the file " + shown + " to match /" + spec.containsPattern() + "/, but it"
                                + " does not" + (text.isBlank() ? " (it is empty)" : ""),
                        "Complete the file as the step describes, then run the check again.");
            }
            passed.add("matches /" + spec.containsPattern() + "/ (\"" + Text.snippet(matcher.group(), 80) + "\")");
        }
        if (schema != null) {
            Outcome failed = matchesSchema(spec.path(), shown, text, schema);
            if (failed != null) {
                return failed;
            }
            passed.add("matches the check's JSON Schema");
        }
        return Outcome.pass("The file " + shown + " " + String.join(" and ", passed));
    }

    /** Null when the file's value matches; else the failure, naming the first few violations by their path. */
    private static Outcome matchesSchema(String path, String shown, String text, ValueSchemas.Compiled schema) {
        String name = path.toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        ObjectMapper mapper = yaml ? YAML : Text.JSON;
        JsonNode value;
        try {
            value = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return Outcome.fail("Expected the file " + shown + " to be " + (yaml ? "YAML" : "JSON") + ", but it cannot be"
                    + " read" + where + " (" + e.getOriginalMessage() + ")", "Fix the syntax (indentation is the usual"
                    + " cause in YAML), then run the check again.");
        }
        if (value == null || value.isMissingNode()) {
            return Outcome.fail("Expected the file " + shown + " to hold a document, but it is empty",
                    "Complete the file as the step describes, then run the check again.");
        }
        List<String> violations = schema.violations(value);
        if (violations.isEmpty()) {
            return null;
        }
        return Outcome.fail("Expected the file " + shown + " to match the check's JSON Schema, but "
                + ValueSchemas.summary(violations), "Complete the file as the step describes, then run the check again.");
    }
}
