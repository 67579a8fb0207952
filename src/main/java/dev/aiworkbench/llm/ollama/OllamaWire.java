package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.Usage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Ollama's JSON, both ways: request bodies and the fields of answer lines. */
final class OllamaWire {
    static final ObjectMapper JSON = new ObjectMapper();

    private OllamaWire() {
    }

    static String path(GenerationRequest.Mode mode) {
        return mode == GenerationRequest.Mode.CHAT ? "/api/chat" : "/api/generate";
    }

    /** The body of a chat or generate call; {@code stop} is an array, as the server requires. */
    static String generationBody(GenerationRequest request, boolean stream) {
        // Written straight to text, without a tree in between: an eval run builds one body per case.
        StringWriter text = new StringWriter(256);
        try (JsonGenerator body = JSON.getFactory().createGenerator(text)) {
            body.writeStartObject();
            body.writeStringField("model", request.model());
            if (request.mode() == GenerationRequest.Mode.CHAT) {
                body.writeArrayFieldStart("messages");
                for (ChatMessage message : request.wireMessages()) {
                    body.writeStartObject();
                    body.writeStringField("role", message.role().wireName());
                    body.writeStringField("content", message.content());
                    body.writeEndObject();
                }
                body.writeEndArray();
            } else {
                body.writeStringField("prompt", request.prompt() == null ? "" : request.prompt());
                if (request.system() != null && !request.system().isBlank()) {
                    body.writeStringField("system", request.system());
                }
            }
            body.writeBooleanField("stream", stream);
            Map<String, Object> options = request.options().toWire();
            if (!options.isEmpty()) {
                body.writeFieldName("options");
                body.writeObject(options);
            }
            switch (request.format()) {
                case OutputFormat.Json json -> body.writeStringField("format", "json");
                case OutputFormat.JsonSchema schema -> {
                    body.writeFieldName("format");
                    body.writeTree(schema.schema());
                }
                case OutputFormat.Plain plain -> {
                    // no format: free text
                }
            }
            body.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
        return text.toString();
    }

    static String modelBody(String model, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        if (stream) {
            body.put("stream", true);
        }
        return body.toString();
    }

    static String embedBody(String model, List<String> inputs) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        return body.toString();
    }

    static String answerDelta(GenerationRequest.Mode mode, JsonNode line) {
        JsonNode text = mode == GenerationRequest.Mode.CHAT ? line.path("message").path("content") : line.path("response");
        return text.isTextual() ? text.asText() : "";
    }

    static String thinkingDelta(GenerationRequest.Mode mode, JsonNode line) {
        JsonNode text = mode == GenerationRequest.Mode.CHAT ? line.path("message").path("thinking") : line.path("thinking");
        return text.isTextual() ? text.asText() : "";
    }

    /** The counts of a final line; Ollama leaves out a count it does not have, which stays unknown. */
    static Usage usage(JsonNode line) {
        return new Usage(integer(line, "prompt_eval_count"), integer(line, "eval_count"), longValue(line, "total_duration"),
                longValue(line, "load_duration"), longValue(line, "prompt_eval_duration"), longValue(line, "eval_duration"));
    }

    static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    private static OptionalLong longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
