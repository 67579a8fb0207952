package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.FunctionTools;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolArguments;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallAssembler;
import dev.aiworkbench.llm.Usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
                    message(body, message);
                }
                body.writeEndArray();
                FunctionTools.write(body, request.tools());
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

    /** A turn; an assistant's carries its tool calls (arguments as objects), a tool's names the tool it answers. */
    private static void message(JsonGenerator body, ChatMessage message) throws IOException {
        body.writeStartObject();
        body.writeStringField("role", message.role().wireName());
        body.writeStringField("content", message.content());
        if (message.hasToolCalls()) {
            body.writeArrayFieldStart("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                body.writeStartObject();
                body.writeObjectFieldStart("function");
                body.writeStringField("name", call.name());
                body.writeFieldName("arguments");
                body.writeTree(ToolArguments.object(call.argumentsJson()));
                body.writeEndObject();
                body.writeEndObject();
            }
            body.writeEndArray();
        }
        if (message.role() == ChatMessage.Role.TOOL) {
            body.writeStringField("tool_name", message.toolName());
        }
        body.writeEndObject();
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

    /**
     * What the gateway uses of one answer line, or of a whole answer that was not streamed: the piece of
     * text and of thinking (from {@code message} in a chat, the top level in a completion), whether it is
     * the last, and the server's counts and error. Null where the line leaves a field out.
     */
    record AnswerLine(String text, String thinking, boolean done, String doneReason, String model, Usage usage,
                      String error, List<WireCall> toolCalls) {
        AnswerLine {
            toolCalls = toolCalls == null ? List.of() : toolCalls;
        }

        /** The piece of answer text; empty when the line has none. */
        String textPiece() {
            return text == null ? "" : text;
        }

        /** The piece of thinking; empty when the line has none. */
        String thinkingPiece() {
            return thinking == null ? "" : thinking;
        }

        /** Why the answer ended; Ollama leaves it out when the model simply stopped. */
        String endReason() {
            return doneReason == null ? "stop" : doneReason;
        }

        /** The model that answered, or the one asked for when the line does not say. */
        String modelOr(String asked) {
            return model == null ? asked : model;
        }
    }

    /**
     * One tool call as Ollama sends it: whole, with its arguments as an object (kept here as their JSON text).
     *
     * @param id the call's id when the server gives one (newer servers do); null otherwise
     */
    record WireCall(String id, String name, String argumentsJson) {
        /** The call, with its id or, when the server gave none, its place in the answer. */
        ToolCall numbered(int index) {
            return new ToolCall(id == null || id.isBlank() ? ToolCallAssembler.numbered(index) : id, name, argumentsJson);
        }
    }

    /**
     * Reads an answer line field by field, keeping only what {@link AnswerLine} holds. An eval run reads
     * a line per token for every case, so this skips the tree {@code readTree} would build and drop.
     */
    static AnswerLine answerLine(GenerationRequest.Mode mode, String json) throws IOException {
        boolean chat = mode == GenerationRequest.Mode.CHAT;
        String text = null;
        String thinking = null;
        boolean done = false;
        String doneReason = null;
        String model = null;
        String error = null;
        List<WireCall> calls = null;
        OptionalInt promptTokens = OptionalInt.empty();
        OptionalInt outputTokens = OptionalInt.empty();
        OptionalLong total = OptionalLong.empty();
        OptionalLong load = OptionalLong.empty();
        OptionalLong promptEval = OptionalLong.empty();
        OptionalLong eval = OptionalLong.empty();
        try (JsonParser line = JSON.getFactory().createParser(json)) {
            if (line.nextToken() == JsonToken.START_OBJECT) {
                while (line.nextToken() == JsonToken.FIELD_NAME) {
                    String field = line.currentName();
                    JsonToken value = line.nextToken();
                    switch (field) {
                        case "message" -> {
                            if (chat && value == JsonToken.START_OBJECT) {
                                while (line.nextToken() == JsonToken.FIELD_NAME) {
                                    String inner = line.currentName();
                                    JsonToken innerValue = line.nextToken();
                                    if (inner.equals("content")) {
                                        text = string(line, innerValue);
                                    } else if (inner.equals("thinking")) {
                                        thinking = string(line, innerValue);
                                    } else if (inner.equals("tool_calls")) {
                                        calls = toolCalls(JSON.readTree(line));
                                    } else {
                                        line.skipChildren();
                                    }
                                }
                            } else {
                                line.skipChildren();
                            }
                        }
                        case "response" -> {
                            if (chat) {
                                line.skipChildren();
                            } else {
                                text = string(line, value);
                            }
                        }
                        case "thinking" -> {
                            if (chat) {
                                line.skipChildren();
                            } else {
                                thinking = string(line, value);
                            }
                        }
                        case "done" -> done = value == JsonToken.VALUE_TRUE;
                        case "done_reason" -> doneReason = string(line, value);
                        case "model" -> model = string(line, value);
                        case "error" -> error = errorText(line, value);
                        case "prompt_eval_count" -> promptTokens = value.isNumeric()
                                ? OptionalInt.of(line.getNumberValue().intValue()) : OptionalInt.empty();
                        case "eval_count" -> outputTokens = value.isNumeric()
                                ? OptionalInt.of(line.getNumberValue().intValue()) : OptionalInt.empty();
                        case "total_duration" -> total = nanos(line, value);
                        case "load_duration" -> load = nanos(line, value);
                        case "prompt_eval_duration" -> promptEval = nanos(line, value);
                        case "eval_duration" -> eval = nanos(line, value);
                        default -> line.skipChildren();
                    }
                }
            }
        }
        return new AnswerLine(text, thinking, done, doneReason, model,
                new Usage(promptTokens, outputTokens, total, load, promptEval, eval), error, calls);
    }

    /** {@code message.tool_calls}: {@code [{id?, function: {index?, name, arguments}}]}; calls with no name are dropped. */
    private static List<WireCall> toolCalls(JsonNode calls) {
        List<WireCall> read = new ArrayList<>();
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                JsonNode function = call.path("function");
                String name = function.path("name").asText("");
                if (!name.isBlank()) {
                    read.add(new WireCall(call.path("id").asText(null), name,
                            ToolArguments.text(function.get("arguments"))));
                }
            }
        }
        return List.copyOf(read);
    }

    private static String string(JsonParser line, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return line.getText();
        }
        line.skipChildren();
        return null;
    }

    /** Ollama's error is a string; anything else but null still means the call failed. */
    private static String errorText(JsonParser line, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return line.getText();
        }
        line.skipChildren();
        return "";
    }

    private static OptionalLong nanos(JsonParser line, JsonToken value) throws IOException {
        return value.isNumeric() ? OptionalLong.of(line.getNumberValue().longValue()) : OptionalLong.empty();
    }

    static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }
}
