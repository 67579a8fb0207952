package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.Usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /** The body of a chat or generate call, as UTF-8; {@code stop} is an array, as the server requires. */
    static byte[] generationBody(GenerationRequest request, boolean stream) {
        // Written straight to UTF-8 bytes, with no tree or string in between: an eval run builds one body per case.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + textLength(request));
        try (JsonGenerator body = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
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
        return bytes.toByteArray();
    }

    /** Room for the texts the body carries (their UTF-8 may need more; the buffer then grows). */
    private static int textLength(GenerationRequest request) {
        int length = request.prompt() == null ? 0 : request.prompt().length();
        length += request.system() == null ? 0 : request.system().length();
        if (request.mode() == GenerationRequest.Mode.CHAT) {
            for (ChatMessage message : request.messages()) {
                length += message.content().length();
            }
        }
        return length;
    }

    static byte[] modelBody(String model, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        if (stream) {
            body.put("stream", true);
        }
        return bytes(body);
    }

    static byte[] embedBody(String model, List<String> inputs) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        return bytes(body);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
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
