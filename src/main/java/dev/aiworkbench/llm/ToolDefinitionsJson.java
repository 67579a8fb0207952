package dev.aiworkbench.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.diagnostics.JsonDocument;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tool definitions as people write them, in any of the three shapes the providers document: OpenAI's {@code tools}
 * entries ({@code {"type": "function", "function": {name, description, parameters}}}), the bare
 * {@code {name, description, parameters}} and Anthropic's {@code {name, description, input_schema}}, mixed freely in
 * one JSON array. Fields a provider adds ({@code strict}, {@code cache_control}) are left alone. Definitions are
 * written back in the bare shape.
 */
public final class ToolDefinitionsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String NAME_RULE = "use only letters, digits, _ and -, at most 64 of them";

    private ToolDefinitionsJson() {
    }

    /**
     * Reads a JSON array of definitions; blank text is no tools.
     *
     * @param file how the problems name the text (a file's name, or "tools" for pasted text)
     */
    public static ParsedTools read(String file, String text) {
        if (text == null || text.isBlank()) {
            return new ParsedTools(List.of(), List.of());
        }
        JsonDocument document;
        try {
            document = JsonDocument.parse(file, text);
        } catch (ProblemException e) {
            return new ParsedTools(List.of(), List.of(e.problem()));
        }
        JsonNode root = document.root();
        if (!root.isArray()) {
            return new ParsedTools(List.of(), List.of(error(document.position(root), root.isObject()
                    ? "the tools are a JSON array: put this definition inside [ ]"
                    : "the tools are a JSON array of definitions, each {\"name\": …, \"description\": …, "
                    + "\"parameters\": {…}}")));
        }
        List<ToolDefinition> definitions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, SourcePosition> named = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            new Entry(document, root.get(i), i + 1, problems, named).read().ifPresent(definitions::add);
        }
        return problems.isEmpty() ? new ParsedTools(definitions, List.of()) : new ParsedTools(List.of(), problems);
    }

    /** One element of the array, read into a definition or into problems. */
    private record Entry(JsonDocument document, JsonNode node, int number, List<Problem> problems,
                         Map<String, SourcePosition> named) {
        Optional<ToolDefinition> read() {
            if (!node.isObject()) {
                return fail(node, "tool " + number + " is not a JSON object; write it as {\"name\": …, "
                        + "\"description\": …, \"parameters\": {…}}");
            }
            JsonNode body = node;
            JsonNode type = node.get("type");
            if (type != null) {
                if (!"function".equals(type.asText(null))) {
                    return fail(type, "tool " + number + " has type " + type + "; only \"function\" tools can be "
                            + "offered to a model");
                }
                body = node.get("function");
                if (body == null || !body.isObject()) {
                    return fail(body == null ? node : body, "tool " + number + " has type \"function\" but no "
                            + "\"function\" object; put its name, description and parameters in one");
                }
            }
            JsonNode name = body.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                return fail(name == null ? body : name, "tool " + number + " has no \"name\"; give it one that "
                        + "says what it does (" + NAME_RULE + ")");
            }
            String toolName = name.asText();
            if (!NAME.matcher(toolName).matches()) {
                return fail(name, "the tool name \"" + toolName + "\" would be refused by the model's API: "
                        + NAME_RULE);
            }
            SourcePosition first = named.putIfAbsent(toolName, document.position(name));
            if (first != null) {
                return fail(name, "the tool name \"" + toolName + "\" is used twice (first at line " + first.line()
                        + ":" + first.column() + "); a model calls a tool by its name, so each must be unique");
            }
            JsonNode description = body.get("description");
            if (description != null && !description.isTextual() && !description.isNull()) {
                return fail(description, "the description of tool " + toolName + " must be text (in quotes)");
            }
            String schemaField = body.has("input_schema") ? "input_schema" : "parameters";
            JsonNode schema = body.get(schemaField);
            if (schema != null && !schema.isObject()) {
                return fail(schema, "the " + schemaField + " of tool " + toolName + " must be a JSON Schema object, "
                        + "such as {\"type\": \"object\", \"properties\": {…}}");
            }
            if (schema != null && schema.has("type") && !"object".equals(schema.get("type").asText(null))) {
                return fail(schema.get("type"), "the " + schemaField + " of tool " + toolName + " must have "
                        + "\"type\": \"object\": a model passes a tool's arguments by name");
            }
            return Optional.of(new ToolDefinition(toolName, description == null ? "" : description.asText(""),
                    schema == null ? null : write(schema)));
        }

        private Optional<ToolDefinition> fail(JsonNode at, String message) {
            problems.add(error(document.position(at), message));
            return Optional.empty();
        }
    }

    private static Problem error(SourcePosition at, String message) {
        return Problem.error(at, message).withRule("tool-definition");
    }

    /** The definitions as one compact JSON array in the bare shape, to keep. */
    public static String compact(List<ToolDefinition> definitions) {
        return write(array(definitions));
    }

    /** The definitions as an indented JSON array in the bare shape, to show and edit; empty for none. */
    public static String pretty(List<ToolDefinition> definitions) {
        if (definitions.isEmpty()) {
            return "";
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array(definitions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tool definitions as JSON", e);
        }
    }

    /**
     * Kept definitions read back.
     *
     * @throws IllegalStateException when the kept text is not a list of definitions (something else wrote it)
     */
    public static List<ToolDefinition> readKept(String json) {
        ParsedTools parsed = read("kept tools", json);
        if (!parsed.ok()) {
            throw new IllegalStateException("kept tool definitions cannot be read: " + parsed.problems().get(0));
        }
        return parsed.definitions();
    }

    private static ArrayNode array(List<ToolDefinition> definitions) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ToolDefinition definition : definitions) {
            ObjectNode entry = array.addObject();
            entry.put("name", definition.name());
            entry.put("description", definition.description());
            entry.set("parameters", readTree(definition.parametersJson()));
        }
        return array;
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the parameters are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
