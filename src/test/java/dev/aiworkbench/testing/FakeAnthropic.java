package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Anthropic's Messages API for tests: real HTTP/1.1 on 127.0.0.1 (ephemeral port), on the plumbing of
 * {@link FakeOllama}, answering as the API documents for version 2023-06-01: the key in {@code x-api-key} and the
 * {@code anthropic-version} header required, {@code model}, {@code max_tokens} and {@code messages} required, no
 * {@code system} role inside {@code messages}; a stream as Server-Sent Events (message_start with the input tokens,
 * content_block_start, ping, content_block_delta text_delta per token, content_block_stop, message_delta with the
 * stop reason and output tokens, message_stop), a mid-stream {@code error} event, error bodies
 * {@code {"type":"error","error":{"type","message"},"request_id"}} with their statuses and {@code retry-after}, and
 * {@code GET /v1/models} in pages ({@code limit}, {@code after_id}, {@code has_more}, {@code first_id},
 * {@code last_id}).
 *
 * <pre>{@code
 * try (FakeAnthropic fake = FakeAnthropic.start("sk-ant-test")) {
 *     fake.answer("claude-haiku-4-5", "Hel", "lo");
 *     ... new AnthropicGateway(AnthropicSettings.defaults(fake.baseUri()), () -> "sk-ant-test") ...
 * }
 * }</pre>
 */
public final class FakeAnthropic implements AutoCloseable {
    private static final String CREATED_AT = "2025-10-01T00:00:00Z";

    private final ServerSocket server;
    private final URI baseUri;
    private final String apiKey;
    private final Thread acceptor;
    private final Set<FakeOllamaHttp.Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    // the script; guarded by this
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final Map<String, Function<FakeOllamaRequest, List<FakeToolCall>>> toolCallers = new HashMap<>();
    private final List<FakeAnthropicFailure> failures = new ArrayList<>();
    private Integer inputTokens;
    private int maxPageSize = 1000;
    private Duration tokenDelay = Duration.ZERO;
    private Duration firstTokenDelay = Duration.ZERO;
    private int errorAfter = -1;
    private int errorStreams;
    private String errorType;
    private String errorMessage;
    private int dropAfter = -1;
    private boolean endless;

    // what happened; guarded by this, waiters use wait/notifyAll
    private final List<FakeOllamaRequest> requests = new ArrayList<>();
    private final List<FakeOllamaDisconnect> disconnects = new ArrayList<>();

