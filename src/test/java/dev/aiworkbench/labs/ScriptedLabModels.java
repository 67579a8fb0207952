package dev.aiworkbench.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The models the default labs use, installed on a {@link FakeOllama} with scripted answers that meet the
 * contract the labs' code relies on, never the quality a check measures:
 * <ul>
 *   <li>a request with a JSON Schema in {@code format} gets the smallest object that matches it (required
 *       properties, the first enum value, strings within their length limits), as Ollama's constrained
 *       decoding guarantees;</li>
 *   <li>{@code format: json} gets a small JSON object;</li>
 *   <li>"What is the capital of France?" gets "Paris." (structured-output's first call);</li>
 *   <li>anything else gets one plain sentence.</li>
 * </ul>
 * Token counters come from the fake, as Ollama sends them. Tool calls are not scripted: the fake does not speak them.
 */
final class ScriptedLabModels {
    static final List<String> CHAT_MODELS = List.of("qwen2.5:0.5b", "qwen2.5:1.5b");
    static final List<String> EMBEDDING_MODELS = List.of("all-minilm");
    static final String PLAIN = "A short scripted answer from the test model.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedLabModels() {
    }

    static void install(FakeOllama fake) {
        for (String model : CHAT_MODELS) {
            fake.model(model).family("qwen2").parameterSize(model.endsWith("1.5b") ? "1.5B" : "494M")
                    .answerWith(ScriptedLabModels::answer);
        }
        for (String model : EMBEDDING_MODELS) {
            fake.embeddingModel(model);
        }
    }

    static List<String> answer(FakeOllamaRequest request) {
        JsonNode body = request.json();
        JsonNode format = body.path("format");
        if (format.isObject()) {
            return chunks(instance(format, format).toString());
        }
        if (format.isTextual() && format.asText().equals("json")) {
            return chunks("{\"answer\": \"" + PLAIN + "\"}");
        }
        String text = lastText(body).toLowerCase(Locale.ROOT);
        if (text.contains("capital of france")) {
            return List.of("Paris", ".");
        }
        return chunks(PLAIN);
    }

    private static String lastText(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (messages.isArray() && !messages.isEmpty()) {
            return messages.get(messages.size() - 1).path("content").asText("");
        }
        return body.path("prompt").asText("");
    }

    /** The smallest value that matches a JSON Schema (the subset Pydantic 1.10 and 2.x emit for the labs' models). */
    static JsonNode instance(JsonNode schema, JsonNode root) {
        if (schema.has("$ref")) {
            return instance(resolve(schema.path("$ref").asText(), root), root);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return instance(schema.path(combinator).get(0), root);
            }
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                JsonNode properties = schema.path("properties");
                List<String> wanted = new ArrayList<>();
                schema.path("required").forEach(name -> wanted.add(name.asText()));
                if (wanted.isEmpty()) {
                    properties.fieldNames().forEachRemaining(wanted::add);
                }
                for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (wanted.contains(name)) {
                        object.set(name, instance(properties.get(name), root));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(instance(schema.path("items"), root));
                }
                return array;
            }
            case "integer" -> {
                return JSON.getNodeFactory().numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            }
            case "number" -> {
                return JSON.getNodeFactory().numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(true);
            }
            case "null" -> {
                return JSON.getNodeFactory().nullNode();
            }
            default -> {
                String text = "checkout-api: customers see errors at checkout";
                int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                if (text.length() > max) {
                    text = text.substring(0, max);
                }
                return JSON.getNodeFactory().textNode(text);
            }
        }
    }

    private static JsonNode resolve(String ref, JsonNode root) {
        if (!ref.startsWith("#/")) {
            return JSON.createObjectNode();
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    /** The text as a few streamed chunks, the way a model sends it. */
    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < text.length(); start += 12) {
            chunks.add(text.substring(start, Math.min(text.length(), start + 12)));
        }
        return chunks;
    }
}
