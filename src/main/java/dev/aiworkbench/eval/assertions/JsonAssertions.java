package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiworkbench.diagnostics.ValueSchemas;
import dev.aiworkbench.diagnostics.ValueSchemas.InvalidSchemaException;

import java.util.List;

/**
 * {@code is-json}: the whole output parses as JSON (JSON.parse: strict, surrounding whitespace allowed);
 * {@code contains-json}: the output holds at least one JSON object. With a value, that value is a JSON
 * Schema the parsed JSON (for contains-json: at least one of the objects) must satisfy: an object (or
 * true/false), or a string holding YAML or JSON. A schema without {@code $schema} is read as draft-07, the
 * dialect promptfoo's Ajv uses by default. A value that is not a usable schema fails the assertion, negated
 * or not, as in promptfoo.
 */
final class JsonAssertions {
    private static final ValueSchemas SCHEMAS = new ValueSchemas(ValueSchemas.Dialect.DRAFT_7);
    private static final YAMLMapper YAML = new YAMLMapper();

    private JsonAssertions() {
    }

    static List<AssertionType> all() {
        return List.of(new IsJson(), new ContainsJson());
    }

    private static AssertionResult badSchema(AssertionSpec spec, InvalidSchemaException e) {
        return AssertionResult.fail(spec, 0, "The schema cannot be used: " + e.getMessage() + ".");
    }

    /** promptfoo's test for "a schema was given": present, not null, not the empty string. */
    private static boolean given(JsonNode value) {
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    /** The compiled schema, or an {@link InvalidSchemaException} saying why the value is not one. */
    private static ValueSchemas.Compiled schema(JsonNode value, String type) {
        JsonNode schema = value;
        if (value.isTextual()) {
            if (value.asText().startsWith("file://")) {
                throw new InvalidSchemaException("the file:// reference of " + type
                        + " was not resolved when the suite was loaded");
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
        return SCHEMAS.compile(schema);
    }

    private static final class IsJson implements AssertionType {
        @Override
        public String name() {
            return "is-json";
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            boolean withSchema = given(value);
            String expectation = "the output " + Verdicts.to(spec) + "be valid JSON"
                    + (withSchema ? " that matches the schema" : "");
            JsonNode parsed;
            try {
                parsed = JsValues.parseJson(output.text());
            } catch (JsonProcessingException e) {
                return Verdicts.decide(spec, false, expectation, "it is not JSON (" + JsValues.parseError(e) + ")");
            }
            if (!withSchema) {
                return Verdicts.decide(spec, true, expectation, "it is");
            }
            try {
                List<String> violations = schema(value, name()).violations(parsed);
                return Verdicts.decide(spec, violations.isEmpty(), expectation, violations.isEmpty() ? "it does"
                        : "it is JSON that does not match: " + ValueSchemas.summary(violations));
            } catch (InvalidSchemaException e) {
                return badSchema(spec, e);
            }
        }
    }

    private static final class ContainsJson implements AssertionType {
        @Override
        public String name() {
            return "contains-json";
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            boolean withSchema = given(value);
            String expectation = "the output " + Verdicts.to(spec) + "contain a JSON object"
                    + (withSchema ? " that matches the schema" : "");
            List<JsonNode> objects = JsonExtraction.objects(output.text());
            if (objects.isEmpty()) {
                return Verdicts.decide(spec, false, expectation, "it contains none");
            }
            if (!withSchema) {
                return Verdicts.decide(spec, true, expectation, "it contains " + count(objects.size()));
            }
            ValueSchemas.Compiled schema;
            try {
                schema = schema(value, name());
            } catch (InvalidSchemaException e) {
                return badSchema(spec, e);
            }
            List<String> lastViolations = List.of();
            for (JsonNode object : objects) {
                List<String> violations = schema.violations(object);
                if (violations.isEmpty()) {
                    return Verdicts.decide(spec, true, expectation, "it contains " + count(objects.size())
                            + (objects.size() > 1 ? ", and one of them matches" : " that matches"));
                }
                lastViolations = violations;
            }
            String which = objects.size() == 1 ? "the JSON object in it does not match: "
                    : "none of the " + count(objects.size()) + " in it matches (the last: ";
            return Verdicts.decide(spec, false, expectation, which + ValueSchemas.summary(lastViolations)
                    + (objects.size() == 1 ? "" : ")"));
        }

        private static String count(int n) {
            return n == 1 ? "1 JSON object" : n + " JSON objects";
        }
    }
}
