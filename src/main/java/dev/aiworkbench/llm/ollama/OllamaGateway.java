package dev.aiworkbench.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.aiworkbench.llm.ToolCall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The model gateway for Ollama. Every call goes through one shared JDK client here; Ollama4j 1.1.6's
 * models read the admin answers ({@link Ollama4jAdmin}). Chat, generate, pull and embed do not use
 * Ollama4j at all, because for those it loses mid-stream error text, cannot be stopped once the body
 * streams, times out only the headers, sends {@code stop} as a string, leaks a static role list per
 * chunk, reports no pull progress and gives embed no timeout.
 */
public final class OllamaGateway implements ModelGateway {
    /** The provider's name as call records and the GenAI conventions' {@code gen_ai.provider.name} give it. */
    public static final String PROVIDER = "ollama";
    private final OllamaSettings settings;
    private final OllamaErrors errors;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final StreamTimeouts<StreamingExchange<?>> watchdog;
    private final Ollama4jAdmin admin;

    public OllamaGateway(OllamaSettings settings) {
        this.settings = settings;
        this.errors = new OllamaErrors(settings.baseUri());
        this.client = HttpClients.forServer(settings.baseUri())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                // The client's I/O thread reads and handles each answer itself. Its default pool would
                // take every chunk of every answer to another thread and back; at the rates of an eval
                // run that hand-over cost more CPU than the reading. Nothing handled there blocks: the
                // lines are parsed and passed to listeners, and callers' dependents run elsewhere
                // (StreamingExchange.published).
                .executor(Runnable::run)
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ollama-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.watchdog = new StreamTimeouts<>(timer, "Ollama exchanges", StreamingExchange::checkTimeouts);
        this.admin = new Ollama4jAdmin(client, settings, errors);
    }

    @Override
    public URI baseUri() {
        return settings.baseUri();
    }

    @Override
    public String version() throws ModelServerException {
        return admin.version();
    }

    @Override
    public List<LocalModel> listModels() throws ModelServerException {
        return admin.listModels();
    }

    @Override
    public ModelDetails show(String model) throws ModelServerException {
        return admin.show(model);
    }

    @Override
    public void delete(String model) throws ModelServerException {
        admin.delete(model);
    }

    @Override
    public PullCall pull(String model, PullListener listener) {
        PullExchange exchange = new PullExchange(settings, errors, model, listener);
        exchange.start(client, post("/api/pull", OllamaWire.modelBody(model, true), settings.firstTokenTimeout()), watchdog);
        return exchange;
    }

    @Override
    public GenerationCall stream(GenerationRequest request, TokenListener listener) {
        GenerationExchange exchange = new GenerationExchange(settings, errors, request, listener);
        exchange.start(client, post(OllamaWire.path(request.mode()), OllamaWire.generationBody(request, true),
                settings.firstTokenTimeout()), watchdog);
        return exchange;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) throws ModelServerException {
        long start = System.nanoTime();
        OllamaWire.AnswerLine answer = send(post(OllamaWire.path(request.mode()), OllamaWire.generationBody(request, false),
                settings.requestTimeout()), request.model(), body -> OllamaWire.answerLine(request.mode(), body));
        if (answer.error() != null) {
            throw errors.failedMidStream(answer.error(), "");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (OllamaWire.WireCall call : answer.toolCalls()) {
            calls.add(call.numbered(calls.size()));
        }
        return new GenerationResult(answer.textPiece(), answer.thinkingPiece(), answer.modelOr(request.model()),
                answer.endReason(), answer.usage(), Optional.empty(),
                Duration.ofNanos(System.nanoTime() - start), calls);
    }

    @Override
    public Embeddings embed(String model, List<String> inputs) throws ModelServerException {
        JsonNode body = send(post("/api/embed", OllamaWire.embedBody(model, inputs), settings.requestTimeout()), model,
                OllamaWire.JSON::readTree);
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode embedding : body.path("embeddings")) {
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            vectors.add(vector);
        }
        return new Embeddings(body.path("model").asText(model), List.copyOf(vectors),
                OllamaWire.integer(body, "prompt_eval_count"));
    }

    private HttpRequest post(String path, byte[] json, Duration headersTimeout) {
        return HttpRequest.newBuilder(settings.baseUri().resolve(path))
                .timeout(headersTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
    }

    /** Reads a whole answer's text; {@code IOException} from the reader counts as a broken answer. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(String body) throws IOException;
    }

    private <T> T send(HttpRequest request, String model, BodyReader<T> reader) throws ModelServerException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 400) {
                throw errors.status(response.statusCode(), response.body(), model);
            }
            return reader.read(response.body());
        } catch (IOException e) {
            throw errors.transport(e, settings.requestTimeout(), "answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.transport(e, settings.requestTimeout(), "answer");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.shutdownNow();
    }
}
