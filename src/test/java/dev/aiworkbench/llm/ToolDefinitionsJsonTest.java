package dev.aiworkbench.llm;

import dev.aiworkbench.diagnostics.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tool definitions in the three providers' shapes, and every problem at its line and column. */
class ToolDefinitionsJsonTest {
    private static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}";

    private static ParsedTools read(String text) {
        return ToolDefinitionsJson.read("tools.json", text);
    }

    private static Problem only(ParsedTools parsed) {
        assertThat(parsed.definitions()).isEmpty();
        assertThat(parsed.problems()).hasSize(1);
        return parsed.problems().get(0);
    }

    @Test
    void openAisToolsShapeIsRead() {
        ParsedTools parsed = read("""
                [{"type": "function", "function": {"name": "get_weather", "description": "Weather in a city",
                  "parameters": %s, "strict": true}}]""".formatted(WEATHER_SCHEMA));

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.definitions()).containsExactly(new ToolDefinition("get_weather", "Weather in a city",
                WEATHER_SCHEMA));
    }

    @Test
    void theBareShapeIsRead() {
        ParsedTools parsed = read("[{\"name\": \"get_weather\", \"description\": \"Weather\", \"parameters\": "
                + WEATHER_SCHEMA + "}]");

        assertThat(parsed.definitions()).containsExactly(new ToolDefinition("get_weather", "Weather", WEATHER_SCHEMA));
    }

    @Test
    void anthropicsShapeIsRead() {
        ParsedTools parsed = read("[{\"name\": \"get_weather\", \"description\": \"Weather\", \"input_schema\": "
                + WEATHER_SCHEMA + ", \"cache_control\": {\"type\": \"ephemeral\"}}]");

        assertThat(parsed.definitions()).containsExactly(new ToolDefinition("get_weather", "Weather", WEATHER_SCHEMA));
    }

    @Test
    void theShapesMixInOneListAndKeepTheirOrder() {
        ParsedTools parsed = read("""
                [
                  {"type": "function", "function": {"name": "a", "parameters": {"type": "object"}}},
                  {"name": "b", "input_schema": {"type": "object"}},
                  {"name": "c"}
                ]""");

        assertThat(parsed.definitions()).extracting(ToolDefinition::name).containsExactly("a", "b", "c");
        assertThat(parsed.definitions().get(2).parametersJson()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        assertThat(parsed.definitions().get(0).description()).isEmpty();
    }

    @Test
    void blankTextOffersNoTools() {
        assertThat(read("  \n").ok()).isTrue();
        assertThat(read("  \n").definitions()).isEmpty();
        assertThat(read("[]").definitions()).isEmpty();
    }

    @Test
    void aSyntaxErrorIsAtItsLineAndColumn() {
        Problem problem = only(read("[\n  {\"name\": \"a\",}\n]"));

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(16);
        assertThat(problem.message()).startsWith("JSON syntax error: ");
        assertThat(problem.toString()).startsWith("tools.json:2:16: ");
    }

    @Test
    void textAfterTheArrayAndKeysWrittenTwiceAreProblemsAtTheirPlace() {
        Problem after = only(read("[]\n[{\"name\": \"b\"}]"));
        Problem twice = only(read("[{\"name\": \"a\", \"name\": \"b\"}]"));

        assertThat(after.message()).startsWith("there is more after the JSON value ends");
        assertThat(after.line()).isEqualTo(2);
        assertThat(twice.message()).startsWith("JSON syntax error: duplicate key 'name'");
    }

    @Test
    void aSingleObjectIsAskedToBeWrappedInAnArray() {
        Problem problem = only(read("{\"name\": \"a\"}"));

        assertThat(problem.message()).contains("JSON array").contains("[ ]");
        assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void aMissingNameIsAtTheDefinition() {
        Problem problem = only(read("[\n  {\"name\": \"ok\"},\n  {\"description\": \"no name\"}\n]"));

        assertThat(problem.message()).isEqualTo("tool 2 has no \"name\"; give it one that says what it does (use only "
                + "letters, digits, _ and -, at most 64 of them)");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(3);
    }

    @Test
    void aNameAnApiWouldRefuseIsAtTheName() {
        Problem problem = only(read("[{\"name\": \"get weather\"}]"));

        assertThat(problem.message()).contains("\"get weather\"").contains("letters, digits, _ and -");
        assertThat(problem.column()).isEqualTo(11);
    }

    @Test
    void aNameUsedTwiceSaysWhereItFirstWas() {
        Problem problem = only(read("[{\"name\": \"a\"},\n {\"name\": \"a\"}]"));

        assertThat(problem.message()).contains("used twice (first at line 1:11)");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void parametersThatAreNotAnObjectSchemaAreRefused() {
        Problem notObject = only(read("[{\"name\": \"a\", \"parameters\": \"city\"}]"));
        Problem notObjectType = only(read("[{\"name\": \"a\", \"input_schema\": {\"type\": \"string\"}}]"));

        assertThat(notObject.message()).contains("parameters of tool a must be a JSON Schema object");
        assertThat(notObjectType.message()).contains("input_schema of tool a must have \"type\": \"object\"");
        assertThat(notObjectType.column()).isEqualTo(41);
    }

    @Test
    void aToolOfAnotherTypeOrWithoutItsFunctionIsRefused() {
        assertThat(only(read("[{\"type\": \"web_search\"}]")).message())
                .contains("type \"web_search\"").contains("only \"function\" tools");
        assertThat(only(read("[{\"type\": \"function\", \"name\": \"a\"}]")).message())
                .contains("no \"function\" object");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNoToolIsOffered() {
        ParsedTools parsed = read("[{\"name\": \"good\"}, 3, {\"name\": \"bad name\"}]");

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.definitions()).isEmpty();
        assertThat(parsed.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).startsWith("tool 2 is not a JSON object"))
                .anySatisfy(m -> assertThat(m).contains("\"bad name\""));
    }

    @Test
    void keptDefinitionsReadBackEqual() {
        List<ToolDefinition> tools = List.of(new ToolDefinition("get_weather", "Weather in a city", WEATHER_SCHEMA),
                new ToolDefinition("search", "", null));

        assertThat(ToolDefinitionsJson.readKept(ToolDefinitionsJson.compact(tools))).isEqualTo(tools);
        assertThat(read(ToolDefinitionsJson.pretty(tools)).definitions()).isEqualTo(tools);
        assertThat(ToolDefinitionsJson.pretty(List.of())).isEmpty();
        assertThatThrownBy(() -> ToolDefinitionsJson.readKept("{}")).isInstanceOf(IllegalStateException.class);
    }
}
