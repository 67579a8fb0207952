package dev.aiworkbench.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tool arguments and schemas between the JSON text the shared records hold and the objects Ollama and Anthropic put
 * in their bodies (OpenAI keeps arguments as text, so it needs none of this).
 */
public final class ToolArguments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolArguments() {
    }

    /**
     * The text as a JSON object. A model may write arguments that are not JSON (or not an object); they are kept as
     * text in the call for the caller to judge, but a provider that wants an object back gets an empty one.
     */
    public static ObjectNode object(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * A tool's parameter schema as an object, to write into a request body.
     *
     * @throws IllegalArgumentException the schema is not a JSON object (nothing is sent)
     */
    public static ObjectNode schema(ToolDefinition tool) {
        try {
            if (JSON.readTree(tool.parametersJson()) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below, as a sentence rather than the parser's message
        }
        throw new IllegalArgumentException("The parameters of tool " + tool.name()
                + " are not a JSON object; fix its schema and run again.");
    }

    /** A value the model sent as an object, back to compact JSON text. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "{}";
        }
        // Some servers send arguments already as a string of JSON; that string is the text.
        return value.isTextual() ? value.asText() : value.toString();
    }
}
