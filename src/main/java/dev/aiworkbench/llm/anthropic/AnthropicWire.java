package dev.aiworkbench.llm.anthropic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolArguments;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallAssembler;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.llm.Usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;

/** The Messages API's JSON, both ways: request bodies, whole answers, model pages and error bodies. */
final class AnthropicWire {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The API version every request names; the shape of every body here is that version's. */
    static final String API_VERSION = "2023-06-01";
    /**
     * Anthropic has no JSON mode, so JSON output is asked for in the system prompt. Prefilling the answer with
     * "{" would be firmer, but newer models refuse a prefill, and it rules out arrays and thinking.
     */
    static final String JSON_INSTRUCTION = "Answer with one JSON value and nothing else: no prose before or after it,"
            + " no Markdown code fence.";

    private AnthropicWire() {
    }

    /**
     * The body of {@code POST /v1/messages}. The system prompt, and any system turns of the chat, go to the
     * top-level {@code system}; a completion's prompt is the one user turn. Of the options, {@code num_predict}
     * becomes {@code max_tokens} and {@code stop} {@code stop_sequences}; the API has no seed and no context size,
     * so those are not sent.
     */
    static byte[] messagesBody(GenerationRequest request, int defaultMaxTokens, boolean stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        ModelOptions options = request.options();
        try (JsonGenerator body = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            body.writeStartObject();
            body.writeStringField("model", request.model());
            body.writeNumberField("max_tokens", maxTokens(options, defaultMaxTokens));
            String system = systemPrompt(request);
            if (!system.isEmpty()) {
                body.writeStringField("system", system);
            }
            body.writeArrayFieldStart("messages");
            List<ChatMessage> turns = turns(request);
            for (int i = 0; i < turns.size(); i++) {
                ChatMessage message = turns.get(i);
                if (message.role() == ChatMessage.Role.TOOL) {
                    int end = i;
                    while (end < turns.size() && turns.get(end).role() == ChatMessage.Role.TOOL) {
                        end++;
                    }
                    toolResults(body, turns.subList(i, end));
                    i = end - 1;
                } else {
                    message(body, message);
                }
            }
            body.writeEndArray();
            tools(body, request.tools());
            if (options.temperature() != null) {
                body.writeNumberField("temperature", options.temperature());
            }
            if (options.topP() != null) {
                body.writeNumberField("top_p", options.topP());
            }
            if (options.topK() != null) {
                body.writeNumberField("top_k", options.topK());
            }
            if (!options.stop().isEmpty()) {
                body.writeArrayFieldStart("stop_sequences");
                for (String stop : options.stop()) {
                    body.writeString(stop);
                }
                body.writeEndArray();
            }
            body.writeBooleanField("stream", stream);
            body.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A user or assistant turn. An assistant's that called tools has content blocks: its text (when it said any),
     * then one {@code tool_use} block per call with the arguments as an object.
     */
    private static void message(JsonGenerator body, ChatMessage message) throws IOException {
        body.writeStartObject();
        body.writeStringField("role", message.role().wireName());
        if (!message.hasToolCalls()) {
            body.writeStringField("content", message.content());
        } else {
            body.writeArrayFieldStart("content");
            if (!message.content().isBlank()) {
                body.writeStartObject();
                body.writeStringField("type", "text");
                body.writeStringField("text", message.content());
                body.writeEndObject();
            }
            for (ToolCall call : message.toolCalls()) {
                body.writeStartObject();
                body.writeStringField("type", "tool_use");
                body.writeStringField("id", call.id());
                body.writeStringField("name", call.name());
                body.writeFieldName("input");
                body.writeTree(ToolArguments.object(call.argumentsJson()));
                body.writeEndObject();
            }
            body.writeEndArray();
        }
        body.writeEndObject();
    }

    /** Consecutive tool results go back as one user turn holding a {@code tool_result} block each, as the API asks. */
    private static void toolResults(JsonGenerator body, List<ChatMessage> results) throws IOException {
        body.writeStartObject();
        body.writeStringField("role", "user");
        body.writeArrayFieldStart("content");
        for (ChatMessage result : results) {
            body.writeStartObject();
            body.writeStringField("type", "tool_result");
            body.writeStringField("tool_use_id", result.toolCallId());
            body.writeStringField("content", result.content());
            body.writeEndObject();
        }
        body.writeEndArray();
        body.writeEndObject();
    }

    /** {@code tools}: {@code [{name, description, input_schema}]}, left out when none. */
    private static void tools(JsonGenerator body, List<ToolDefinition> tools) throws IOException {
        if (tools.isEmpty()) {
            return;
        }
        body.writeArrayFieldStart("tools");
        for (ToolDefinition tool : tools) {
            body.writeStartObject();
            body.writeStringField("name", tool.name());
            body.writeStringField("description", tool.description());
            body.writeFieldName("input_schema");
            body.writeTree(ToolArguments.schema(tool));
            body.writeEndObject();
        }
        body.writeEndArray();
    }

    /** {@code num_predict} when it names a number of tokens; Ollama's -1 and -2 (no limit) have no equivalent here. */
    static int maxTokens(ModelOptions options, int defaultMaxTokens) {
        Integer asked = options.numPredict();
        return asked != null && asked > 0 ? asked : defaultMaxTokens;
    }

    /** The request's system prompt, its chat's system turns and the JSON instruction, in that order. */
    static String systemPrompt(GenerationRequest request) {
        StringJoiner system = new StringJoiner("\n\n");
        if (request.system() != null && !request.system().isBlank()) {
            system.add(request.system());
        }
        for (ChatMessage message : request.messages()) {
            if (message.role() == ChatMessage.Role.SYSTEM && !message.content().isBlank()) {
                system.add(message.content());
            }
        }
        switch (request.format()) {
            case OutputFormat.Json json -> system.add(JSON_INSTRUCTION);
            case OutputFormat.JsonSchema schema -> system.add(JSON_INSTRUCTION
                    + " The value must match this JSON Schema:\n" + schema.schema().toString());
            case OutputFormat.Plain plain -> {
                // free text: nothing to ask
            }
        }
        return system.toString();
    }

    private static List<ChatMessage> turns(GenerationRequest request) {
        if (request.mode() == GenerationRequest.Mode.GENERATE) {
            return List.of(ChatMessage.user(request.prompt() == null ? "" : request.prompt()));
        }
        return request.messages().stream().filter(message -> message.role() != ChatMessage.Role.SYSTEM).toList();
    }

    /** A whole (non-streamed) answer. */
    record Answer(String text, String thinking, String model, String stopReason, Usage usage,
                  List<ToolCall> toolCalls) {
    }

    static Answer answer(String body) throws IOException {
        JsonNode message = JSON.readTree(body);
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "thinking" -> thinking.append(block.path("thinking").asText());
                case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(
                        ToolCallAssembler.numbered(calls.size())), block.path("name").asText(),
                        ToolArguments.text(block.get("input"))));
                default -> {
                    // signatures, citations and server tools' blocks carry no answer text
                }
            }
        }
        JsonNode usage = message.path("usage");
        return new Answer(text.toString(), thinking.toString(), message.path("model").asText(null),
                message.path("stop_reason").asText(null), usage(inputTokens(usage), integer(usage, "output_tokens")),
                calls);
    }

    /**
     * The prompt's tokens: those read fresh plus those written to or read from the prompt cache, which the API
     * counts apart from {@code input_tokens}. Empty when the server gave none of them.
     */
    static OptionalInt inputTokens(JsonNode usage) {
        OptionalInt fresh = integer(usage, "input_tokens");
        OptionalInt written = integer(usage, "cache_creation_input_tokens");
        OptionalInt read = integer(usage, "cache_read_input_tokens");
        if (fresh.isEmpty() && written.isEmpty() && read.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(fresh.orElse(0) + written.orElse(0) + read.orElse(0));
    }

    static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    /** The API gives token counts only; no durations. */
    static Usage usage(OptionalInt input, OptionalInt output) {
        return new Usage(input, output, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** One page of {@code GET /v1/models}. */
    record ModelPage(List<LocalModel> models, boolean hasMore, String lastId) {
    }

    static ModelPage modelPage(String body) throws IOException {
        JsonNode page = JSON.readTree(body);
        if (page == null || !page.path("data").isArray()) {
            throw new IOException("no \"data\" list of models");
        }
        List<LocalModel> models = new ArrayList<>();
        for (JsonNode model : page.path("data")) {
            models.add(new LocalModel(model.path("id").asText(), Optional.empty(), Optional.empty(), Optional.empty(),
                    0, "", instant(model.path("created_at").asText(null))));
        }
        return new ModelPage(List.copyOf(models), page.path("has_more").asBoolean(false),
                page.path("last_id").asText(null));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The API's error, from an error body or an {@code error} event: {@code {"type":"error","error":{"type",
     * "message"}}}. A body of another shape (a proxy's page) is its own message, with no type.
     */
    record ServerError(String type, String message) {
        static ServerError of(String body) {
            if (body == null || body.isBlank()) {
                return new ServerError(null, "no details");
            }
            try {
                JsonNode error = JSON.readTree(body).path("error");
                if (error.isObject()) {
                    return new ServerError(error.path("type").asText(null), error.path("message").asText("no details"));
                }
            } catch (IOException e) {
                // not JSON: the text itself is the best account there is
            }
            String text = body.strip();
            return new ServerError(null, text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