    private FakeAnthropic(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey);
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseUri = URI.create("http://127.0.0.1:" + server.getLocalPort());
        acceptor = new Thread(this::acceptLoop, "fake-anthropic-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a fake with no models that accepts only this key. */
    public static FakeAnthropic start(String apiKey) {
        return new FakeAnthropic(apiKey);
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash: the base URL, as {@code ANTHROPIC_BASE_URL} would be. */
    public URI baseUri() {
        return baseUri;
    }

    // ---------------------------------------------------------------------------------------------------------
    // script

    /** Serves a model (listed by /v1/models) whose answer streams as one text_delta per token. */
    public synchronized FakeAnthropic answer(String model, String... tokens) {
        answers.put(model, List.of(tokens));
        return this;
    }

    /**
     * The model (served with {@link #answer}) also calls these tools on every request, after its text: a
     * {@code tool_use} block each, its input streamed as {@code input_json_delta} fragments, stop reason
     * {@code tool_use}.
     */
    public FakeAnthropic toolCalls(String model, FakeToolCall... calls) {
        List<FakeToolCall> copy = List.of(calls);
        return toolCallsWith(model, request -> copy);
    }

    /** Tool calls computed from each request, e.g. none once the results came back. */
    public synchronized FakeAnthropic toolCallsWith(String model,
                                                    Function<FakeOllamaRequest, List<FakeToolCall>> caller) {
        toolCallers.put(model, Objects.requireNonNull(caller));
        return this;
    }

    /** The input_tokens every answer reports (default: the request body's characters / 4, at least 1). */
    public synchronized FakeAnthropic inputTokens(int count) {
        this.inputTokens = count;
        return this;
    }

    /** The most models one page of /v1/models holds, whatever limit the client asks for (the API's is 1000). */
    public synchronized FakeAnthropic maxPageSize(int size) {
        this.maxPageSize = size;
        return this;
    }

    /** Pause before each text_delta after the first. */
    public synchronized FakeAnthropic tokenDelay(Duration delay) {
        this.tokenDelay = Objects.requireNonNull(delay);
        return this;
    }

    /** Pause before the answer's headers (a stream's) or the whole answer (a non-streamed one). */
    public synchronized FakeAnthropic firstTokenDelay(Duration delay) {
        this.firstTokenDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * The next {@code streams} streams send an {@code error} event after this many text deltas (0: right after
     * content_block_start and ping) and end, as the API does when it overloads mid-answer.
     */
    public synchronized FakeAnthropic midStreamError(int afterTokens, String type, String message, int streams) {
        this.errorAfter = afterTokens;
        this.errorType = Objects.requireNonNull(type);
        this.errorMessage = Objects.requireNonNull(message);
        this.errorStreams = streams;
        return this;
    }

    /** After this many text deltas, the socket closes with no message_stop and no chunked terminator. */
    public synchronized FakeAnthropic dropConnectionAfter(int tokens) {
        this.dropAfter = tokens;
        return this;
    }

    /** Streams the answer's tokens over and over (at least 10 ms apart) until the client goes away. */
    public synchronized FakeAnthropic endlessStream() {
        this.endless = true;
        return this;
    }

    /** Answers the next matching request with this status and error body; say how often on the result. */
    public synchronized FakeAnthropicFailure fail(int status, String type, String message) {
        FakeAnthropicFailure failure = new FakeAnthropicFailure(status, type, message);
        failures.add(failure);
        return failure;
    }

    public synchronized FakeAnthropic clearFaults() {
        failures.clear();
        errorAfter = -1;
        errorStreams = 0;
        dropAfter = -1;
        endless = false;
        tokenDelay = Duration.ZERO;
        firstTokenDelay = Duration.ZERO;
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------
    // what happened

    public synchronized List<FakeOllamaRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The last request to the path, or null. */
    public synchronized FakeOllamaRequest lastRequest(String path) {
        List<FakeOllamaRequest> matching = requests(path);
        return matching.isEmpty() ? null : matching.get(matching.size() - 1);
    }

    public synchronized FakeAnthropic clearRequests() {
        requests.clear();
        return this;
    }

    /** Streams the client closed before the fake had finished them. */
    public synchronized List<FakeOllamaDisconnect> disconnects() {
        return List.copyOf(disconnects);
    }

    /** Waits until the client has closed a stream early; false when the time passed first. */
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
                Thread thread = new Thread(connection, "fake-anthropic-connection-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private boolean isClosed() {
        return closed;
    }

    private void handle(FakeOllamaHttp.Exchange ex) throws IOException {
        JsonNode json = null;
        if (ex.body.length > 0) {
            try {
                json = FakeAnthropicWire.JSON.readTree(ex.body);
            } catch (IOException e) {
                json = null;
            }
        }
        FakeOllamaRequest request = new FakeOllamaRequest(ex.method, ex.path, ex.query, ex.headers, ex.body, json,
                Instant.now());
        synchronized (this) {
            requests.add(request);
            notifyAll();
        }
        String key = ex.header("x-api-key");
        if (key == null) {
            error(ex, 401, "authentication_error", "x-api-key header is required");
            return;
        }
        if (!key.equals(apiKey)) {
            error(ex, 401, "authentication_error", "invalid x-api-key");
            return;
        }
        if (ex.header("anthropic-version") == null) {
            error(ex, 400, "invalid_request_error", "anthropic-version: header is required");
            return;
        }
        FakeAnthropicFailure failure = takeFailure(ex.path);
        if (failure != null) {
            ex.respond(failure.status(), FakeAnthropicWire.APPLICATION_JSON, failure.headers(),
                    FakeAnthropicWire.errorBody(failure.type(), failure.message()));
            return;
        }
        if (ex.path.equals("/v1/models") && ex.method.equals("GET")) {
            models(ex);
        } else if (ex.path.equals("/v1/messages") && ex.method.equals("POST")) {
            messages(ex, request);
        } else {
            error(ex, 404, "not_found_error", "Not Found");
        }
    }

    private synchronized FakeAnthropicFailure takeFailure(String path) {
        for (Iterator<FakeAnthropicFailure> it = failures.iterator(); it.hasNext(); ) {
            FakeAnthropicFailure failure = it.next();
            if (failure.take(path)) {
                if (failure.remaining() == 0) {
                    it.remove();
                }
                return failure;
            }
        }
        return null;
    }

    private void models(FakeOllamaHttp.Exchange ex) throws IOException {
        Map<String, String> query = query(ex.query);
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            error(ex, 400, "invalid_request_error", "limit: Input should be a valid integer");
            return;
        }
        if (limit < 1 || limit > 1000) {
            error(ex, 400, "invalid_request_error", "limit: Input should be between 1 and 1000");
            return;
        }
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(answers.keySet());
            limit = Math.min(limit, maxPageSize);
        }
        int from = query.containsKey("after_id") ? ids.indexOf(query.get("after_id")) + 1 : 0;
        List<String> page = ids.subList(Math.min(from, ids.size()), Math.min(from + limit, ids.size()));
        ObjectNode body = FakeAnthropicWire.object();
        ArrayNode data = body.putArray("data");
        for (String id : page) {
            data.add(FakeAnthropicWire.modelEntry(id, "Fake " + id, CREATED_AT));
        }
        body.put("has_more", from + page.size() < ids.size());
        if (page.isEmpty()) {
            body.putNull("first_id").putNull("last_id");
        } else {
            body.put("first_id", page.get(0)).put("last_id", page.get(page.size() - 1));
        }
        ex.respond(200, FakeAnthropicWire.APPLICATION_JSON, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private void messages(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        JsonNode body = request.json();
        String invalid = invalidRequest(body);
        if (invalid != null) {
            error(ex, 400, "invalid_request_error", invalid);
            return;
        }
        String model = body.get("model").asText();
        List<String> tokens;
        Function<FakeOllamaRequest, List<FakeToolCall>> caller;
        synchronized (this) {
            tokens = answers.get(model);
            caller = toolCallers.getOrDefault(model, r -> List.of());
        }
        if (tokens == null) {
            error(ex, 404, "not_found_error", "model: " + model);
            return;
        }
        FakeAnthropicStream stream = plan(ex, body, model, tokens, List.copyOf(caller.apply(request)));
        if (body.path("stream").asBoolean(false)) {
            stream.stream();
        } else {
            stream.whole();
        }
    }

    /** What the API says of a request it will not take, or null when it takes it. */
    private static String invalidRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "There was an issue with your request body: it is not valid JSON.";
        }
        for (String field : List.of("model", "max_tokens", "messages")) {
            if (!body.hasNonNull(field)) {
                return field + ": Field required";
            }
        }
        if (!body.get("max_tokens").isIntegralNumber() || body.get("max_tokens").asInt() < 1) {
            return "max_tokens: Input should be greater than or equal to 1";
        }
        for (JsonNode message : body.get("messages")) {
            String role = message.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                return "messages: Unexpected role \"" + role + "\". The Messages API accepts a top-level `system`"
                        + " parameter, not \"" + role + "\" as an input message role.";
            }
        }
        String toolTurns = FakeAnthropicWire.badToolTurns(body.get("messages"));
        if (toolTurns != null) {
            return toolTurns;
        }
        for (JsonNode tool : body.path("tools")) {
            if (!tool.path("input_schema").isObject()) {
                return "tools.0.custom.input_schema: Field required";
            }
        }
        JsonNode temperature = body.path("temperature");
        if (temperature.isNumber() && (temperature.asDouble() < 0 || temperature.asDouble() > 1)) {
            return "temperature: range: 0..1";
        }
        return null;
    }

    private synchronized FakeAnthropicStream plan(FakeOllamaHttp.Exchange ex, JsonNode body, String model,
                                                  List<String> tokens, List<FakeToolCall> calls) {
        int input = inputTokens != null ? inputTokens : Math.max(1, ex.body.length / 4);
        boolean streamed = body.path("stream").asBoolean(false);
        int errorAt = -1;
        if (streamed && errorStreams > 0) {
            errorAt = errorAfter;
            errorStreams--;
        }
        return new FakeAnthropicStream(ex, model, tokens, calls, body.get("max_tokens").asInt(), input, tokenDelay,
                firstTokenDelay, errorAt, errorType, errorMessage, dropAfter, endless, this::isClosed,
                this::clientLeft);
    }

    private void clientLeft(FakeOllamaHttp.Exchange ex, int deltasSent) {
        if (!closed && !ex.aborted()) {
            synchronized (this) {
                disconnects.add(new FakeOllamaDisconnect(ex.method, ex.path, deltasSent, Instant.now()));
                notifyAll();
            }
        }
        ex.abort();
    }

    private static void error(FakeOllamaHttp.Exchange ex, int status, String type, String message) throws IOException {
        ex.respond(status, FakeAnthropicWire.APPLICATION_JSON, FakeAnthropicWire.errorBody(type, message));
    }
}
