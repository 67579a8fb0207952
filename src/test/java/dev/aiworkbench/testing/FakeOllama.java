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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An Ollama server for tests: real HTTP/1.1 on 127.0.0.1 (ephemeral port), answering with the bytes Ollama
 * v0.32 sends (per the shared reference ollama-qdrant-testcontainers.md, sections 1, 2.4-2.5 and 6): NDJSON
 * streams in chunked encoding, one compact object
 * per chunk, Go's omitempty, durations in nanoseconds, {@code {"error":"..."}} bodies with the real status codes.
 * It serves Ollama4j 1.1.6 (h2c upgrade headers, duplicated Content-Type, pretty-printed bodies, {@code name} for
 * {@code model}) and plain JDK HttpClient code alike.
 *
 * <pre>{@code
 * try (FakeOllama fake = FakeOllama.start()) {
 *     fake.model("llama3.2:latest").answer("Hel", "lo", " world");
 *     fake.tokenDelay(Duration.ofMillis(20));
 *     ... point the code under test at fake.baseUri() ...
 *     assertThat(fake.lastRequest("/api/chat").json().get("stream").asBoolean()).isTrue();
 * }
 * }</pre>
 *
 * <p>Scripted behaviour (delays, faults, metrics) applies to every chat and generate request until changed or
 * {@link #clearFaults()}; {@link #status(int, String)} answers the next request(s) only. Thread-safe: any number of
 * requests and streams may run at once, and the script may be changed while they run (each request reads it once,
 * when it starts).
 */
public final class FakeOllama implements AutoCloseable {
    /** The version /api/version reports by default (the one the reference was written against). */
    public static final String DEFAULT_VERSION = "0.32.15";
    /** Ollama's mid-stream error text for a runner failure. */
    public static final String MODEL_ERROR = "an error was encountered while running the model";
    /** Ollama's answer when OLLAMA_MAX_QUEUE is exceeded (note the two spaces). */
    public static final String SERVER_BUSY = "server busy, please try again.  maximum pending requests exceeded";

    static final String NDJSON = "application/x-ndjson";
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    private static final Duration ENDLESS_MIN_DELAY = Duration.ofMillis(10);
    private static final long DEFAULT_LOAD_NS = 50_000_000L;
    private static final long PROMPT_EVAL_NS_PER_TOKEN = 1_000_000L;
    private static final long EVAL_NS_PER_TOKEN = 20_000_000L;
    private static final long OVERHEAD_NS = 2_000_000L;
    private static final Set<String> METRICS = Set.of("total_duration", "load_duration", "prompt_eval_count",
            "prompt_eval_duration", "eval_count", "eval_duration");

    /** The keys of api.Options / api.Runner and the kind FromMap requires. Unknown keys are ignored. */
    private static final Map<String, String> OPTION_KINDS = Map.ofEntries(
            Map.entry("num_ctx", "integer"), Map.entry("num_batch", "integer"), Map.entry("num_gpu", "integer"),
            Map.entry("main_gpu", "integer"), Map.entry("num_thread", "integer"), Map.entry("use_mmap", "boolean"),
            Map.entry("num_keep", "integer"), Map.entry("seed", "integer"), Map.entry("num_predict", "integer"),
            Map.entry("top_k", "integer"), Map.entry("repeat_last_n", "integer"),
            Map.entry("draft_num_predict", "integer"), Map.entry("top_p", "float32"), Map.entry("min_p", "float32"),
            Map.entry("typical_p", "float32"), Map.entry("temperature", "float32"),
            Map.entry("repeat_penalty", "float32"), Map.entry("presence_penalty", "float32"),
            Map.entry("frequency_penalty", "float32"), Map.entry("stop", "array"));

    private static final Map<String, String> CHAT_FIELDS = Map.of("model", "string", "messages", "[]api.Message",
            "stream", "bool", "options", "map[string]interface {}", "tools", "api.Tools");
    private static final Map<String, String> GENERATE_FIELDS = Map.of("model", "string", "prompt", "string",
            "system", "string", "suffix", "string", "template", "string", "stream", "bool", "raw", "bool",
            "options", "map[string]interface {}", "images", "[]api.ImageData", "context", "[]int");
    private static final Map<String, String> EMBED_FIELDS = Map.of("model", "string", "truncate", "bool",
            "dimensions", "int", "options", "map[string]interface {}");
    private static final Map<String, String> EMBEDDINGS_FIELDS = Map.of("model", "string", "prompt", "string",
            "options", "map[string]interface {}");
    private static final Map<String, String> NAME_FIELDS = Map.of("model", "string", "name", "string");
    private static final Map<String, String> PULL_FIELDS = Map.of("model", "string", "name", "string",
            "stream", "bool", "insecure", "bool");
    private static final Map<String, String> SHOW_FIELDS = Map.of("model", "string", "name", "string",
            "verbose", "bool", "system", "string", "options", "map[string]interface {}");

    private final ServerSocket server;
    private final URI baseUri;
    private final Thread acceptor;
    private final Set<FakeOllamaHttp.Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Clock clock = Clock.systemUTC();

    // the script; guarded by this
    private final Map<String, FakeOllamaModel> models = new LinkedHashMap<>();
    private final Map<String, FakeOllamaPull> pulls = new HashMap<>();
    private Consumer<FakeOllamaPull> unknownPulls;
    private final List<FakeOllamaFailure> failures = new ArrayList<>();
    private final Map<String, Instant> loaded = new LinkedHashMap<>();
    private String version = DEFAULT_VERSION;
    private Duration tokenDelay = Duration.ZERO;
    private Duration firstTokenDelay = Duration.ZERO;
    private int errorAfter = -1;
    private String errorMessage = MODEL_ERROR;
    private int dropAfter = -1;
    private boolean endless;
    private final Set<String> omitted = new HashSet<>();
    private final Map<String, Long> metricValues = new HashMap<>();
    private String doneReason = "stop";

    // what happened; guarded by this, waiters use wait/notifyAll
    private final List<FakeOllamaRequest> requests = new ArrayList<>();
    private final List<FakeOllamaDisconnect> disconnects = new ArrayList<>();
    private int streamsInFlight;
    private int maxStreamsInFlight;
    private int streamsStarted;

    /** Starts a fake with no models on 127.0.0.1 and an ephemeral port. */
    public FakeOllama() {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts a fake with no models on the given address, e.g. every interface and port 11434 where it stands in
     * for Ollama in a container; {@link #baseUri()} then names 127.0.0.1.
     */
    public FakeOllama(InetSocketAddress address) {
        try {
            server = new ServerSocket();
            server.bind(address, 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseUri = URI.create("http://127.0.0.1:" + server.getLocalPort());
        acceptor = new Thread(this::acceptLoop, "fake-ollama-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeOllama start() {
        return new FakeOllama();
    }

    // ---------------------------------------------------------------------------------------------------------
    // where it is

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@link #baseUri()} as text, e.g. for {@code new Ollama(fake.baseUrl())}. */
    public String baseUrl() {
        return baseUri.toString();
    }

    public int port() {
        return server.getLocalPort();
    }

    // ---------------------------------------------------------------------------------------------------------
    // models

    /** The installed model with this name ("llama3.2" means "llama3.2:latest"), created with defaults if missing. */
    public synchronized FakeOllamaModel model(String name) {
        return models.computeIfAbsent(key(name), k -> new FakeOllamaModel(canonical(name)));
    }

    /** An embedding-only model shaped like all-minilm (bert, 384 dimensions, capability "embedding"). */
    public synchronized FakeOllamaModel embeddingModel(String name) {
        return model(name).family("bert").parameterSize("23M").quantization("F16").size(45_960_996L)
                .capabilities("embedding").contextLength(512).embeddingLength(384).license("Apache License")
                .template("{{ .Prompt }}").parameters("num_ctx 256").answer(List.of());
    }

    /** Uninstalls a model (as DELETE /api/delete does). */
    public synchronized FakeOllama removeModel(String name) {
        models.remove(key(name));
        loaded.remove(key(name));
        return this;
    }

    /** The installed model names, in installation order. */
    public synchronized List<String> modelNames() {
        return models.values().stream().map(FakeOllamaModel::name).toList();
    }

    /** Models that answered since they were last unloaded (what /api/ps lists). */
    public synchronized List<String> loadedModels() {
        return loaded.keySet().stream().filter(models::containsKey).map(k -> models.get(k).name()).toList();
    }

    /** Scripts the answer of a model (installing it if needed): one streamed chunk per element. */
    public FakeOllama answer(String model, List<String> tokens) {
        model(model).answer(tokens);
        return this;
    }

    public FakeOllama answer(String model, String... tokens) {
        return answer(model, List.of(tokens));
    }

    /** The pull script for a model name; a pull without a script fails with "file does not exist" unless installed. */
    public synchronized FakeOllamaPull pullScript(String name) {
        return pulls.computeIfAbsent(key(name), k -> new FakeOllamaPull(canonical(name)));
    }

    /**
     * Lets a pull of any model that has neither a script nor an installation succeed, with a script made for its
     * name and shaped by {@code script} (layers, pace, what the installed model is), as a registry that has
     * every model would. Without it such a pull fails with "file does not exist".
     */
    public synchronized FakeOllama pullsUnknownModels(Consumer<FakeOllamaPull> script) {
        this.unknownPulls = Objects.requireNonNull(script);
        return this;
    }

    /** What /api/version reports ({@value #DEFAULT_VERSION} by default). */
    public synchronized FakeOllama version(String version) {
        this.version = Objects.requireNonNull(version);
        return this;
    }

    /** The clock for created_at, expires_at and the Date header (e.g. a fixed clock for byte-exact tests). */
    public FakeOllama clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------
    // timing and faults of chat and generate

    /** Pause before each chunk after the first (default none). */
    public synchronized FakeOllama tokenDelay(Duration delay) {
        this.tokenDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * Pause before the first chunk: a streamed answer's headers are held back with it (like a model load), and a
     * non-streamed answer is that much later. The client's request timeout counts it.
     */
    public synchronized FakeOllama firstTokenDelay(Duration delay) {
        this.firstTokenDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * After this many chunks, the stream ends with {@code {"error":"<message>"}} (status stays 200, no done
     * chunk). A non-streamed request gets a 500 with that error instead.
     */
    public synchronized FakeOllama midStreamError(int afterTokens, String message) {
        this.errorAfter = afterTokens;
        this.errorMessage = Objects.requireNonNull(message);
        return this;
    }

    /** {@link #midStreamError(int, String)} with Ollama's {@value #MODEL_ERROR}. */
    public FakeOllama midStreamError(int afterTokens) {
        return midStreamError(afterTokens, MODEL_ERROR);
    }

    /**
     * After this many chunks the socket is closed without the done chunk or the chunked terminator (with 0, right
     * after the headers). A non-streamed request gets its connection closed without an answer.
     */
    public synchronized FakeOllama dropConnectionAfter(int tokens) {
        this.dropAfter = tokens;
        return this;
    }

    /** Streams the answer's tokens over and over until the client goes away (at least 10 ms apart). */
    public synchronized FakeOllama endlessStream() {
        this.endless = true;
        return this;
    }

    /**
     * Leaves these fields out of the done chunk (and of /api/embed), as an older server or a cache hit does, e.g.
     * {@code omit("prompt_eval_count")}. Names: total_duration, load_duration, prompt_eval_count,
     * prompt_eval_duration, eval_count, eval_duration.
     */
    public synchronized FakeOllama omit(String... fields) {
        for (String field : fields) {
            requireMetric(field);
            omitted.add(field);
        }
        return this;
    }

    /**
     * Fixes a metric of the done chunk (durations in nanoseconds). Defaults: load_duration 50 ms,
     * prompt_eval_count = ceil(prompt chars / 4) (at least 1), prompt_eval_duration 1 ms per prompt token,
     * eval_count = chunks sent, eval_duration 20 ms per chunk, total_duration = their sum + 2 ms.
     * A value of 0 is left out, as omitempty does.
     */
    public synchronized FakeOllama metric(String field, long value) {
        requireMetric(field);
        metricValues.put(field, value);
        return this;
    }

    /** The done_reason of a finished answer ("stop" by default; "length" is also sent when num_predict cuts it). */
    public synchronized FakeOllama doneReason(String reason) {
        this.doneReason = Objects.requireNonNull(reason);
        return this;
    }

    /**
     * Answers the next request with {@code {"error":"<message>"}} and this status, before anything else happens;
     * the returned handle narrows it ({@code .on("/api/chat")}) or repeats it ({@code .times(3)},
     * {@code .always()}). Example: {@code status(503, FakeOllama.SERVER_BUSY)}.
     */
    public synchronized FakeOllamaFailure status(int status, String message) {
        FakeOllamaFailure failure = new FakeOllamaFailure(status, Objects.requireNonNull(message));
        failures.add(failure);
        return failure;
    }

    /** Back to a plain server: no delays, faults, endless stream, omitted or fixed metrics, or pending statuses. */
    public synchronized FakeOllama clearFaults() {
        tokenDelay = Duration.ZERO;
        firstTokenDelay = Duration.ZERO;
        errorAfter = -1;
        errorMessage = MODEL_ERROR;
        dropAfter = -1;
        endless = false;
        omitted.clear();
        metricValues.clear();
        doneReason = "stop";
        failures.clear();
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------
    // what it saw

    /** Every request received so far, in arrival order. */
    public synchronized List<FakeOllamaRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one path, e.g. "/api/chat". */
    public synchronized List<FakeOllamaRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The latest request to a path; fails if there was none. */
    public synchronized FakeOllamaRequest lastRequest(String path) {
        List<FakeOllamaRequest> matching = requests(path);
        if (matching.isEmpty()) {
            throw new AssertionError("no request to " + path + "; received: " + requests);
        }
        return matching.get(matching.size() - 1);
    }

    /** Waits until at least {@code count} requests to the path arrived and returns them; fails on timeout. */
    public synchronized List<FakeOllamaRequest> awaitRequests(String path, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests(path).size() < count) {
            if (!waitUntil(deadline)) {
                throw new AssertionError("expected " + count + " request(s) to " + path + " within " + timeout
                        + "; received: " + requests);
            }
        }
        return requests(path);
    }

    /** Waits for a request to the path and returns the latest one; fails on timeout. */
    public FakeOllamaRequest awaitRequest(String path, Duration timeout) {
        List<FakeOllamaRequest> matching = awaitRequests(path, 1, timeout);
        return matching.get(matching.size() - 1);
    }

    /** Forgets the recorded requests and disconnects, and resets the stream peak and start counters. */
    public synchronized FakeOllama clearRequests() {
        requests.clear();
        disconnects.clear();
        maxStreamsInFlight = streamsInFlight;
        streamsStarted = 0;
        return this;
    }

    /** Streamed chat/generate answers being written right now. */
    public synchronized int streamsInFlight() {
        return streamsInFlight;
    }

    /** The most streamed chat/generate answers that were in flight at the same time. */
    public synchronized int maxStreamsInFlight() {
        return maxStreamsInFlight;
    }

    /** Streamed chat/generate answers started so far. */
    public synchronized int streamsStarted() {
        return streamsStarted;
    }

    /** Waits until at least {@code count} streams are in flight at once; false on timeout. */
    public synchronized boolean awaitStreamsInFlight(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streamsInFlight < count) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until no stream is in flight; false on timeout. */
    public synchronized boolean awaitNoStreamInFlight(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streamsInFlight > 0) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** How many times a client closed the connection before its answer was complete. */
    public synchronized int clientDisconnects() {
        return disconnects.size();
    }

    /** The client hang-ups seen before an answer was complete, in order. */
    public synchronized List<FakeOllamaDisconnect> disconnects() {
        return List.copyOf(disconnects);
    }

    /**
     * Waits until the server has seen a client close its connection before the answer was complete (e.g. Stop
     * during a stream, or a client timeout during a first-token delay).
     *
     * @return true if that happened (now or earlier) within the timeout
     */
    public synchronized boolean awaitClientDisconnect(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (disconnects.isEmpty()) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The vector /api/embed returns for a text (before any {@code dimensions} cut): a hashed bag of lower-cased
     * words, L2-normalised, so equal texts give equal vectors and texts sharing words are closer.
     */
    public static float[] embeddingFor(String text, int dimensions) {
        double[] v = new double[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                long h = fnv1a(word);
                v[(int) Long.remainderUnsigned(h >>> 1, dimensions)] += (h & 1) == 0 ? 1 : -1;
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            long h = fnv1a("\u0000" + text);
            v[(int) Long.remainderUnsigned(h >>> 1, dimensions)] = 1;
            norm = 1;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
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
        synchronized (this) {
            notifyAll();
        }
    }

    // =========================================================================================================
    // server

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                FakeOllamaHttp.Connection connection =
                        new FakeOllamaHttp.Connection(socket, this::handle, () -> clock.instant(), connections::remove);
                connections.add(connection);
                if (closed) {
                    connection.close();
                    return;
                }
                Thread thread = new Thread(connection, "fake-ollama-connection-" + socket.getPort());
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
        if (!isBlank(ex.body)) {
            try {
                json = FakeOllamaJson.parse(ex.body);
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
        FakeOllamaFailure failure = takeFailure(ex.path);
        if (failure != null) {
            error(ex, failure.status(), failure.message());
            return;
        }
        boolean get = ex.method.equals("GET") || ex.method.equals("HEAD");
        boolean post = ex.method.equals("POST");
        switch (ex.path) {
            case "/" -> {
                if (get) {
                    ex.respond(200, TEXT, "Ollama is running".getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            case "/api/version" -> {
                if (get) {
                    ObjectNode body = FakeOllamaJson.object();
                    synchronized (this) {
                        body.put("version", version);
                    }
                    json(ex, 200, body);
                    return;
                }
            }
            case "/api/tags" -> {
                if (get) {
                    tags(ex);
                    return;
                }
            }
            case "/api/ps" -> {
                if (get) {
                    ps(ex);
                    return;
                }
            }
            case "/api/show" -> {
                if (post) {
                    show(ex, request);
                    return;
                }
            }
            case "/api/delete" -> {
                if (ex.method.equals("DELETE")) {
                    delete(ex, request);
                    return;
                }
            }
            case "/api/pull" -> {
                if (post) {
                    pull(ex, request);
                    return;
                }
            }
            case "/api/chat" -> {
                if (post) {
                    chatOrGenerate(ex, request, true);
                    return;
                }
            }
            case "/api/generate" -> {
                if (post) {
                    chatOrGenerate(ex, request, false);
                    return;
                }
            }
            case "/api/embed" -> {
                if (post) {
                    embed(ex, request);
                    return;
                }
            }
            case "/api/embeddings" -> {
                if (post) {
                    embeddings(ex, request);
                    return;
                }
            }
            default -> {
                // not a route
            }
        }
        // gin's answer for an unknown route or method
        ex.respond(404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8));
    }

    private synchronized FakeOllamaFailure takeFailure(String path) {
        for (Iterator<FakeOllamaFailure> it = failures.iterator(); it.hasNext(); ) {
            FakeOllamaFailure failure = it.next();
            if (failure.take(path)) {
                if (failure.remaining() == 0) {
                    it.remove();
                }
                return failure;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // model endpoints

    private void tags(FakeOllamaHttp.Exchange ex) throws IOException {
        List<FakeOllamaModel> installed;
        synchronized (this) {
            installed = new ArrayList<>(models.values());
        }
        installed.sort(Comparator.comparing((FakeOllamaModel m) -> m.modifiedAtValue().toInstant()).reversed()
                .thenComparing(FakeOllamaModel::name));
        ObjectNode body = FakeOllamaJson.object();
        ArrayNode list = body.putArray("models");
        for (FakeOllamaModel m : installed) {
            ObjectNode item = list.addObject();
            item.put("name", m.name());
            item.put("model", m.name());
            item.put("modified_at", FakeOllamaJson.rfc3339Nano(m.modifiedAtValue()));
            item.put("size", m.sizeValue());
            item.put("digest", m.digestValue());
            item.set("details", details(m));
        }
        json(ex, 200, body);
    }

    private void ps(FakeOllamaHttp.Exchange ex) throws IOException {
        List<FakeOllamaModel> running = new ArrayList<>();
        List<Instant> usedAt = new ArrayList<>();
        synchronized (this) {
            loaded.forEach((k, at) -> {
                if (models.containsKey(k)) {
                    running.add(models.get(k));
                    usedAt.add(at);
                }
            });
        }
        ObjectNode body = FakeOllamaJson.object();
        ArrayNode list = body.putArray("models");
        for (int i = 0; i < running.size(); i++) {
            FakeOllamaModel m = running.get(i);
            ObjectNode item = list.addObject();
            item.put("name", m.name());
            item.put("model", m.name());
            item.put("size", m.sizeValue());
            item.put("digest", m.digestValue());
            item.set("details", details(m));
            item.put("expires_at", FakeOllamaJson.rfc3339Nano(
                    OffsetDateTime.ofInstant(usedAt.get(i).plus(Duration.ofMinutes(5)), clock.getZone())));
            item.put("size_vram", m.sizeValue());
            item.put("context_length", Math.min(4096, m.contextLengthValue()));
        }
        json(ex, 200, body);
    }

    private static ObjectNode details(FakeOllamaModel m) {
        ObjectNode details = FakeOllamaJson.object();
        details.put("parent_model", m.parentModelValue());
        details.put("format", m.formatValue());
        details.put("family", m.familyValue());
        ArrayNode families = details.putArray("families");
        m.familiesValue().forEach(families::add);
        details.put("parameter_size", m.parameterSizeValue());
        details.put("quantization_level", m.quantizationValue());
        return details;
    }

    private void show(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        ObjectNode body = bind(ex, request, "ShowRequest", SHOW_FIELDS);
        if (body == null) {
            return;
        }
        String name = nameOf(body);
        if (name.isEmpty()) {
            error(ex, 400, "model is required");
            return;
        }
        FakeOllamaModel m = find(name);
        if (m == null) {
            error(ex, 404, "model '" + name + "' not found");
            return;
        }
        ObjectNode out = FakeOllamaJson.object();
        putIfNotEmpty(out, "license", m.licenseValue());
        out.put("modelfile", modelfile(m));
        putIfNotEmpty(out, "parameters", m.parametersValue());
        putIfNotEmpty(out, "template", m.templateValue());
        putIfNotEmpty(out, "system", m.systemValue());
        out.set("details", details(m));
        ObjectNode info = out.putObject("model_info");
        String arch = m.familyValue();
        info.put("general.architecture", arch);
        long parameters = parameterCount(m.parameterSizeValue());
        if (parameters > 0) {
            info.put("general.parameter_count", parameters);
        }
        info.put(arch + ".context_length", m.contextLengthValue());
        info.put(arch + ".embedding_length", m.embeddingLengthValue());
        ArrayNode capabilities = out.putArray("capabilities");
        m.capabilitiesValue().forEach(capabilities::add);
        out.put("modified_at", FakeOllamaJson.rfc3339Nano(m.modifiedAtValue()));
        json(ex, 200, out);
    }

    private static String modelfile(FakeOllamaModel m) {
        StringBuilder text = new StringBuilder("# Modelfile generated by \"ollama show\"\n")
                .append("# To build a new Modelfile based on this, replace FROM with:\n")
                .append("# FROM ").append(m.name()).append("\n\n")
                .append("FROM /root/.ollama/models/blobs/sha256-").append(m.digestValue()).append('\n');
        if (!m.templateValue().isEmpty()) {
            text.append("TEMPLATE \"\"\"").append(m.templateValue()).append("\"\"\"\n");
        }
        if (!m.systemValue().isEmpty()) {
            text.append("SYSTEM \"\"\"").append(m.systemValue()).append("\"\"\"\n");
        }
        for (String line : m.parametersValue().split("\n")) {
            if (!line.isBlank()) {
                text.append("PARAMETER ").append(line.trim().replaceAll("\\s+", " ")).append('\n');
            }
        }
        if (!m.licenseValue().isEmpty()) {
            text.append("LICENSE \"\"\"").append(m.licenseValue()).append("\"\"\"\n");
        }
        return text.toString();
    }

    private static long parameterCount(String size) {
        try {
            char unit = Character.toUpperCase(size.charAt(size.length() - 1));
            double number = Double.parseDouble(size.substring(0, size.length() - 1));
            long factor = switch (unit) {
                case 'K' -> 1_000L;
                case 'M' -> 1_000_000L;
                case 'B' -> 1_000_000_000L;
                case 'T' -> 1_000_000_000_000L;
                default -> 0L;
            };
            return Math.round(number * factor);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void delete(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        ObjectNode body = bind(ex, request, "DeleteRequest", NAME_FIELDS);
        if (body == null) {
            return;
        }
        String name = nameOf(body);
        if (name.isEmpty()) {
            error(ex, 400, "name " + FakeOllamaJson.goQuote(name) + " is invalid");
            return;
        }
        synchronized (this) {
            if (models.remove(key(name)) == null) {
                name = null;
            } else {
                loaded.remove(key(name));
            }
        }
        if (name == null) {
            error(ex, 404, "model '" + nameOf(body) + "' not found");
            return;
        }
        ex.respond(200, null, new byte[0]);
    }

    // ---------------------------------------------------------------------------------------------------------
    // pull

    private void pull(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        ObjectNode body = bind(ex, request, "PullRequest", PULL_FIELDS);
        if (body == null) {
            return;
        }
        String name = nameOf(body);
        if (name.isEmpty()) {
            error(ex, 400, "invalid model name");
            return;
        }
        FakeOllamaPull script;
        synchronized (this) {
            script = pulls.get(key(name));
            if (script == null) {
                script = new FakeOllamaPull(canonical(name));
                FakeOllamaModel installed = models.get(key(name));
                if (installed != null) {
                    script.layers(installed.sizeValue()).steps(1);
                } else if (unknownPulls != null) {
                    unknownPulls.accept(script);
                } else {
                    script.manifestError("pull model manifest: file does not exist");
                }
            }
        }
        boolean stream = streamFlag(body);
        if (stream) {
            ex.startChunked(200, NDJSON);
        }
        PullRun run = new PullRun(ex, stream);
        if (!run.line(progress("pulling manifest", null, 0, 0), Duration.ZERO)) {
            return;
        }
        if (script.manifestErrorValue() != null) {
            run.fail(script.manifestErrorValue());
            return;
        }
        Duration step = script.stepDelayValue();
        int progressLines = 0;
        List<Long> layers = script.layersValue();
        for (int i = 0; i < layers.size(); i++) {
            String digest = script.layerDigest(i);
            String status = "pulling " + digest.substring(7, 19);
            long total = layers.get(i);
            for (int s = 0; s <= script.stepsValue(); s++) {
                if (progressLines == script.failAfterLinesValue()) {
                    run.fail(script.failMessageValue());
                    return;
                }
                long completed = s == 0 ? 0 : total * s / script.stepsValue();
                if (!run.line(progress(status, digest, total, completed), step)) {
                    return;
                }
                progressLines++;
            }
        }
        if (progressLines <= script.failAfterLinesValue()) {
            run.fail(script.failMessageValue());
            return;
        }
        if (!run.line(progress("verifying sha256 digest", null, 0, 0), step)
                || !run.line(progress("writing manifest", null, 0, 0), step)) {
            return;
        }
        FakeOllamaModel installed;
        synchronized (this) {
            boolean existed = models.containsKey(key(name));
            installed = model(name);
            if (!existed) {
                installed.size(layers.stream().mapToLong(Long::longValue).sum());
            }
        }
        script.installsValue().accept(installed);
        ObjectNode success = progress("success", null, 0, 0);
        if (stream) {
            if (run.line(success, step)) {
                endQuietly(ex);
            }
        } else if (ex.pause(step, this::isClosed)) {
            json(ex, 200, success);
        } else {
            hangUp(ex, 0);
        }
    }

    private static ObjectNode progress(String status, String digest, long total, long completed) {
        ObjectNode line = FakeOllamaJson.object();
        line.put("status", status);
        if (digest != null) {
            line.put("digest", digest);
        }
        if (total != 0) {
            line.put("total", total);
        }
        if (completed != 0) {
            line.put("completed", completed);
        }
        return line;
    }

    /** Writes the lines of one pull (or, for stream:false, only waits), noticing a client that leaves. */
    private final class PullRun {
        private final FakeOllamaHttp.Exchange ex;
        private final boolean stream;
        private int sent;

        PullRun(FakeOllamaHttp.Exchange ex, boolean stream) {
            this.ex = ex;
            this.stream = stream;
        }

        boolean line(ObjectNode line, Duration before) {
            if (!ex.pause(before, FakeOllama.this::isClosed) || (stream && !write(ex, line))) {
                hangUp(ex, sent);
                return false;
            }
            sent++;
            return true;
        }

        void fail(String message) throws IOException {
            if (stream) {
                if (line(errorBody(message), Duration.ZERO)) {
                    endQuietly(ex);
                }
            } else {
                error(ex, 500, message);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // chat and generate

    /** One scripted answer, fixed when its request starts. */
    private record Plan(boolean chat, String model, List<Piece> pieces, List<String> answer, Duration first,
                        Duration delay, int errorAfter, String errorMessage, int dropAfter, boolean endless,
                        int promptEvalCount, Set<String> omitted, Map<String, Long> metrics, String doneReason,
                        boolean context, List<FakeToolCall> toolCalls) {
    }

    private record Piece(boolean thinking, String text) {
    }

    private void chatOrGenerate(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request, boolean chat)
            throws IOException {
        ObjectNode body = bind(ex, request, chat ? "ChatRequest" : "GenerateRequest",
                chat ? CHAT_FIELDS : GENERATE_FIELDS);
        if (body == null) {
            return;
        }
        String name = text(body, "model");
        if (name.isEmpty()) {
            error(ex, 400, "model is required");
            return;
        }
        FakeOllamaModel m = find(name);
        if (m == null) {
            error(ex, 404, "model '" + name + "' not found");
            return;
        }
        List<String> capabilities = m.capabilitiesValue();
        boolean think = thinkRequested(body.get("think"));
        if (!capabilities.contains("completion")) {
            error(ex, 400, FakeOllamaJson.goQuote(name) + " does not support " + (chat ? "chat" : "generate"));
            return;
        }
        if (think && !capabilities.contains("thinking")) {
            error(ex, 400, FakeOllamaJson.goQuote(name) + " does not support thinking");
            return;
        }
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty() && !capabilities.contains("tools")) {
            error(ex, 400, FakeOllamaJson.goQuote(name) + " does not support tools");
            return;
        }
        String optionError = optionError(body.get("options"));
        if (optionError != null) {
            error(ex, 500, optionError);
            return;
        }
        int promptChars;
        if (chat) {
            JsonNode messages = body.get("messages");
            if (messages == null || !messages.isArray() || messages.isEmpty()) {
                loadOrUnload(ex, body, m, name, true);
                return;
            }
            promptChars = 0;
            for (JsonNode message : messages) {
                promptChars += text(message, "content").length();
                for (JsonNode call : message.path("tool_calls")) {
                    JsonNode arguments = call.path("function").get("arguments");
                    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                        error(ex, 400, "json: cannot unmarshal " + kind(arguments) + " into Go struct field"
                                + " ToolCallFunction.messages.tool_calls.function.arguments of type"
                                + " api.ToolCallFunctionArguments");
                        return;
                    }
                }
            }
        } else {
            String prompt = text(body, "prompt");
            if (prompt.isEmpty()) {
                loadOrUnload(ex, body, m, name, false);
                return;
            }
            promptChars = prompt.length() + text(body, "system").length();
        }
        markLoaded(m);
        Plan plan = plan(chat, name, m, request, body, think, promptChars);
        generate(ex, plan, streamFlag(body));
    }

    private Plan plan(boolean chat, String name, FakeOllamaModel m, FakeOllamaRequest request, ObjectNode body,
                      boolean think, int promptChars) {
        List<String> answer = m.answerFor(request);
        List<FakeToolCall> toolCalls = chat ? m.toolCallsFor(request) : List.of();
        List<Piece> pieces = new ArrayList<>();
        if (think) {
            m.thinkingValue().forEach(t -> pieces.add(new Piece(true, t)));
        }
        answer.forEach(t -> pieces.add(new Piece(false, t)));
        synchronized (this) {
            String reason = doneReason;
            JsonNode options = body.get("options");
            JsonNode numPredict = options == null ? null : options.get("num_predict");
            if (!endless && numPredict != null && numPredict.isNumber() && numPredict.asLong() > 0
                    && pieces.size() > numPredict.asLong()) {
                pieces.subList((int) numPredict.asLong(), pieces.size()).clear();
                reason = "length";
            }
            Duration delay = endless && tokenDelay.compareTo(ENDLESS_MIN_DELAY) < 0 ? ENDLESS_MIN_DELAY : tokenDelay;
            int promptTokens = Math.max(1, (promptChars + 3) / 4);
            boolean context = !chat && !(body.path("raw").asBoolean(false));
            return new Plan(chat, name, List.copyOf(pieces), answer.isEmpty() ? List.of(" ") : answer,
                    firstTokenDelay, delay, errorAfter, errorMessage, dropAfter, endless, promptTokens,
                    Set.copyOf(omitted), Map.copyOf(metricValues), reason, context, toolCalls);
        }
    }

    private void generate(FakeOllamaHttp.Exchange ex, Plan p, boolean stream) throws IOException {
        if (stream) {
            ex.startChunked(200, NDJSON);
            streamStarted();
        }
        try {
            StringBuilder content = new StringBuilder();
            StringBuilder thinking = new StringBuilder();
            int sent = 0;
            for (int i = 0; p.endless() || i < p.pieces().size(); i++) {
                if (fault(ex, p, stream, sent)) {
                    return;
                }
                if (!ex.pause(sent == 0 ? p.first() : p.delay(), this::isClosed)) {
                    hangUp(ex, stream ? sent : 0);
                    return;
                }
                Piece piece = i < p.pieces().size() ? p.pieces().get(i)
                        : new Piece(false, p.answer().get((i - p.pieces().size()) % p.answer().size()));
                if (stream && !write(ex, chunk(p, piece))) {
                    hangUp(ex, sent);
                    return;
                }
                sent++;
                (piece.thinking() ? thinking : content).append(piece.text());
            }
            for (FakeToolCall call : p.toolCalls()) {
                if (!ex.pause(sent == 0 ? p.first() : p.delay(), this::isClosed)) {
                    hangUp(ex, stream ? sent : 0);
                    return;
                }
                if (stream && !write(ex, toolCallChunk(p, call))) {
                    hangUp(ex, sent);
                    return;
                }
                sent++;
            }
            if (fault(ex, p, stream, sent)) {
                return;
            }
            if (sent == 0 && !ex.pause(p.first(), this::isClosed)) {
                hangUp(ex, 0);
                return;
            }
            ObjectNode done = done(p, stream ? "" : content.toString(), stream ? "" : thinking.toString(), sent, stream);
            if (stream) {
                if (!write(ex, done)) {
                    hangUp(ex, sent);
                    return;
                }
                endQuietly(ex);
            } else {
                json(ex, 200, done);
            }
        } finally {
            if (stream) {
                streamEnded();
            }
        }
    }

    /** Applies a scripted drop or mid-stream error due at this point; true if it ended the answer. */
    private boolean fault(FakeOllamaHttp.Exchange ex, Plan p, boolean stream, int sent) throws IOException {
        boolean drop = p.dropAfter() == sent;
        boolean error = p.errorAfter() == sent;
        if (!drop && !error) {
            return false;
        }
        if (sent == 0 && !ex.pause(p.first(), this::isClosed)) {
            hangUp(ex, 0);
            return true;
        }
        if (drop) {
            if (stream) {
                try {
                    ex.flushHeaders();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            ex.abort();
        } else if (stream) {
            if (write(ex, errorBody(p.errorMessage()))) {
                endQuietly(ex);
            } else {
                hangUp(ex, sent);
            }
        } else {
            error(ex, 500, p.errorMessage());
        }
        return true;
    }

    private ObjectNode chunk(Plan p, Piece piece) {
        ObjectNode o = head(p);
        if (p.chat()) {
            ObjectNode message = o.putObject("message");
            message.put("role", "assistant");
            message.put("content", piece.thinking() ? "" : piece.text());
            if (piece.thinking() && !piece.text().isEmpty()) {
                message.put("thinking", piece.text());
            }
        } else {
            o.put("response", piece.thinking() ? "" : piece.text());
            if (piece.thinking() && !piece.text().isEmpty()) {
                o.put("thinking", piece.text());
            }
        }
        o.put("done", false);
        return o;
    }

    /** One streamed tool call: a chunk with empty content and the call, whole, its arguments an object. */
    private ObjectNode toolCallChunk(Plan p, FakeToolCall call) {
        ObjectNode o = head(p);
        ObjectNode message = o.putObject("message");
        message.put("role", "assistant");
        message.put("content", "");
        toolCalls(message, List.of(call));
        o.put("done", false);
        return o;
    }

    /** {@code tool_calls: [{function: {name, arguments}}]}: no ids, as Ollama sends them. */
    private static void toolCalls(ObjectNode message, List<FakeToolCall> calls) {
        ArrayNode array = message.putArray("tool_calls");
        for (FakeToolCall call : calls) {
            ObjectNode function = array.addObject().putObject("function");
            function.put("name", call.name());
            try {
                function.set("arguments", FakeOllamaJson.READER.readTree(call.argumentsJson()));
            } catch (IOException e) {
                throw new IllegalArgumentException("Ollama sends tool arguments as an object: " + call, e);
            }
        }
    }

    private ObjectNode done(Plan p, String content, String thinking, int evalCount, boolean stream) {
        ObjectNode o = head(p);
        if (p.chat()) {
            ObjectNode message = o.putObject("message");
            message.put("role", "assistant");
            message.put("content", content);
            putIfNotEmpty(message, "thinking", thinking);
            if (!stream && !p.toolCalls().isEmpty()) {
                toolCalls(message, p.toolCalls());
            }
        } else {
            o.put("response", content);
            putIfNotEmpty(o, "thinking", thinking);
        }
        o.put("done", true);
        o.put("done_reason", p.doneReason());
        if (p.context()) {
            ArrayNode context = o.putArray("context");
            for (int i = 0; i < p.promptEvalCount() + evalCount; i++) {
                context.add(128_000 + i);
            }
        }
        long load = p.metrics().getOrDefault("load_duration", DEFAULT_LOAD_NS);
        long promptEvalCount = p.metrics().getOrDefault("prompt_eval_count", (long) p.promptEvalCount());
        long promptEvalDuration = p.metrics().getOrDefault("prompt_eval_duration",
                promptEvalCount * PROMPT_EVAL_NS_PER_TOKEN);
        long evals = p.metrics().getOrDefault("eval_count", (long) evalCount);
        long evalDuration = p.metrics().getOrDefault("eval_duration", evals * EVAL_NS_PER_TOKEN);
        long total = p.metrics().getOrDefault("total_duration",
                load + promptEvalDuration + evalDuration + OVERHEAD_NS);
        putMetric(o, p.omitted(), "total_duration", total);
        putMetric(o, p.omitted(), "load_duration", load);
        putMetric(o, p.omitted(), "prompt_eval_count", promptEvalCount);
        putMetric(o, p.omitted(), "prompt_eval_duration", promptEvalDuration);
        putMetric(o, p.omitted(), "eval_count", evals);
        putMetric(o, p.omitted(), "eval_duration", evalDuration);
        return o;
    }

    private ObjectNode head(Plan p) {
        ObjectNode o = FakeOllamaJson.object();
        o.put("model", p.model());
        o.put("created_at", FakeOllamaJson.rfc3339Nano(clock.instant()));
        return o;
    }

    private static void putMetric(ObjectNode o, Set<String> omitted, String field, long value) {
        if (value != 0 && !omitted.contains(field)) {
            o.put(field, value);
        }
    }

    /** Empty messages / prompt: Ollama only loads (or, with keep_alive 0, unloads) the model. */
    private void loadOrUnload(FakeOllamaHttp.Exchange ex, ObjectNode body, FakeOllamaModel m, String name,
                              boolean chat) throws IOException {
        boolean unload = keepAliveZero(body.get("keep_alive"));
        synchronized (this) {
            if (unload) {
                loaded.remove(key(m.name()));
            } else {
                loaded.put(key(m.name()), clock.instant());
            }
        }
        ObjectNode o = FakeOllamaJson.object();
        o.put("model", name);
        o.put("created_at", FakeOllamaJson.rfc3339Nano(clock.instant()));
        if (chat) {
            ObjectNode message = o.putObject("message");
            message.put("role", "assistant");
            message.put("content", "");
        } else {
            o.put("response", "");
        }
        o.put("done", true);
        o.put("done_reason", unload ? "unload" : "load");
        json(ex, 200, o);
    }

    private static boolean keepAliveZero(JsonNode keepAlive) {
        if (keepAlive == null || keepAlive.isNull()) {
            return false;
        }
        if (keepAlive.isNumber()) {
            return keepAlive.asDouble() == 0;
        }
        String text = keepAlive.asText().trim();
        return text.matches("0+(\\.0+)?(ns|us|µs|ms|s|m|h)?");
    }

    private static boolean thinkRequested(JsonNode think) {
        if (think == null || think.isNull()) {
            return false;
        }
        if (think.isBoolean()) {
            return think.asBoolean();
        }
        return think.isTextual() && !think.asText().isEmpty() && !think.asText().equals("false");
    }

    // ---------------------------------------------------------------------------------------------------------
    // embeddings

    private void embed(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        ObjectNode body = bind(ex, request, "EmbedRequest", EMBED_FIELDS);
        if (body == null) {
            return;
        }
        String name = text(body, "model");
        if (name.isEmpty()) {
            error(ex, 400, "model is required");
            return;
        }
        FakeOllamaModel m = find(name);
        if (m == null) {
            error(ex, 404, "model '" + name + "' not found");
            return;
        }
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.get("input");
        if (input != null && input.isTextual()) {
            if (!input.asText().isEmpty()) {
                inputs.add(input.asText());
            }
        } else if (input != null && input.isArray()) {
            for (JsonNode item : input) {
                if (!item.isTextual()) {
                    error(ex, 400, "invalid input type");
                    return;
                }
                inputs.add(item.asText());
            }
        } else if (input != null && !input.isNull()) {
            error(ex, 400, "invalid input type");
            return;
        }
        String optionError = optionError(body.get("options"));
        if (optionError != null) {
            error(ex, 500, optionError);
            return;
        }
        ObjectNode out = FakeOllamaJson.object();
        out.put("model", name);
        ArrayNode embeddings = out.putArray("embeddings");
        if (inputs.isEmpty()) {
            json(ex, 200, out);
            return;
        }
        boolean truncate = body.path("truncate").asBoolean(true);
        int dimensions = m.embeddingLengthValue();
        JsonNode requested = body.get("dimensions");
        int cut = requested != null && requested.isNumber() && requested.asInt() > 0
                ? Math.min(requested.asInt(), dimensions) : dimensions;
        long tokens = 0;
        for (String text : inputs) {
            int count = Math.max(1, (text.length() + 3) / 4);
            if (!truncate && count > m.contextLengthValue()) {
                error(ex, 400, "the input length exceeds the context length");
                return;
            }
            tokens += Math.min(count, m.contextLengthValue());
            float[] vector = embeddingFor(text, dimensions);
            if (cut < dimensions) {
                vector = renormalised(vector, cut);
            }
            ArrayNode row = embeddings.addArray();
            for (float f : vector) {
                row.addRawValue(FakeOllamaJson.float32(f));
            }
        }
        markLoaded(m);
        Set<String> omit;
        Map<String, Long> values;
        synchronized (this) {
            omit = Set.copyOf(omitted);
            values = Map.copyOf(metricValues);
        }
        long load = values.getOrDefault("load_duration", 1_019_500L);
        long count = values.getOrDefault("prompt_eval_count", tokens);
        long total = values.getOrDefault("total_duration", load + count * PROMPT_EVAL_NS_PER_TOKEN + OVERHEAD_NS);
        putMetric(out, omit, "total_duration", total);
        putMetric(out, omit, "load_duration", load);
        putMetric(out, omit, "prompt_eval_count", count);
        json(ex, 200, out);
    }

    private static float[] renormalised(float[] vector, int dimensions) {
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            norm += (double) vector[i] * vector[i];
        }
        float[] out = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            out[i] = norm == 0 ? 0 : (float) (vector[i] / Math.sqrt(norm));
        }
        return out;
    }

    private void embeddings(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request) throws IOException {
        ObjectNode body = bind(ex, request, "EmbeddingRequest", EMBEDDINGS_FIELDS);
        if (body == null) {
            return;
        }
        String name = text(body, "model");
        if (name.isEmpty()) {
            error(ex, 400, "model is required");
            return;
        }
        FakeOllamaModel m = find(name);
        if (m == null) {
            error(ex, 404, "model " + FakeOllamaJson.goQuote(name) + " not found, try pulling it first");
            return;
        }
        String optionError = optionError(body.get("options"));
        if (optionError != null) {
            error(ex, 500, optionError);
            return;
        }
        ObjectNode out = FakeOllamaJson.object();
        ArrayNode vector = out.putArray("embedding");
        String prompt = text(body, "prompt");
        if (!prompt.isEmpty()) {
            for (float f : embeddingFor(prompt, m.embeddingLengthValue())) {
                vector.addRawValue(FakeOllamaJson.float64(f));
            }
            markLoaded(m);
        }
        json(ex, 200, out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // request helpers

    /**
     * Decodes a request body the way gin's ShouldBindJSON into the Go struct does: 400 "missing request body" when
     * empty, 400 with Go's message for bad JSON or a wrong field type; unknown keys and nulls are ignored.
     */
    private ObjectNode bind(FakeOllamaHttp.Exchange ex, FakeOllamaRequest request, String goType,
                            Map<String, String> fields) throws IOException {
        if (isBlank(ex.body)) {
            error(ex, 400, "missing request body");
            return null;
        }
        JsonNode json = request.json();
        if (json == null) {
            error(ex, 400, syntaxError(ex.body));
            return null;
        }
        if (json.isNull()) {
            return FakeOllamaJson.object();
        }
        if (!json.isObject()) {
            error(ex, 400, "json: cannot unmarshal " + kind(json) + " into Go value of type api." + goType);
            return null;
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            JsonNode value = json.get(field.getKey());
            if (value != null && !value.isNull() && !kind(value).equals(jsonKind(field.getValue()))) {
                error(ex, 400, "json: cannot unmarshal " + kind(value) + " into Go struct field " + goType + "."
                        + field.getKey() + " of type " + field.getValue());
                return null;
            }
        }
        return (ObjectNode) json;
    }

    private static String jsonKind(String goType) {
        if (goType.startsWith("[]") || goType.equals("api.Tools")) {
            return "array";
        }
        if (goType.startsWith("map[")) {
            return "object";
        }
        return switch (goType) {
            case "string" -> "string";
            case "bool" -> "bool";
            default -> "number";
        };
    }

    private static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String syntaxError(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        char c = text.charAt(0);
        if ("{[\"-0123456789tfn".indexOf(c) < 0) {
            return "invalid character '" + c + "' looking for beginning of value";
        }
        return "unexpected EOF";
    }

    /** api.Options.FromMap: the first option with a wrong type, as Ollama words it; unknown keys are ignored. */
    private static String optionError(JsonNode options) {
        if (options == null || !options.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            String kind = OPTION_KINDS.get(option.getKey());
            JsonNode value = option.getValue();
            if (kind == null || value.isNull()) {
                continue;
            }
            String quoted = FakeOllamaJson.goQuote(option.getKey());
            switch (kind) {
                case "integer", "float32" -> {
                    if (!value.isNumber()) {
                        return "option " + quoted + " must be of type " + kind;
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        return "option " + quoted + " must be of type boolean";
                    }
                }
                default -> {
                    if (!value.isArray()) {
                        return "option " + quoted + " must be of type array";
                    }
                    for (JsonNode item : value) {
                        if (!item.isTextual()) {
                            return "option " + quoted + " must be of an array of strings";
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean streamFlag(ObjectNode body) {
        JsonNode stream = body.get("stream");
        return stream == null || stream.isNull() || stream.asBoolean();
    }

    /** "model", else the deprecated "name". */
    private static String nameOf(ObjectNode body) {
        String model = text(body, "model");
        return model.isEmpty() ? text(body, "name") : model;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isTextual() ? "" : value.asText();
    }

    private static void putIfNotEmpty(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private synchronized FakeOllamaModel find(String name) {
        return models.get(key(name));
    }

    private synchronized void markLoaded(FakeOllamaModel m) {
        loaded.put(key(m.name()), clock.instant());
    }

    /** The lookup key of a model name: lower case, ":latest" added when no tag, library prefix dropped. */
    static String key(String name) {
        return canonical(name).toLowerCase(Locale.ROOT);
    }

    private static String canonical(String name) {
        String n = name.strip();
        for (String prefix : List.of("registry.ollama.ai/library/", "library/")) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
            }
        }
        String last = n.substring(n.lastIndexOf('/') + 1);
        return last.contains(":") ? n : n + ":latest";
    }

    private static void requireMetric(String field) {
        if (!METRICS.contains(field)) {
            throw new IllegalArgumentException("not a metric: " + field + " (one of " + METRICS + ")");
        }
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    // ---------------------------------------------------------------------------------------------------------
    // answer helpers

    private static ObjectNode errorBody(String message) {
        ObjectNode body = FakeOllamaJson.object();
        body.put("error", message);
        return body;
    }

    private static void json(FakeOllamaHttp.Exchange ex, int status, JsonNode body) throws IOException {
        ex.respond(status, JSON, FakeOllamaJson.bytes(body));
    }

    private static void error(FakeOllamaHttp.Exchange ex, int status, String message) throws IOException {
        json(ex, status, errorBody(message));
    }

    private static boolean write(FakeOllamaHttp.Exchange ex, JsonNode line) {
        try {
            ex.writeChunk(FakeOllamaJson.line(line));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void endQuietly(FakeOllamaHttp.Exchange ex) {
        try {
            ex.endChunked();
        } catch (IOException e) {
            hangUp(ex, -1);
        }
    }

    /** The client left before the answer was complete: record it (unless the fake itself is stopping) and close. */
    private void hangUp(FakeOllamaHttp.Exchange ex, int chunksSent) {
        if (!closed && !ex.aborted()) {
            synchronized (this) {
                disconnects.add(new FakeOllamaDisconnect(ex.method, ex.path, Math.max(chunksSent, 0), Instant.now()));
                notifyAll();
            }
        }
        ex.abort();
    }

    private synchronized void streamStarted() {
        streamsInFlight++;
        streamsStarted++;
        maxStreamsInFlight = Math.max(maxStreamsInFlight, streamsInFlight);
        notifyAll();
    }

    private synchronized void streamEnded() {
        streamsInFlight--;
        notifyAll();
    }

    /** Waits on this monitor until notified or the deadline; false when the deadline passed. Caller holds the lock. */
    private boolean waitUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            Duration wait = Duration.ofNanos(left);
            wait(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
