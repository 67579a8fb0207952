package dev.aiworkbench.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValueSchemas DRAFT_7 = new ValueSchemas(ValueSchemas.Dialect.DRAFT_7);
    private static final ValueSchemas DRAFT_2020_12 = new ValueSchemas(ValueSchemas.Dialect.DRAFT_2020_12);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void eachViolationSaysWhereAsAJsonPathAndWhat() throws Exception {
        ValueSchemas.Compiled schema = DRAFT_2020_12.compile(json("""
                {"type": "object", "required": ["name"],
                 "properties": {"age": {"type": "string"}, "a b": {"type": "string"},
                                "items": {"type": "array", "items": {"type": "string"}}}}"""));

        List<String> violations = schema.violations(json("{\"age\": 1, \"a b\": 2, \"items\": [\"x\", 3]}"));

        assertThat(violations).containsExactlyInAnyOrder("$.age: integer found, string expected",
                "$['a b']: integer found, string expected", "$.items[1]: integer found, string expected",
                "required property 'name' not found");
        assertThat(schema.violations(json("{\"name\": \"x\"}"))).isEmpty();
    }

    @Test
    void aSchemaWithoutDollarSchemaIsReadInTheDefaultDialect() throws Exception {
        // prefixItems is a keyword of 2020-12; draft-07 does not know it and lets anything through
        JsonNode schema = json("{\"prefixItems\": [{\"type\": \"string\"}]}");
        JsonNode instance = json("[1]");

        assertThat(DRAFT_2020_12.compile(schema).violations(instance)).containsExactly("$[0]: integer found, string expected");
        assertThat(DRAFT_7.compile(schema).violations(instance)).isEmpty();
        JsonNode named = json("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
                + "\"prefixItems\": [{\"type\": \"string\"}]}");
        assertThat(DRAFT_7.compile(named).violations(instance)).hasSize(1);
    }

    @Test
    void aSchemaIsCompiledOnceForItsContentAndTheKeptOnesAreBounded() throws Exception {
        ValueSchemas schemas = new ValueSchemas(ValueSchemas.Dialect.DRAFT_7);
        ValueSchemas.Compiled first = schemas.compile(json("{\"type\": \"string\"}"));

        assertThat(schemas.compile(json("{ \"type\" : \"string\" }"))).isSameAs(first);
        for (int i = 0; i < 1024; i++) {
            schemas.compile(json("{\"maxLength\": " + i + "}"));
        }
        assertThat(schemas.compile(json("{\"type\": \"string\"}"))).isNotSameAs(first);
    }

    @Test
    void aValueThatIsNotASchemaIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> DRAFT_7.compile(json("5"))).isInstanceOf(ValueSchemas.InvalidSchemaException.class)
                .hasMessage("a JSON Schema must be an object (or true/false)");
        assertThat(DRAFT_7.compile(json("false")).violations(json("{}"))).hasSize(1);
    }

    @Test
    void aSummaryShowsTheFirstThreeAndCountsTheRest() {
        assertThat(ValueSchemas.summary(List.of("a", "b"))).isEqualTo("a; b");
        assertThat(ValueSchemas.summary(List.of("a", "b", "c", "d", "e"))).isEqualTo("a; b; c (and 2 more)");
    }
}
