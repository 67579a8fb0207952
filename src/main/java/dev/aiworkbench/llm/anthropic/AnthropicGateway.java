package dev.aiworkbench.llm.anthropic;

import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullCall;
import dev.aiworkbench.llm.PullListener;
import dev.aiworkbench.llm.StreamTimeouts;
import dev.aiworkbench.llm.TokenListener;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The model gateway for Anthropic's Messages API (or anything that speaks it at another base URL). It uses the JDK
 * HTTP client as the Ollama path does rather than the official SDK. The SDK met the streaming budgets as well, but it
 * brings 59 MB of jars (OkHttp, Kotlin, OpenTelemetry, a second Jackson) into the desktop package for what is here
 * ten small classes; here every stream shares the client's I/O thread and one watchdog times out the first and each
 * next event (bench/README.md, "anthropic", has the figures). The key is sent as {@code x-api-key} and never put in a
 * message, a log line or a string of this class.
 */
public final class AnthropicGateway implements ModelGateway {
    /** The provider's name as call records and the GenAI conventions' {@code gen_ai.provider.name} give it. */
    public static final String PROVIDER = "anthropic";
    private static final int MODEL_PAGE = 1000;
    private static final int MAX_MODEL_PAGES = 50;

    private final AnthropicSettings settings;
    private final ApiKey key;
    private final AnthropicErrors errors;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final StreamTimeouts<MessageStream> watchdog;
    private final UnaryOperator<Duration> retryWaits;
    private final MessageStream.Wiring wiring;

    /**
     * @param apiKey gives the key each time a request is made (from the keychain or the environment); null or blank
     *               means there is none, and calls fail with a sentence saying how to set one
     */
    public AnthropicGateway(AnthropicSettings settings, Supplier<String> apiKey) {
        this(settings, apiKey, UnaryOperator.identity());
    }

