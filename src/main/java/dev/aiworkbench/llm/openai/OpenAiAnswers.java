package dev.aiworkbench.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.Usage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads what an OpenAI-compatible server answers: stream chunks, whole answers, model lists, embeddings, errors. */
final class OpenAiAnswers {
    private OpenAiAnswers() {
    }

    /**
     * What the gateway uses of a {@code chat.completion.chunk}, or of a whole {@code chat.completion}: the first
     * choice's piece of text and of reasoning ({@code reasoning_content}, as vLLM and DeepSeek send it), why it ended,
     * the model, the usage when the chunk carries it, the pieces of tool calls, and the error of an event that is
     * one. A whole answer's tool calls come as one piece each, with all their arguments.
     */
    record Piece(String text, String reasoning, String finishReason, String model, Optional<Usage> usage,
                 ServerError error, List<ToolCallDelta> toolCalls) {
    }

    /** The {@code error} of a body or event: OpenAI's nested object, vLLM's top-level fields, or any text. */
    record ServerError(String message, String type, String code) {
        /** The message with the code, e.g. "Rate limit reached … (rate_limit_exceeded)". */
        String text() {
            return code == null || code.isBlank() || message.contains(code) ? message : message + " (" + code + ")";
        }
    }

    /** One streamed chunk: the text is in {@code delta}. */
    static Piece chunk(String data) throws IOException {
        return piece(OpenAiRequests.JSON.readTree(data), "delta");
    }

    /** A whole answer: the text is in {@code message}. */
    static Piece completion(String body) throws IOException {
        return piece(OpenAiRequests.JSON.readTree(body), "message");
    }

    private static Piece piece(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node.has("error") || "error".equals(node.path("object").asText())) {
            return new Piece("", "", null, null, Optional.empty(), error(node), List.of());
        }
        JsonNode choice = node.path("choices").path(0);
        JsonNode content = choice.path(field);
        String finish = choice.path("finish_reason").isTextual() ? choice.get("finish_reason").asText() : null;
        String model = node.path("model").isTextual() ? node.get("model").asText() : null;
        return new Piece(content.path("content").asText(""), content.path("reasoning_content").asText(""), finish,
                model, usage(node.get("usage")), null, toolCalls(content.path("tool_calls")));
    }

    /**
     * {@code tool_calls}: in a chunk {@code [{index, id?, type?, function: {name?, arguments}}]} with the id and name
     * on a call's first piece only; in a whole answer every call complete, in order. Arguments are text either way.
     */
    private static List<ToolCallDelta> toolCalls(JsonNode calls) {
        if (!calls.isArray() || calls.isEmpty()) {
            return List.of();
        }
        List<ToolCallDelta> pieces = new ArrayList<>();
        int position = 0;
        for (JsonNode call : calls) {
            int index = call.path("index").canConvertToInt() ? call.get("index").asInt() : position;
            JsonNode function = call.path("function");
            JsonNode arguments = function.get("arguments");
            pieces.add(new ToolCallDelta(index, text(call.get("id")), text(function.get("name")),
                    arguments == null || arguments.isNull() ? "" : arguments.isTextual() ? arguments.asText()
                            : arguments.toString()));
            position++;
        }
        return List.copyOf(pieces);
    }

    /** The server's counts; a count it leaves out is unknown, never zero. */
    private static Optional<Usage> usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(count(usage, "prompt_tokens"), count(usage, "completion_tokens"),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()));
    }

    private static OptionalInt count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    /** {@code GET /models}: ids only, so the fields Ollama fills (family, size, digest) are empty here. */
    static List<LocalModel> models(String body) throws IOException {
        List<LocalModel> models = new ArrayList<>();
        for (JsonNode model : OpenAiRequests.JSON.readTree(body).path("data")) {
            if (!model.path("id").isTextual()) {
                continue;
            }
            Optional<Instant> created = model.path("created").canConvertToLong()
                    ? Optional.of(Instant.ofEpochSecond(model.get("created").asLong())) : Optional.empty();
            models.add(new LocalModel(model.get("id").asText(), Optional.empty(), Optional.empty(), Optional.empty(),
                    0, "", created));
        }
        models.sort(Comparator.comparing(LocalModel::name));
        return List.copyOf(models);
    }

    /** {@code POST /embeddings}: the vectors put back in input order by their {@code index}. */
    static Embeddings embeddings(String body, String model, int inputs) throws IOException {
        JsonNode node = OpenAiRequests.JSON.readTree(body);
        float[][] vectors = new float[inputs][];
        int next = 0;
        for (JsonNode item : node.path("data")) {
            int index = item.path("index").canConvertToInt() ? item.get("index").asInt() : next;
            if (index < 0 || index >= inputs) {
                throw new IOException("an embedding for input " + index + " of " + inputs);
            }
            JsonNode embedding = item.path("embedding");
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            vectors[index] = vector;
            next++;
        }
        for (int i = 0; i < inputs; i++) {
            if (vectors[i] == null) {
                throw new IOException("no embedding for input " + i);
            }
        }
        return new Embeddings(node.path("model").asText(model), List.of(vectors),
                count(node.path("usage"), "prompt_tokens"));
    }

    /** The error a body carries, in whichever shape the server wrote it; the raw body when it is not JSON. */
    static ServerError error(String body) {
        if (body == null || body.isBlank()) {
            return new ServerError("no details", null, null);
        }
        try {
            JsonNode node = OpenAiRequests.JSON.readTree(body);
            if (node != null && node.isObject()) {
                return error(node);
            }
        } catch (IOException ignored) {
            // not JSON (a proxy's HTML page, "404 page not found"): the text itself is the best account there is
        }
        String text = body.strip();
        return new ServerError(text.length() > 300 ? text.substring(0, 300) + "…" : text, null, null);
    }

    private static ServerError error(JsonNode node) {
        JsonNode error = node.path("error");
        if (error.isTextual()) {
            return new ServerError(error.asText(), null, null);
        }
        // OpenAI and llama.cpp nest it under "error"; vLLM writes {"object": "error", "message", "type", "code"};
        // FastAPI servers write {"detail": ...}
        JsonNode fields = error.isObject() ? error : node;
        String message = fields.path("message").isTextual() ? fields.get("message").asText()
                : node.has("detail") ? node.get("detail").toString().replaceAll("^\"|\"$", "") : node.toString();
        return new ServerError(message, text(fields.get("type")), text(fields.get("code")));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
