package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

import java.util.List;

/**
 * {@code is-json}: the whole output parses as JSON (JSON.parse: strict, surrounding whitespace allowed);
 * {@code contains-json}: the output holds at least one JSON object. With a value, that value is a JSON
 * Schema the parsed JSON (for contains-json: at least one of the objects) must satisfy. A value that is
 * not a usable schema fails the assertion, negated or not, as in promptfoo.
 */
final class JsonAssertions {
    private JsonAssertions() {
    }

    static List<AssertionType> all() {
        return List.of(new IsJson(), new ContainsJson());
    }

    private static AssertionResult badSchema(AssertionSpec spec, JsonSchemas.InvalidSchemaException e) {
        return AssertionResult.fail(spec, 0, "The schema cannot be used: " + e.getMessage() + ".");
    }

    private static final class IsJson implements AssertionType {
        @Override
        public String name() {
            return "is-json";
        }

        @Override
        public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
            boolean withSchema = JsonSchemas.given(value);
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
                List<String> violations = JsonSchemas.violations(JsonSchemas.compile(value, name()), parsed);
                return Verdicts.decide(spec, violations.isEmpty(), expectation, violations.isEmpty() ? "it does"
                        : "it is JSON that does not match: " + JsonSchemas.describe(violations));
            } catch (JsonSchemas.InvalidSchemaException e) {
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
            boolean withSchema = JsonSchemas.given(value);
            String expectation = "the output " + Verdicts.to(spec) + "contain a JSON object"
                    + (withSchema ? " that matches the schema" : "");
            List<JsonNode> objects = JsonExtraction.objects(output.text());
            if (objects.isEmpty()) {
                return Verdicts.decide(spec, false, expectation, "it contains none");
            }
            if (!withSchema) {
                return Verdicts.decide(spec, true, expectation, "it contains " + count(objects.size()));
            }
            Schema schema;
            try {
                schema = JsonSchemas.compile(value, name());
            } catch (JsonSchemas.InvalidSchemaException e) {
                return badSchema(spec, e);
            }
            List<String> lastViolations = List.of();
            for (JsonNode object : objects) {
                List<String> violations = JsonSchemas.violations(schema, object);
                if (violations.isEmpty()) {
                    return Verdicts.decide(spec, true, expectation, "it contains " + count(objects.size())
                            + (objects.size() > 1 ? ", and one of them matches" : " that matches"));
                }
                lastViolations = violations;
            }
            String which = objects.size() == 1 ? "the JSON object in it does not match: "
                    : "none of the " + count(objects.size()) + " in it matches (the last: ";
            return Verdicts.decide(spec, false, expectation, which + JsonSchemas.describe(lastViolations)
                    + (objects.size() == 1 ? "" : ")"));
        }

        private static String count(int n) {
            return n == 1 ? "1 JSON object" : n + " JSON objects";
        }
    }
}