    /** @param retryWaits turns the wait before a retry into the wait taken: a test's records it and skips it */
    AnthropicGateway(AnthropicSettings settings, Supplier<String> apiKey, UnaryOperator<Duration> retryWaits) {
        this.settings = settings;
        this.key = new ApiKey(apiKey);
        this.errors = new AnthropicErrors(settings.baseUri(), key);
        this.retryWaits = retryWaits;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                // as OllamaGateway's: lines are handled on the client's I/O thread, and nothing there blocks
                .executor(Runnable::run)
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "anthropic-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.watchdog = new StreamTimeouts<>(timer, "Anthropic streams", MessageStream::checkTimeouts);
        this.wiring = new MessageStream.Wiring(client, settings, errors,
                (wait, retry) -> timer.schedule(retry, retryWaits.apply(wait).toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public URI baseUri() {
        return settings.baseUri();
    }

    /**
     * The API version this gateway speaks ({@value AnthropicWire#API_VERSION}), once a one-model page of
     * {@code GET /v1/models} has answered: the cheapest call that proves both the address and the key.
     */
    @Override
    public String version() throws ModelServerException {
        send(get("/v1/models?limit=1"), null);
        return AnthropicWire.API_VERSION;
    }

    /** Every model the key may use, following the pages of {@code GET /v1/models}, newest first as the API lists them. */
    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        List<LocalModel> models = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_MODEL_PAGES; page++) {
            String path = "/v1/models?limit=" + MODEL_PAGE
                    + (after == null ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            String body = send(get(path), null);
            AnthropicWire.ModelPage read;
            try {
                read = AnthropicWire.modelPage(body);
            } catch (IOException e) {
                throw errors.unreadable("/v1/models", e);
            }
            models.addAll(read.models());
            if (!read.hasMore() || read.lastId() == null) {
                break;
            }
            after = read.lastId();
        }
        return List.copyOf(models);
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        throw errors.unsupported("Anthropic does not describe a model's template or parameters — its models page in"
                + " the Anthropic docs says what '" + model + "' can do.");
    }

    @Override
    public void delete(String model) throws ModelServerException {
        throw errors.unsupported("Anthropic's models are hosted, so there is nothing to delete; pick another model"
                + " instead.");
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        ModelServerException refusal = errors.unsupported("Anthropic's models are hosted, so there is nothing to"
                + " download: use '" + model + "' directly.");
        return new PullCall() {
            @Override
            public CompletableFuture<Void> done() {
                return CompletableFuture.failedFuture(refusal);
            }

            @Override
            public void cancel() {
                // nothing runs
            }
        };
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        throw errors.unsupported("Anthropic has no embeddings endpoint — use a local embedding model (such as"
                + " Ollama's nomic-embed-text) for embeddings, and Anthropic for the answers.");
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        HttpRequest post;
        try {
            post = post(AnthropicWire.messagesBody(request, settings.defaultMaxTokens(), true),
                    settings.firstTokenTimeout());
        } catch (ModelServerException e) {
            MessageStream refused = new MessageStream(wiring, null, request.model(), listener);
            refused.fail(e);
            return refused;
        }
        MessageStream stream = new MessageStream(wiring, post, request.model(), listener);
        stream.start(watchdog);
        return stream;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        long start = System.nanoTime();
        String body = send(post(AnthropicWire.messagesBody(request, settings.defaultMaxTokens(), false),
                settings.requestTimeout()), request.model());
        AnthropicWire.Answer answer;
        try {
            answer = AnthropicWire.answer(body);
        } catch (IOException e) {
            throw errors.unreadable("/v1/messages", e);
        }
        return new GenerationResult(answer.text(), answer.thinking(),
                answer.model() == null ? request.model() : answer.model(),
                answer.stopReason() == null ? "end_turn" : answer.stopReason(), answer.usage(), Optional.empty(),
                Duration.ofNanos(System.nanoTime() - start), answer.toolCalls());
    }

    private HttpRequest get(String path) throws ModelServerException {
        return authorised(HttpRequest.newBuilder(settings.resolve(path)).timeout(settings.adminTimeout()).GET());
    }

    private HttpRequest post(byte[] json, Duration headersTimeout) throws ModelServerException {
        return authorised(HttpRequest.newBuilder(settings.resolve("/v1/messages"))
                .timeout(headersTimeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private HttpRequest authorised(HttpRequest.Builder builder) throws ModelServerException {
        String apiKey = key.value();
        if (apiKey == null) {
            throw errors.noKey();
        }
        try {
            builder.header("x-api-key", apiKey);
        } catch (IllegalArgumentException e) {
            // the client's message for a bad header value is dropped: it is about the key
            throw errors.malformedKey();
        }
        return builder.header("anthropic-version", AnthropicWire.API_VERSION)
                .header("accept", "application/json")
                .build();
    }

    /**
     * Sends a request and gives the body of its answer, sending it again after the server's wait while the refusal
     * may pass and retries are left.
     *
     * @param model the model the call is about, for a 404; null for calls about none
     */
    private String send(HttpRequest request, String model) throws ModelServerException {
        Duration timeout = request.timeout().orElse(settings.requestTimeout());
        for (int retries = 0; ; retries++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw errors.transport(e, timeout, "answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.transport(e, timeout, "answer");
            }
            int status = response.statusCode();
            if (status < 400) {
                return response.body();
            }
            Optional<Duration> wait = RetryPolicy.retryable(status, response.headers())
                    ? settings.retry().waitBefore(retries + 1, response.headers(), Instant.now()) : Optional.empty();
            if (wait.isEmpty()) {
                throw errors.status(status, response.body(), model, retries,
                        RetryPolicy.serverWait(response.headers(), Instant.now()));
            }
            pause(retryWaits.apply(wait.get()));
        }
    }

    private static void pause(Duration wait) throws ModelServerException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelServerException(ModelServerException.Kind.TIMEOUT, "The call to Anthropic was stopped while"
                    + " it waited to try again; run it again when you want the answer.", null, e);
        }
    }

    @Override
    public String toString() {
        return "AnthropicGateway[" + settings.baseUri() + "]";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.shutdownNow();
    }
}
