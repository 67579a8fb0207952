package dev.aiworkbench.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An OpenAI-compatible server for tests: real HTTP/1.1 on 127.0.0.1 (ephemeral port, base URL
 * {@code http://127.0.0.1:<port>/v1}), speaking the Chat Completions wire format as api.openai.com documents it:
 * Server-Sent Events of {@code chat.completion.chunk} objects (a first chunk with the role, one per piece of
 * {@code delta.content}, one with {@code finish_reason}, the usage chunk with empty {@code choices} when the request
 * asked for {@code stream_options.include_usage}, then {@code data: [DONE]}), {@code chat.completion} objects when not
 * streamed, {@code /v1/models}, {@code /v1/embeddings}, and {@code {"error": {"message", "type", "param", "code"}}}
 * bodies with OpenAI's status codes. The HTTP plumbing is {@link FakeOllamaHttp}'s, so the fake sees a client hang up
 * at once; recorded requests are {@link FakeOllamaRequest}s.
 *
 * <pre>{@code
 * try (FakeOpenAi fake = FakeOpenAi.start()) {
 *     fake.answer("gpt-4o-mini", "Hel", "lo");
 *     fake.requireKey("sk-test-123");
 *     ... point the code under test at fake.baseUri() ...
 * }
 * }</pre>
 */
public final class FakeOpenAi implements AutoCloseable {
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EMBEDDING_DIMENSIONS = 8;

    private final ServerSocket server;
    private final URI baseUri;
    private final Thread acceptor;
    private final Set<FakeOllamaHttp.Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    // the script; guarded by this
    private final Map<String, List<String>> models = new LinkedHashMap<>();
    private final Map<String, Function<FakeOllamaRequest, List<FakeToolCall>>> toolCallers = new HashMap<>();
    private final Deque<FakeOpenAiFailure> failures = new ArrayDeque<>();
    private String requiredKey;
    private Duration tokenDelay = Duration.ZERO;
    private Duration firstTokenDelay = Duration.ZERO;
    private int dropAfter = -1;
    private int errorAfter = -1;
    private String errorMessage;
    private boolean endless;
    private boolean usageIgnored;
    private String finishReason = "stop";

    // what happened; guarded by this
    private final List<FakeOllamaRequest> requests = new ArrayList<>();
    private final List<FakeOllamaDisconnect> disconnects = new ArrayList<>();

    private FakeOpenAi() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseUri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
        acceptor = new Thread(this::acceptLoop, "fake-openai-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeOpenAi start() {
        return new FakeOpenAi();
    }

    /** {@code http://127.0.0.1:<port>/v1}, as OPENAI_BASE_URL would be written. */
    public URI baseUri() {
        return baseUri;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the script

    /** Serves the model with this answer, one {@code delta.content} per element. */
    public synchronized FakeOpenAi answer(String model, String... pieces) {
        models.put(model, List.of(pieces));
        return this;
    }

    /**
     * The model (served with {@link #answer}) also calls these tools on every request, after its text: streamed as
     * {@code delta.tool_calls} (id, type and name first, then the arguments in fragments), finish reason
     * {@code tool_calls}.
     */
    public FakeOpenAi toolCalls(String model, FakeToolCall... calls) {
        List<FakeToolCall> copy = List.of(calls);
        return toolCallsWith(model, request -> copy);
    }

    /** Tool calls computed from each request, e.g. none once the results came back. */
    public synchronized FakeOpenAi toolCallsWith(String model, Function<FakeOllamaRequest, List<FakeToolCall>> caller) {
        toolCallers.put(model, Objects.requireNonNull(caller));
        return this;
    }

    /** Answers 401 as OpenAI does unless the request carries {@code Authorization: Bearer <key>}. */
    public synchronized FakeOpenAi requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** Answers the next chat, embeddings or models request with this error instead (queued in order). */
    public synchronized FakeOpenAi failNext(FakeOpenAiFailure failure) {
        failures.add(Objects.requireNonNull(failure));
        return this;
    }

    /** Pause before each content chunk after the first. */
    public synchronized FakeOpenAi tokenDelay(Duration delay) {
        this.tokenDelay = delay;
        return this;
    }

    /** Pause before the first chunk; the stream's headers are held back with it. */
    public synchronized FakeOpenAi firstTokenDelay(Duration delay) {
        this.firstTokenDelay = delay;
        return this;
    }

    /** Closes the socket after this many content chunks, without finish_reason, usage or [DONE]. */
    public synchronized FakeOpenAi dropConnectionAfter(int pieces) {
        this.dropAfter = pieces;
        return this;
    }

    /** After this many content chunks, sends an event {@code {"error": {...}}} and ends the stream, as OpenAI does. */
    public synchronized FakeOpenAi midStreamError(int afterPieces, String message) {
        this.errorAfter = afterPieces;
        this.errorMessage = message;
        return this;
    }

    /** Streams the answer over and over until the client goes away (at least 10 ms apart). */
    public synchronized FakeOpenAi endlessStream() {
        this.endless = true;
        return this;
    }

    /** Acts as a server that knows no {@code stream_options}: never sends the usage chunk. */
    public synchronized FakeOpenAi ignoreIncludeUsage() {
        this.usageIgnored = true;
        return this;
    }

    public synchronized FakeOpenAi finishReason(String reason) {
        this.finishReason = reason;
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------
    // what happened

    public synchronized List<FakeOllamaRequest> requests() {
        return List.copyOf(requests);
    }

    /** The latest request to the path (e.g. "/v1/chat/completions"); fails when there was none. */
    public synchronized FakeOllamaRequest lastRequest(String path) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).path().equals(path)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no request to " + path + " among " + requests);
    }

    public synchronized FakeOpenAi clearRequests() {
        requests.clear();
        disconnects.clear();
        return this;
    }

    /** Waits until a client has closed its connection before its answer was complete; false on timeout. */
    public synchronized boolean awaitClientDisconnect(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (disconnects.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, Duration.ofNanos(left).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The client hang-ups seen before an answer was complete, in order. */
    public synchronized List<FakeOllamaDisconnect> disconnects() {
        return List.copyOf(disconnects);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (FakeOllamaHttp.Connection connection : List.copyOf(connections)) {
            connection.close();
        }
        try {
            acceptor.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // =========================================================================================================
    // server

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                FakeOllamaHttp.Connection connection =
                        new FakeOllamaHttp.Connection(socket, this::handle, Instant::now, connections::remove);
                connections.add(connection);
                Thread thread = new Thread(connection, "fake-openai-connection-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void handle(FakeOllamaHttp.Exchange ex) throws IOException {
        JsonNode json = null;
        if (ex.body.length > 0) {
            try {
                json = MAPPER.readTree(ex.body);
            } catch (IOException e) {
                json = null;
            }
        }
        FakeOllamaRequest request = new FakeOllamaRequest(ex.method, ex.path, ex.query, ex.headers, ex.body, json,
                Instant.now());
        FakeOpenAiFailure failure;
        String key;
        synchronized (this) {
            requests.add(request);
            notifyAll();
            key = requiredKey;
            failure = failures.poll();
        }
        if (key != null && !("Bearer " + key).equals(ex.header("Authorization"))) {
            unauthorized(ex, ex.header("Authorization"));
            return;
        }
        if (failure != null) {
            ex.respond(failure.status(), JSON, failure.headers(), failure.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String route = ex.method + " " + ex.path;
        switch (route) {
            case "GET /v1/models" -> ex.respond(200, JSON, bytes(modelList()));
            case "POST /v1/chat/completions" -> chat(ex, request);
            case "POST /v1/embeddings" -> embeddings(ex, json);
            default -> error(ex, 404, "invalid_request_error", null, "Invalid URL (" + route + ")");
        }
    }

    /** OpenAI's two 401s: no key at all, or a wrong one (shown masked, as OpenAI shows it). */
    private static void unauthorized(FakeOllamaHttp.Exchange ex, String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            error(ex, 401, "invalid_request_error", null, "You didn't provide an API key. You need to provide your"
                    + " API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY),"
                    + " or as the password field (with blank username) if you're accessing the API from your browser"
                    + " and are prompted for a username and password. You can obtain an API key from"
                    + " https://platform.openai.com/account/api-keys.");
            return;
        }
        String given = authorization.substring("Bearer ".length());
        String masked = given.length() > 8
                ? given.substring(0, 3) + "*".repeat(given.length() - 7) + given.substring(given.length() - 4)
                : given;
        error(ex, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + masked
                + ". You can find your API key at https://platform.openai.com/account/api-keys.");
    }

    private synchronized ObjectNode modelList() {
        ObjectNode list = MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : models.keySet()) {
            data.addObject().put("id", id).put("object", "model").put("created", 1_721_172_741L)
                    .put("owned_by", "system");
        }
        return list;
    }

    private void chat(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        JsonNode body = request.json();
        if (body == null || !body.path("model").isTextual() || !body.path("messages").isArray()) {
            error(ex, 400, "invalid_request_error", null, "We could not parse the JSON body of your request.");
            return;
        }
        String model = body.get("model").asText();
        List<String> pieces;
        Function<FakeOllamaRequest, List<FakeToolCall>> caller;
        synchronized (this) {
            pieces = models.get(model);
            caller = toolCallers.getOrDefault(model, r -> List.of());
        }
        if (pieces == null) {
            error(ex, 404, "invalid_request_error", "model_not_found", "The model `" + model
                    + "` does not exist or you do not have access to it.");
            return;
        }
        if ("json_object".equals(body.path("response_format").path("type").asText())
                && !body.path("messages").toString().toLowerCase(java.util.Locale.ROOT).contains("json")) {
            error(ex, 400, "invalid_request_error", null, "'messages' must contain the word 'json' in some form, to"
                    + " use 'response_format' of type 'json_object'.");
            return;
        }
        String badTurn = badToolTurn(body.path("messages"));
        if (badTurn != null) {
            error(ex, 400, "invalid_request_error", null, badTurn);
            return;
        }
        List<FakeToolCall> calls = List.copyOf(caller.apply(request));
        String finish = calls.isEmpty() ? finishReason() : "tool_calls";
        int promptTokens = Math.max(1, (body.path("messages").toString().length() + 3) / 4);
        if (body.path("stream").asBoolean(false)) {
            boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
            new FakeOpenAiStream(this, ex, model, pieces, calls, finish, promptTokens, usage).run();
        } else {
            ObjectNode completion = chunkHead("chat.completion", model);
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            if (pieces.isEmpty() && !calls.isEmpty()) {
                message.putNull("content");
            } else {
                message.put("content", String.join("", pieces));
            }
            message.putNull("refusal");
            if (!calls.isEmpty()) {
                ArrayNode toolCalls = message.putArray("tool_calls");
                for (FakeToolCall call : calls) {
                    toolCalls.addObject().put("id", toolCallId()).put("type", "function").putObject("function")
                            .put("name", call.name()).put("arguments", call.argumentsJson());
                }
            }
            choice.putNull("logprobs");
            choice.put("finish_reason", finish);
            completion.set("usage", usage(promptTokens, pieces.size()));
            ex.respond(200, JSON, bytes(completion));
        }
    }

    /**
     * OpenAI's 400s for tool turns that do not fit: arguments that are not a string, a tool result without the id of
     * a call made before it. Null when the turns are fine.
     */
    private static String badToolTurn(JsonNode messages) {
        Set<String> called = new HashSet<>();
        int i = 0;
        for (JsonNode message : messages) {
            for (JsonNode call : message.path("tool_calls")) {
                if (!call.path("function").path("arguments").isTextual()) {
                    return "Invalid type for 'messages[" + i + "].tool_calls[0].function.arguments': expected a"
                            + " string, but got an object instead.";
                }
                called.add(call.path("id").asText());
            }
            if (message.path("role").asText().equals("tool") && !called.contains(message.path("tool_call_id")
                    .asText())) {
                return "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with"
                        + " 'tool_calls'.";
            }
            i++;
        }
        return null;
    }

    /** An id in OpenAI's form, {@code call_} and 24 characters. */
    String toolCallId() {
        return "call_" + String.format("%024d", ids.incrementAndGet());
    }

    private void embeddings(FakeOllamaHttp.Exchange ex, JsonNode body) throws IOException {
        String model = body == null ? "" : body.path("model").asText();
        synchronized (this) {
            if (!models.containsKey(model)) {
                error(ex, 404, "invalid_request_error", "model_not_found", "The model `" + model
                        + "` does not exist or you do not have access to it.");
                return;
            }
        }
        List<String> inputs = new ArrayList<>();
        body.path("input").forEach(input -> inputs.add(input.asText()));
        if (body.path("input").isTextual()) {
            inputs.add(body.path("input").asText());
        }
        ObjectNode answer = MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = answer.putArray("data");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (float x : FakeOllama.embeddingFor(inputs.get(i), EMBEDDING_DIMENSIONS)) {
                vector.add(x);
            }
            tokens += Math.max(1, inputs.get(i).length() / 4);
        }
        answer.put("model", model);
        answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        ex.respond(200, JSON, bytes(answer));
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers the stream shares

    synchronized Duration tokenDelay() {
        return tokenDelay;
    }

    synchronized Duration firstTokenDelay() {
        return firstTokenDelay;
    }

    synchronized int dropAfter() {
        return dropAfter;
    }

    synchronized int errorAfter() {
        return errorAfter;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }

    synchronized boolean endless() {
        return endless;
    }

    synchronized boolean usageIgnored() {
        return usageIgnored;
    }

    synchronized String finishReason() {
        return finishReason;
    }

    boolean isClosed() {
        return closed;
    }

    /** The fields every chunk and completion starts with: id, object, created, model, system_fingerprint. */
    ObjectNode chunkHead(String object, String model) {
        return MAPPER.createObjectNode().put("id", "chatcmpl-fake" + ids.incrementAndGet()).put("object", object)
                .put("created", Instant.now().getEpochSecond()).put("model", model)
                .put("system_fingerprint", "fp_fake");
    }

    static ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode usage = MAPPER.createObjectNode().put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return usage;
    }

    /** The client left before the answer was complete: record it (unless the fake itself is stopping) and close. */
    void hangUp(FakeOllamaHttp.Exchange ex, int piecesSent) {
        if (!closed && !ex.aborted()) {
            synchronized (this) {
                disconnects.add(new FakeOllamaDisconnect(ex.method, ex.path, piecesSent, Instant.now()));
                notifyAll();
            }
        }
        ex.abort();
    }

    /** The fake itself cuts the connection mid-answer: the client sees the body end early. */
    void hangUpQuietly(FakeOllamaHttp.Exchange ex) {
        ex.abort();
    }

    static String errorBody(String message, String type, String param, String code) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        error.put("param", param);
        error.put("code", code);
        return compact(body);
    }

    private static void error(FakeOllamaHttp.Exchange ex, int status, String type, String code, String message)
            throws IOException {
        ex.respond(status, JSON, errorBody(message, type, null, code).getBytes(StandardCharsets.UTF_8));
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return compact(node).getBytes(StandardCharsets.UTF_8);
    }
}
