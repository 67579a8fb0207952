package dev.aiworkbench.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ModelOption;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.llm.ToolDefinitionsJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How options, output formats and variables are kept in the database as text. Options use Ollama's
 * own names (the same JSON the server receives), so a learner reading the file or an export
 * recognises them.
 */
final class PromptJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String PLAIN = "plain";
    static final String JSON = "json";
    static final String JSON_SCHEMA = "json-schema";

    private PromptJson() {
    }

    static String options(ModelOptions options) {
        return write(options.toWire());
    }

    static ModelOptions options(String json) {
        JsonNode node = read(json);
        Map<ModelOption, Object> values = new EnumMap<>(ModelOption.class);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            ModelOption option = ModelOption.named(name).orElseThrow(() -> new IllegalStateException(
                    "stored options have an unknown field '" + name + "': " + json));
            JsonNode value = node.get(name);
            if (!value.isNull()) {
                values.put(option, switch (option.kind()) {
                    case DECIMAL -> value.doubleValue();
                    case WHOLE -> value.intValue();
                    case TEXTS -> texts(value);
                });
            }
        }
        return ModelOptions.of(values);
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        value.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    static String formatId(OutputFormat format) {
        return switch (format) {
            case OutputFormat.Plain p -> PLAIN;
            case OutputFormat.Json j -> JSON;
            case OutputFormat.JsonSchema s -> JSON_SCHEMA;
        };
    }

    /** The schema text for a JSON-Schema format, else null. */
    static String schema(OutputFormat format) {
        return format instanceof OutputFormat.JsonSchema s ? write(s.schema()) : null;
    }

    static OutputFormat format(String id, String schema) {
        return switch (id) {
            case PLAIN -> OutputFormat.PLAIN;
            case JSON -> OutputFormat.JSON;
            case JSON_SCHEMA -> new OutputFormat.JsonSchema(read(schema));
            default -> throw new IllegalStateException("unknown stored output format '" + id + "'");
        };
    }

    /** The content as it reads back from the database: equal content then always compares equal. */
    static PromptContent roundTrip(PromptContent content) {
        return new PromptContent(content.template(), content.system(), options(options(content.options())),
                format(formatId(content.format()), schema(content.format())), content.defaultModel(),
                tools(tools(content.tools())));
    }

    static String tools(List<ToolDefinition> tools) {
        return ToolDefinitionsJson.compact(tools);
    }

    static List<ToolDefinition> tools(String json) {
        return ToolDefinitionsJson.readKept(json);
    }

    /** The calls a run's model made, as [{id, name, arguments}] with the arguments as the model wrote them. */
    static String toolCalls(List<ToolCall> calls) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ToolCall call : calls) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", call.id());
            row.put("name", call.name());
            row.put("arguments", call.argumentsJson());
            rows.add(row);
        }
        return write(rows);
    }

    static List<ToolCall> toolCalls(String json) {
        List<ToolCall> calls = new ArrayList<>();
        read(json).forEach(row -> calls.add(new ToolCall(row.path("id").asText(), row.path("name").asText(),
                row.path("arguments").asText())));
        return List.copyOf(calls);
    }

    static String variables(Map<String, String> variables) {
        return write(variables);
    }

    static Map<String, String> variables(String json) {
        JsonNode node = read(json);
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(values);
    }

    /** Compact JSON for a schema or option value shown in a diff. */
    static String compact(Object value) {
        return write(value);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write as JSON: " + value, e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
