package dev.aiworkbench.llm.openai;

import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.HttpClients;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.PullListener;
import dev.aiworkbench.llm.StreamTimeouts;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallAssembler;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.llm.openai.OpenAiAnswers.Piece;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The model gateway for any server that speaks OpenAI's Chat Completions API: OpenAI itself, vLLM, llama.cpp's
 * server, LM Studio and the like, at any base URL.
 *
 * <p>It is built on the JDK's HttpClient, as the Ollama gateway is, rather than on the official SDK
 * (com.openai:openai-java): the SDK brings 39 MB of jars (a 28 MB core, OkHttp, Kotlin's runtime) to a desktop app,
 * reads a stream with a blocked thread per answer, and retries on its own terms; the measurements are in
 * bench/README.md. The JDK client reads every stream on its I/O thread, closes the connection the moment a call is
 * cancelled, and lets {@link StreamTimeouts} time out each silent stream between two chunks.
 *
 * <p>{@link #version()} asks for {@code GET /models}: the cheapest call every such server answers, and one that
 * proves the key as well as the address.
 */
public final class OpenAiGateway implements ModelGateway {
    /** The provider's name as call records and the GenAI conventions' {@code gen_ai.provider.name} give it. */
    public static final String PROVIDER = "openai";

    private final OpenAiSettings settings;
    private final OpenAiErrors errors;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final StreamTimeouts<ChatExchange> ticker;
    private final Clock clock;

    public OpenAiGateway(OpenAiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock what "now" is when a server asks to be retried after an HTTP date */
    OpenAiGateway(OpenAiSettings settings, Clock clock) {
        this.settings = settings;
        this.errors = new OpenAiErrors(settings);
        this.clock = clock;
        this.client = HttpClients.forServer(settings.baseUri())
                // HTTP/1.1: a cancelled stream closes its own connection, which every server notices at once.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                // As in the Ollama gateway: the client's I/O thread reads and handles each event itself, which
                // saves a hand-over per chunk; nothing handled there blocks (ChatExchange hands results on).
                .executor(Runnable::run)
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "openai-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.ticker = new StreamTimeouts<>(timer, "OpenAI-compatible streams", ChatExchange::checkTimeouts);
    }

    @Override
    public URI baseUri() {
        return settings.baseUri();
    }

    /** OpenAI's {@code openai-version} header when the server sends one, else "OpenAI-compatible". */
    @Override
    public String version() throws ModelServerException {
        HttpResponse<String> answer = send(get("models"), null, "the model list");
        return answer.headers().firstValue("openai-version").orElse("OpenAI-compatible");
    }

    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        return read(send(get("models"), null, "the model list"), "the model list", OpenAiAnswers::models);
    }

    /** {@code GET /models/{id}}: what the server says of one model, which is its owner and when it was made. */
    @Override
    public ModelDetails show(String model) throws ModelServerException {
        HttpResponse<String> answer = send(get("models/" + URLEncoder.encode(model, StandardCharsets.UTF_8)), model,
                "the model's description");
        return read(answer, "the model's description", OpenAiAnswers::model);
    }

    @Override
    public void delete(String model) throws ModelServerException {
        throw managedByProvider("delete");
    }

    /** Fails at once: an OpenAI-compatible server loads its models itself. */
    @Override
    public PullCall pull(String model, PullListener listener) {
        return new RefusedPull(managedByProvider("download"));
    }

    private ModelServerException managedByProvider(String what) {
        return new ModelServerException(ModelServerException.Kind.BAD_REQUEST, "The models at " + settings.baseUri()
                + " are managed by the provider, not the workbench, so it cannot " + what + " them — use the"
                + " provider's own console or the server's configuration.", null, null);
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        ChatExchange exchange = new ChatExchange(settings, errors, request.model(), listener);
        try {
            HttpRequest http = post("chat/completions", OpenAiRequests.chatBody(request, true, settings.openAiItself()),
                    settings.firstTokenTimeout());
            exchange.start(client, http, ticker, timer, clock);
        } catch (ModelServerException e) {
            exchange.refuse(e);
        }
        return exchange;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        long start = System.nanoTime();
        HttpResponse<String> answer = send(post("chat/completions",
                OpenAiRequests.chatBody(request, false, settings.openAiItself()), settings.requestTimeout()),
                request.model(), "the answer");
        Piece piece = read(answer, "the answer", OpenAiAnswers::completion);
        if (piece.error() != null) {
            throw errors.failedMidStream(piece.error(), "");
        }
        ToolCallAssembler calls = new ToolCallAssembler();
        piece.toolCalls().forEach(calls::accept);
        return new GenerationResult(piece.text(), piece.reasoning(), piece.model() == null ? request.model()
                : piece.model(), piece.finishReason() == null ? "stop" : piece.finishReason(),
                piece.usage().orElse(Usage.UNKNOWN), Optional.empty(),
                Duration.ofNanos(System.nanoTime() - start), calls.calls());
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        HttpResponse<String> answer = send(post("embeddings", OpenAiRequests.embeddingsBody(model, inputs),
                settings.requestTimeout()), model, "the embeddings");
        return read(answer, "the embeddings", body -> OpenAiAnswers.embeddings(body, model, inputs.size()));
    }

    private HttpRequest get(String path) throws ModelServerException {
        return authorized(HttpRequest.newBuilder(settings.endpoint(path)).timeout(settings.adminTimeout()).GET());
    }

    private HttpRequest post(String path, byte[] json, Duration headersTimeout) throws ModelServerException {
        return authorized(HttpRequest.newBuilder(settings.endpoint(path))
                .timeout(headersTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /** Adds the key, read now, as a bearer token; a server that needs none gets no Authorization header. */
    private HttpRequest authorized(HttpRequest.Builder builder) throws ModelServerException {
        Optional<String> key = settings.key();
        if (key.isPresent()) {
            if (!key.get().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw errors.unusableKey();
            }
            builder.header("Authorization", "Bearer " + key.get());
        }
        return builder.build();
    }

    /** Reads a whole answer's text; {@code IOException} from the reader counts as an unreadable answer. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(String body) throws IOException;
    }

    private <T> T read(HttpResponse<String> answer, String what, BodyReader<T> reader) throws ModelServerException {
        try {
            return reader.read(answer.body());
        } catch (IOException | RuntimeException e) {
            throw errors.unreadable(what, e);
        }
    }

    /** Sends, and sends again after a 429 or 5xx as the server asks, a bounded number of times. */
    private HttpResponse<String> send(HttpRequest request, String model, String what) throws ModelServerException {
        Duration timeout = request.timeout().orElse(settings.requestTimeout());
        for (int tries = 1; ; tries++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw errors.transport(e, timeout, what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.transport(e, timeout, what);
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            Optional<Duration> asked = RetryDelay.asked(response.headers(), clock);
            boolean retryable = RetryDelay.mayPass(status, response.body()) && tries <= settings.maxRetries();
            Duration delay = RetryDelay.before(tries, response.headers(), clock);
            if (retryable && delay.compareTo(settings.longestRetryWait()) <= 0) {
                pause(delay, timeout, what);
                continue;
            }
            if (asked.isPresent() && asked.get().compareTo(settings.longestRetryWait()) > 0) {
                throw errors.waitTooLong(status, response.body(), asked.get());
            }
            throw errors.status(status, response.body(), model, tries);
        }
    }

    private void pause(Duration delay, Duration timeout, String what) throws ModelServerException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.transport(e, timeout, what);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.shutdownNow();
    }

    @Override
    public String toString() {
        return "OpenAiGateway[" + settings + "]";
    }
}
