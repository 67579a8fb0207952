package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.aiworkbench.labs.checks.Specs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathsAndValuesTest {
    private static final JsonNode BODY = json("""
            {"a": {"b": 1}, "items": [{"id": "x1"}, {"id": "x2"}], "odd key": true, "n": null}""");

    @Test
    void readsMembersIndexesAndQuotedNames() {
        assertThat(JsonPaths.read(BODY, "$").orElseThrow()).isEqualTo(BODY);
        assertThat(JsonPaths.read(BODY, "$.a.b").orElseThrow().asInt()).isEqualTo(1);
        assertThat(JsonPaths.read(BODY, "a.b").orElseThrow().asInt()).isEqualTo(1);
        assertThat(JsonPaths.read(BODY, "$.items[0].id").orElseThrow().asText()).isEqualTo("x1");
        assertThat(JsonPaths.read(BODY, "$.items[-1].id").orElseThrow().asText()).isEqualTo("x2");
        assertThat(JsonPaths.read(BODY, "$['odd key']").orElseThrow().asBoolean()).isTrue();
        assertThat(JsonPaths.read(BODY, "$[\"a\"].b").orElseThrow().asInt()).isEqualTo(1);
        assertThat(JsonPaths.read(BODY, "$.n").orElseThrow().isNull()).isTrue();
        assertThat(JsonPaths.read(BODY, "$.items[2].id")).isEmpty();
        assertThat(JsonPaths.read(BODY, "$.a.b.c")).isEmpty();
        assertThat(JsonPaths.read(BODY, "$.missing")).isEmpty();
    }

    @Test
    void refusesWhatItDoesNotSupport() {
        assertThatThrownBy(() -> JsonPaths.read(BODY, "$.items[*].id")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> JsonPaths.read(BODY, "$..id")).hasMessageContaining("deep scan");
        assertThatThrownBy(() -> JsonPaths.read(BODY, "$.items.length()")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> JsonPaths.read(BODY, "$.items[0")).hasMessageContaining("not closed");
    }

    @Test
    void comparesWithTheDocumentedTolerance() {
        assertThat(JsonValues.matches(json("1"), json("1.0"))).isTrue();
        assertThat(JsonValues.matches(json("0.3"), json("0.30000000000000004"))).isTrue();
        assertThat(JsonValues.matches(json("1"), json("2"))).isFalse();
        assertThat(JsonValues.matches(json("100000000000"), json("100000000001"))).isFalse();
        assertThat(JsonValues.matches(json("\"200\""), json("200"))).isTrue();
        assertThat(JsonValues.matches(json("200"), json("\" 200 \""))).isTrue();
        assertThat(JsonValues.matches(json("\"true\""), json("true"))).isTrue();
        assertThat(JsonValues.matches(json("false"), json("\"FALSE\""))).isTrue();
        assertThat(JsonValues.matches(json("\"ok\""), json("\"OK\""))).isFalse();
        assertThat(JsonValues.matches(json("null"), json("null"))).isTrue();
        assertThat(JsonValues.matches(json("null"), json("\"\""))).isFalse();
        assertThat(JsonValues.matches(json("\"1\""), json("true"))).isFalse();
        assertThat(JsonValues.matches(json("[1, \"2\"]"), json("[1.0, 2]"))).isTrue();
        assertThat(JsonValues.matches(json("[1]"), json("[1, 2]"))).isFalse();
        assertThat(JsonValues.matches(json("{\"a\": 1, \"b\": [true]}"), json("{\"b\": [\"true\"], \"a\": 1}"))).isTrue();
        assertThat(JsonValues.matches(json("{\"a\": 1}"), json("{\"a\": 1, \"b\": 2}"))).isFalse();
    }

    @Test
    void placeholdersNameWhatIsMissing() throws Exception {
        Placeholders placeholders = Placeholders.of(Specs.fastapi(java.net.URI.create("http://127.0.0.1:8000/")),
                java.util.Optional.of("/usr/bin/python3"));

        assertThat(placeholders.fill("{{fastapi.url}}/x {{ python }}")).isEqualTo("http://127.0.0.1:8000/x /usr/bin/python3");
        assertThatThrownBy(() -> placeholders.fill("{{ollama.url}}/api/tags"))
                .isInstanceOfSatisfying(Placeholders.Missing.class, e -> {
                    assertThat(e.service()).isEqualTo(dev.aiworkbench.labs.definition.ServiceType.OLLAMA);
                    assertThat(e.getMessage()).contains("the ollama service is not running");
                });
        assertThatThrownBy(() -> placeholders.fill("{{weaviate.url}}"))
                .isInstanceOfSatisfying(Placeholders.Missing.class, e -> assertThat(e.service()).isNull());
    }
}
