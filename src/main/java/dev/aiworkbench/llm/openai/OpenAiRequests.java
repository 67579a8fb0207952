package dev.aiworkbench.llm.openai;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.FunctionTools;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolCall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The request bodies of the Chat Completions and Embeddings APIs. */
final class OpenAiRequests {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The name a JSON schema goes by in {@code response_format}; OpenAI requires one. */
    static final String SCHEMA_NAME = "answer";

    private OpenAiRequests() {
    }

    /**
     * A chat completion. A completion of a single prompt is sent as a chat (the legacy /completions API is gone from
     * OpenAI and optional elsewhere): the system prompt, then the prompt as the user's message. {@code num_ctx} is not
     * sent: these servers fix the context when they load the model.
     *
     * @param openAiItself api.openai.com: {@code max_completion_tokens} and no {@code top_k}; any other server gets
     *                     {@code max_tokens} and {@code top_k}, which vLLM, llama.cpp and LM Studio read
     */
    static byte[] chatBody(GenerationRequest request, boolean stream, boolean openAiItself) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator body = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            body.writeStartObject();
            body.writeStringField("model", request.model());
            body.writeArrayFieldStart("messages");
            for (ChatMessage message : messages(request)) {
                message(body, message);
            }
            body.writeEndArray();
            FunctionTools.write(body, request.tools());
            body.writeBooleanField("stream", stream);
            if (stream) {
                body.writeObjectFieldStart("stream_options");
                body.writeBooleanField("include_usage", true);
                body.writeEndObject();
            }
            options(body, request.options(), openAiItself);
            format(body, request.format());
            body.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A turn. An assistant's that called tools has {@code tool_calls} with the arguments as text, and null content
     * when it said nothing else; a tool's result quotes the call's id.
     */
    private static void message(JsonGenerator body, ChatMessage message) throws IOException {
        body.writeStartObject();
        body.writeStringField("role", message.role().wireName());
        if (message.role() == ChatMessage.Role.TOOL) {
            body.writeStringField("tool_call_id", message.toolCallId());
        }
        if (message.hasToolCalls() && message.content().isEmpty()) {
            body.writeNullField("content");
        } else {
            body.writeStringField("content", message.content());
        }
        if (message.hasToolCalls()) {
            body.writeArrayFieldStart("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                body.writeStartObject();
                body.writeStringField("id", call.id());
                body.writeStringField("type", "function");
                body.writeObjectFieldStart("function");
                body.writeStringField("name", call.name());
                body.writeStringField("arguments", call.argumentsJson());
                body.writeEndObject();
                body.writeEndObject();
            }
            body.writeEndArray();
        }
        body.writeEndObject();
    }

    private static List<ChatMessage> messages(GenerationRequest request) {
        if (request.mode() == GenerationRequest.Mode.CHAT) {
            return request.wireMessages();
        }
        ChatMessage prompt = ChatMessage.user(request.prompt() == null ? "" : request.prompt());
        return request.system() == null || request.system().isBlank() ? List.of(prompt)
                : List.of(new ChatMessage(ChatMessage.Role.SYSTEM, request.system()), prompt);
    }

    private static void options(JsonGenerator body, ModelOptions options, boolean openAiItself) throws IOException {
        if (options.temperature() != null) {
            body.writeNumberField("temperature", options.temperature());
        }
        if (options.topP() != null) {
            body.writeNumberField("top_p", options.topP());
        }
        if (options.topK() != null && !openAiItself) {
            body.writeNumberField("top_k", options.topK());
        }
        if (options.seed() != null) {
            body.writeNumberField("seed", options.seed());
        }
        // Ollama's -1 (no limit) and -2 (fill the context) have no counterpart: the server's default applies.
        if (options.numPredict() != null && options.numPredict() > 0) {
            body.writeNumberField(openAiItself ? "max_completion_tokens" : "max_tokens", options.numPredict());
        }
        if (!options.stop().isEmpty()) {
            body.writeArrayFieldStart("stop");
            for (String stop : options.stop()) {
                body.writeString(stop);
            }
            body.writeEndArray();
        }
    }

    private static void format(JsonGenerator body, OutputFormat format) throws IOException {
        switch (format) {
            case OutputFormat.Json json -> {
                body.writeObjectFieldStart("response_format");
                body.writeStringField("type", "json_object");
                body.writeEndObject();
            }
            case OutputFormat.JsonSchema schema -> {
                body.writeObjectFieldStart("response_format");
                body.writeStringField("type", "json_schema");
                body.writeObjectFieldStart("json_schema");
                body.writeStringField("name", SCHEMA_NAME);
                body.writeFieldName("schema");
                body.writeTree(schema.schema());
                body.writeEndObject();
                body.writeEndObject();
            }
            case OutputFormat.Plain plain -> {
                // no response_format: free text
            }
        }
    }

    /** Vectors as floats: OpenAI's SDKs ask for base64 by default, which other servers may not support. */
    static byte[] embeddingsBody(String model, List<String> inputs) {
        var body = JSON.createObjectNode().put("model", model).put("encoding_format", "float");
        var input = body.putArray("input");
        inputs.forEach(input::add);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
    }
}
