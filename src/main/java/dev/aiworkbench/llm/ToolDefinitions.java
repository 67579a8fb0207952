package dev.aiworkbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.JsonDocument;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads tool definitions written as a JSON array, in any of the shapes people copy them in: OpenAI's {@code tools}
 * entries ({@code {type: function, function: {name, description, parameters}}}), the bare
 * {@code {name, description, parameters}} most Python helpers print, or Anthropic's
 * {@code {name, description, input_schema}}. A problem is reported at the line and column where it was written.
 */
public final class ToolDefinitions {
    private ToolDefinitions() {
    }

    /**
     * @param file how the problems name the source (a path, or e.g. "the command's output")
     * @throws ProblemException the text is not JSON, not an array, or an entry is not a usable tool
     */
    public static List<ToolDefinition> parse(String file, String text) throws ProblemException {
        JsonDocument document = JsonDocument.parse(file, text);
        JsonNode root = document.root();
        if (!root.isArray()) {
            throw problem(document, root, "tool definitions are a JSON array of tools ([{\"name\": …,"
                    + " \"description\": …, \"parameters\": {…}}]), not " + kind(root));
        }
        List<ToolDefinition> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : root) {
            ToolDefinition tool = definition(document, entry);
            if (!names.add(tool.name())) {
                throw problem(document, entry, "the tool " + tool.name() + " is defined twice; a model could not tell"
                        + " the two apart, so give each tool its own name");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    private static ToolDefinition definition(JsonDocument document, JsonNode entry) throws ProblemException {
        if (!entry.isObject()) {
            throw problem(document, entry, "each tool is an object with a name, a description and parameters, not "
                    + kind(entry));
        }
        JsonNode tool = entry;
        if (entry.has("function")) {
            if (!entry.path("type").asText("function").equals("function")) {
                throw problem(document, entry.get("type"), "only tools of type \"function\" can be offered to a"
                        + " model, not \"" + entry.get("type").asText() + "\"");
            }
            tool = entry.get("function");
            if (!tool.isObject()) {
                throw problem(document, tool, "\"function\" holds the tool's name, description and parameters as an"
                        + " object");
            }
        }
        JsonNode name = tool.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw problem(document, name == null ? tool : name, "a tool needs a \"name\": a text of letters, digits,"
                    + " _ and - that the model will call it by");
        }
        JsonNode description = tool.get("description");
        if (description != null && !description.isTextual() && !description.isNull()) {
            throw problem(document, description, "the \"description\" of " + name.asText() + " is text that tells"
                    + " the model when to use it");
        }
        JsonNode schema = tool.has("parameters") ? tool.get("parameters") : tool.get("input_schema");
        if (schema != null && !schema.isObject()) {
            throw problem(document, schema, "the parameters of " + name.asText() + " are a JSON Schema object"
                    + " ({\"type\": \"object\", \"properties\": {…}}), not " + kind(schema));
        }
        try {
            return new ToolDefinition(name.asText(), description == null ? "" : description.asText(),
                    schema == null ? null : schema.toString());
        } catch (IllegalArgumentException e) {
            throw problem(document, name, e.getMessage());
        }
    }

    private static ProblemException problem(JsonDocument document, JsonNode at, String message) {
        return new ProblemException(Problem.error(document.position(at), message).withRule("tool-definition"));
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isTextual() ? "a text" : node.isNumber() ? "a number" : node.isBoolean() ? "true or false"
                : "null";
    }
}
