package dev.aiworkbench.llm;

import dev.aiworkbench.diagnostics.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading tool definitions in the shapes people paste them in, and saying where a bad one went wrong. */
class ToolDefinitionsTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";

    @Test
    void openAisBareAndAnthropicsFormsGiveTheSameDefinition() throws Exception {
        ToolDefinition expected = new ToolDefinition("get_weather", "The weather.", SCHEMA);

        List<ToolDefinition> openAi = ToolDefinitions.parse("t.json", "[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"get_weather\",\"description\":\"The weather.\",\"parameters\":" + SCHEMA + "}}]");
        List<ToolDefinition> bare = ToolDefinitions.parse("t.json", "[{\"name\":\"get_weather\",\"description\":"
                + "\"The weather.\",\"parameters\":" + SCHEMA + "}]");
        List<ToolDefinition> anthropic = ToolDefinitions.parse("t.json", "[{\"name\":\"get_weather\",\"description\":"
                + "\"The weather.\",\"input_schema\":" + SCHEMA + "}]");

        assertThat(openAi).containsExactly(expected);
        assertThat(bare).containsExactly(expected);
        assertThat(anthropic).containsExactly(expected);
    }

    @Test
    void aToolWithoutParametersTakesNone() throws Exception {
        assertThat(ToolDefinitions.parse("t.json", "[{\"name\":\"now\"}]")).singleElement()
                .extracting(ToolDefinition::parametersJson).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    @Test
    void eachProblemIsASentenceAtItsLineAndColumn() {
        assertThat(problem("[{\"name\": \"a\",\n \"parameters\": }]")).startsWith("t.json:2:16: JSON syntax error");
        assertThat(problem("{\"name\": \"a\"}")).isEqualTo("t.json:1:1: tool definitions are a JSON array of tools"
                + " ([{\"name\": …, \"description\": …, \"parameters\": {…}}]), not an object");
        assertThat(problem("[\n  {\"name\": \"has space\"}]")).startsWith("t.json:2:12: A tool's name uses only");
        assertThat(problem("[{\"name\": \"a\", \"parameters\": [1]}]")).startsWith("t.json:1:30: the parameters of a"
                + " are a JSON Schema object");
        assertThat(problem("[{\"name\": \"a\"}, {\"name\": \"a\"}]")).contains("the tool a is defined twice");
        assertThat(problem("[{\"type\": \"web_search\", \"function\": {\"name\": \"a\"}}]"))
                .contains("only tools of type \"function\"");
        assertThat(problem("")).contains("the file is empty");
    }

    private static String problem(String text) {
        return catchThrowableOfType(ProblemException.class, () -> ToolDefinitions.parse("t.json", text)).problem()
                .toString();
    }
}
