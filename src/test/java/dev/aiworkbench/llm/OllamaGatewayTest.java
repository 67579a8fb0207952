package dev.aiworkbench.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import io.github.ollama4j.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The Ollama adapter against a fake server that speaks Ollama's wire format byte for byte. */
class OllamaGatewayTest {
    private static final String MODEL = "llama3.2:latest";

    private FakeOllama fake;
    private OllamaGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        fake.model(MODEL).answer("The", " sky", " is", " blue", ".");
        gateway = gateway(Duration.ofSeconds(5));
    }

    private OllamaGateway gateway(Duration firstToken) {
        return new OllamaGateway(OllamaSettings.defaults(fake.baseUri())
                .withTimeouts(firstToken, Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    private static GenerationRequest chat(String text) {
        return GenerationRequest.chat(MODEL, "Answer briefly.", text, ModelOptions.DEFAULTS, OutputFormat.PLAIN);
    }

    private static GenerationResult await(GenerationCall call) throws Exception {
        return call.result().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStreamedChatDeliversEveryPieceInOrderWithTheServersCounts() throws Exception {
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        GenerationResult result = await(gateway.stream(chat("Why is the sky blue?"), pieces::add));

        assertThat(pieces).containsExactly("The", " sky", " is", " blue", ".");
        assertThat(result.text()).isEqualTo("The sky is blue.");
        assertThat(result.doneReason()).isEqualTo("stop");
        assertThat(result.usage().outputTokens()).hasValue(5);
        assertThat(result.usage().promptTokens()).isPresent();
        assertThat(result.usage().evalDurationNanos()).hasValue(5 * 20_000_000L);
        assertThat(result.usage().tokensPerSecond().getAsDouble()).isEqualTo(50.0);
        assertThat(result.timeToFirstToken()).isPresent();
        assertThat(result.total()).isGreaterThanOrEqualTo(result.timeToFirstToken().get());

        JsonNode sent = fake.lastRequest("/api/chat").json();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("Why is the sky blue?");
    }

    @Test
    void aStreamedCompletionReadsTheResponseField() throws Exception {
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        GenerationRequest request = GenerationRequest.generate(MODEL, "Be terse.", "Sky colour?", ModelOptions.DEFAULTS,
                OutputFormat.PLAIN);

        GenerationResult result = await(gateway.stream(request, pieces::add));

        assertThat(String.join("", pieces)).isEqualTo("The sky is blue.");
        assertThat(result.text()).isEqualTo("The sky is blue.");
        assertThat(fake.lastRequest("/api/generate").json().path("system").asText()).isEqualTo("Be terse.");
    }

    @Test
    void nonStreamedChatAndCompletionReturnTheWholeAnswer() throws Exception {
        GenerationResult chat = gateway.generate(chat("hi"));
        GenerationResult completion = gateway.generate(GenerationRequest.generate(MODEL, null, "hi",
                ModelOptions.DEFAULTS, OutputFormat.PLAIN));

        assertThat(chat.text()).isEqualTo("The sky is blue.");
        assertThat(chat.usage().outputTokens()).hasValue(5);
        assertThat(chat.timeToFirstToken()).isEmpty();
        assertThat(completion.text()).isEqualTo("The sky is blue.");
        assertThat(fake.lastRequest("/api/chat").json().path("stream").asBoolean()).isFalse();
    }

    @Test
    void optionsAreSentAsOllamaExpectsThemWithStopAsAnArray() throws Exception {
        ModelOptions options = new ModelOptions(0.2, 0.9, 40, 7, 64, 2048, List.of("\n\n", "END"));
        await(gateway.stream(GenerationRequest.chat(MODEL, null, "hi", options, OutputFormat.JSON), d -> { }));

        JsonNode sent = fake.lastRequest("/api/chat").json();
        assertThat(sent.path("options").path("stop").isArray()).isTrue();
        assertThat(sent.path("options").path("stop").get(1).asText()).isEqualTo("END");
        assertThat(sent.path("options").path("seed").asInt()).isEqualTo(7);
        assertThat(sent.path("options").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("format").asText()).isEqualTo("json");
    }

    @Test
    void aCountTheServerLeavesOutIsUnknownNotZero() throws Exception {
        fake.omit("prompt_eval_count", "eval_duration");

        GenerationResult result = await(gateway.stream(chat("hi"), d -> { }));

        assertThat(result.usage().promptTokens()).isEmpty();
        assertThat(result.usage().outputTokens()).hasValue(5);
        assertThat(result.usage().tokensPerSecond()).isEmpty();
    }

    @Test
    void anUnknownModelSaysWhichAndHowToGetIt() {
        Throwable failure = catchThrowable(() -> await(gateway.stream(chat("hi").withModel("nope:latest"), d -> { })));

        ModelServerException error = (ModelServerException) failure.getCause();
        assertThat(error.kind()).isEqualTo(ModelServerException.Kind.MODEL_NOT_FOUND);
        assertThat(error.serverText()).isEqualTo("model 'nope:latest' not found");
        assertThat(error.getMessage()).contains("ollama pull nope:latest");
        assertThatThrownBy(() -> gateway.generate(chat("hi").withModel("nope:latest")))
                .isInstanceOf(ModelServerException.class).hasMessageContaining("is not on the Ollama server");
    }

    @Test
    void aBusyServerIsReportedWithItsOwnWords() {
        fake.status(503, "server busy, please try again.  maximum pending requests exceeded");

        Throwable failure = catchThrowable(() -> await(gateway.stream(chat("hi"), d -> { })));

        ModelServerException error = (ModelServerException) failure.getCause();
        assertThat(error.kind()).isEqualTo(ModelServerException.Kind.BUSY);
        assertThat(error.getMessage()).contains("maximum pending requests exceeded");
        assertThat(error.transientFailure()).isTrue();
    }

    @Test
    void aMidStreamErrorReachesTheCallerWithTheServersTextAndThePartialAnswer() {
        fake.midStreamError(3, "an error was encountered while running the model");
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        Throwable failure = catchThrowable(() -> await(gateway.stream(chat("hi"), pieces::add)));

        assertThat(failure).isInstanceOf(ExecutionException.class);
        GenerationFailedException error = (GenerationFailedException) failure.getCause();
        assertThat(error.serverText()).isEqualTo("an error was encountered while running the model");
        assertThat(error.getMessage()).contains("an error was encountered while running the model");
        assertThat(error.partialText()).isEqualTo("The sky is");
        assertThat(String.join("", pieces)).isEqualTo("The sky is");
    }

    @Test
    void awaitGivesTheSameOutcomeOnTheCallingThread() throws Exception {
        GenerationCall call = gateway.stream(chat("Why is the sky blue?"), d -> { });
        GenerationResult awaited = call.await(Duration.ofSeconds(10));
        assertThat(awaited).isSameAs(await(call));

        fake.midStreamError(3, "an error was encountered while running the model");
        Throwable failure = catchThrowable(() -> gateway.stream(chat("hi"), d -> { }).await(Duration.ofSeconds(10)));
        assertThat(failure).isInstanceOf(GenerationFailedException.class);
        assertThat(((GenerationFailedException) failure).partialText()).isEqualTo("The sky is");
    }

    @Test
    void awaitGivesUpAtItsTimeoutAndTheCallGoesOnUntilCancelled() throws Exception {
        fake.tokenDelay(Duration.ofMillis(200));
        GenerationCall call = gateway.stream(chat("hi"), d -> { });

        assertThatThrownBy(() -> call.await(Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);
        assertThat(call.result()).isNotDone();
        call.cancel();
        assertThat(call.await(Duration.ofSeconds(1)).cancelled()).isTrue();
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aDroppedConnectionKeepsThePartialAnswer() {
        fake.dropConnectionAfter(2);

        Throwable failure = catchThrowable(() -> await(gateway.stream(chat("hi"), d -> { })));

        GenerationFailedException error = (GenerationFailedException) failure.getCause();
        assertThat(error.partialText()).isEqualTo("The sky");
        assertThat(error.getMessage()).contains("closed before the answer finished");
    }

    @Test
    void aFirstTokenSlowerThanTheTimeoutFailsWithATimeoutAndClosesTheConnection() {
        fake.firstTokenDelay(Duration.ofSeconds(3));
        try (OllamaGateway impatient = gateway(Duration.ofMillis(300))) {
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> await(impatient.stream(chat("hi"), d -> { })));

            ModelServerException error = (ModelServerException) failure.getCause();
            assertThat(error.kind()).isEqualTo(ModelServerException.Kind.TIMEOUT);
            assertThat(error.getMessage()).contains("within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void stopEndsTheStreamWithinTwoHundredMillisecondsAndClosesTheConnection() throws Exception {
        fake.endlessStream();
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        GenerationCall call = gateway.stream(chat("go on forever"), pieces::add);
        assertThat(fake.awaitStreamsInFlight(1, Duration.ofSeconds(5))).isTrue();
        while (pieces.size() < 3) {
            Thread.sleep(5);
        }

        long stopped = System.nanoTime();
        call.cancel();
        GenerationResult result = call.result().get(1, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - stopped);

        assertThat(took).isLessThan(Duration.ofMillis(200));
        assertThat(result.cancelled()).isTrue();
        assertThat(result.text()).startsWith("The sky");
        assertThat(result.usage().outputTokens()).isEmpty();
        assertThat(fake.awaitClientDisconnect(Duration.ofMillis(200))).isTrue();
        assertThat(fake.awaitNoStreamInFlight(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void twoStreamsAtOnceEachGetTheirOwnAnswer() throws Exception {
        fake.model("qwen2.5:0.5b").answer("Bonjour", " !");
        fake.tokenDelay(Duration.ofMillis(30));
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());

        GenerationCall a = gateway.stream(chat("one"), first::add);
        GenerationCall b = gateway.stream(chat("two").withModel("qwen2.5:0.5b"), second::add);
        GenerationResult ra = await(a);
        GenerationResult rb = await(b);

        assertThat(fake.maxStreamsInFlight()).isEqualTo(2);
        assertThat(ra.text()).isEqualTo("The sky is blue.");
        assertThat(rb.text()).isEqualTo("Bonjour !");
        assertThat(String.join("", first)).isEqualTo(ra.text());
        assertThat(String.join("", second)).isEqualTo(rb.text());
    }

    @Test
    void whatACallerAttachesToAResultRunsOffTheClientsThreadSoItCanBlockOrCallAgain() throws Exception {
        // The client reads every answer on one I/O thread. A dependent that waited there would stall the
        // other streams, and one that called the gateway again would wait for that thread forever.
        // The answer is paced so the dependent is attached while the stream still runs: attached to a future
        // that is already done, it would run at once on the test's own thread.
        fake.tokenDelay(Duration.ofMillis(30));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> nested = gateway.stream(chat("first"), piece -> { }).result().thenApply(first -> {
            try {
                release.await(5, TimeUnit.SECONDS);
                return first.text() + " / " + gateway.generate(chat("again")).text();
            } catch (ModelServerException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });

        GenerationResult other = await(gateway.stream(chat("second"), piece -> { }));
        assertThat(other.text()).as("a stream while the first's dependent waits").isEqualTo("The sky is blue.");
        assertThat(nested).isNotDone();
        release.countDown();
        assertThat(nested.get(5, TimeUnit.SECONDS)).isEqualTo("The sky is blue. / The sky is blue.");
    }

    @Test
    void aPullReportsEachLayersBytesAndFinishes() throws Exception {
        fake.pullScript("qwen2.5:0.5b").layers(1_000_000, 2_000).steps(4);
        PullBoard board = new PullBoard();
        List<PullProgress> lines = Collections.synchronizedList(new ArrayList<>());

        PullCall call = gateway.pull("qwen2.5:0.5b", progress -> {
            lines.add(progress);
            board.accept(progress);
        });
        call.done().get(10, TimeUnit.SECONDS);

        assertThat(lines.get(0).status()).isEqualTo("pulling manifest");
        assertThat(lines.get(lines.size() - 1).status()).isEqualTo("success");
        assertThat(board.layers()).hasSize(2);
        assertThat(board.layers()).allSatisfy(layer -> assertThat(layer.completed()).isEqualTo(layer.total()));
        assertThat(board.fraction()).hasValue(1.0);
        assertThat(lines).anySatisfy(line -> assertThat(line.completed()).isEmpty());
        assertThat(gateway.listModels()).extracting(LocalModel::name).contains("qwen2.5:0.5b");
    }

    @Test
    void aFailingPullSaysWhy() {
        fake.pullScript("nonsense:latest").manifestError("pull model manifest: file does not exist");

        Throwable failure = catchThrowable(() -> gateway.pull("nonsense:latest", p -> { }).done().get(5, TimeUnit.SECONDS));

        ModelServerException error = (ModelServerException) failure.getCause();
        assertThat(error.serverText()).isEqualTo("pull model manifest: file does not exist");
        assertThat(error.getMessage()).contains("Pulling 'nonsense:latest' failed");
    }

    @Test
    void aPullCanBeCancelledAndTheConnectionCloses() throws Exception {
        fake.pullScript("big:latest").layers(5_000_000_000L).steps(1000).stepDelay(Duration.ofMillis(20));
        List<PullProgress> lines = Collections.synchronizedList(new ArrayList<>());
        PullCall call = gateway.pull("big:latest", lines::add);
        while (lines.size() < 3) {
            Thread.sleep(5);
        }

        call.cancel();

        assertThatThrownBy(() -> call.done().get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void adminCallsReadEveryFieldOfTheServersAnswers() throws Exception {
        fake.model(MODEL).family("llama").parameterSize("3.2B").quantization("Q4_K_M").size(2_019_393_189L)
                .digest("4bd0c2d2".repeat(8)).modifiedAt(java.time.OffsetDateTime.parse("2025-05-05T02:37:44.706015396+02:00"))
                .template("{{ .Prompt }}").capabilities("completion", "tools");

        assertThat(gateway.version()).isEqualTo("0.32.15");
        LocalModel model = gateway.listModels().get(0);
        assertThat(model.name()).isEqualTo(MODEL);
        assertThat(model.family()).contains("llama");
        assertThat(model.parameterSize()).contains("3.2B");
        assertThat(model.quantization()).contains("Q4_K_M");
        assertThat(model.sizeBytes()).isEqualTo(2_019_393_189L);
        assertThat(model.digest()).isEqualTo("4bd0c2d2".repeat(8));
        assertThat(model.modifiedAt()).contains(Instant.parse("2025-05-05T00:37:44.706015396Z"));
        ModelDetails details = gateway.show(MODEL);
        assertThat(details.template()).isEqualTo("{{ .Prompt }}");
        assertThat(details.capabilities()).containsExactly("completion", "tools");
        gateway.delete(MODEL);
        assertThat(gateway.listModels()).isEmpty();
    }

    @Test
    void adminErrorsAreClassifiedByStatusWhateverTheirWords() {
        fake.status(404, "no such thing here").on("/api/show");
        assertThat(kindOf(() -> gateway.show(MODEL))).isEqualTo(ModelServerException.Kind.MODEL_NOT_FOUND);
        fake.status(500, "model '" + MODEL + "' not found").on("/api/show");
        assertThat(kindOf(() -> gateway.show(MODEL))).isEqualTo(ModelServerException.Kind.SERVER_ERROR);
        fake.status(503, FakeOllama.SERVER_BUSY).on("/api/tags");
        assertThat(kindOf(gateway::listModels)).isEqualTo(ModelServerException.Kind.BUSY);
        fake.status(400, "model not found").on("/api/delete");
        assertThat(kindOf(() -> gateway.delete(MODEL))).isEqualTo(ModelServerException.Kind.BAD_REQUEST);
        fake.status(404, "404 page not found").on("/api/version");
        assertThat(kindOf(gateway::version)).isEqualTo(ModelServerException.Kind.SERVER_ERROR);
        // a model that is already gone is deleted, whatever the server's words for it
        fake.status(404, "gone").on("/api/delete");
        assertThat(kindOf(() -> gateway.delete(MODEL))).isNull();
    }

    @Test
    void aNotFoundOnACallAboutNoModelSaysToCheckTheAddress() {
        fake.status(404, "404 page not found").on("/api/version");

        assertThatThrownBy(gateway::version).isInstanceOf(ModelServerException.class)
                .hasMessageContaining("HTTP 404: 404 page not found")
                .hasMessageContaining("check that the address in Settings or OLLAMA_HOST is an Ollama server's");
    }

    @Test
    void adminAnswersWithFieldsNewerThanOllama4jAreReadWithoutChangingOllama4jsSharedMapper() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/version", exchange -> answer(exchange, "{\"version\": \"9.9.9\", \"build\": \"x\"}"));
        server.createContext("/api/tags", exchange -> answer(exchange, "{\"models\": [{\"name\": \"a:latest\", "
                + "\"size\": 1, \"digest\": \"d\", \"modified_at\": \"2025-05-05T00:37:44.706015396Z\"}], "
                + "\"next_page\": null}"));
        server.start();
        try (OllamaGateway newer = new OllamaGateway(OllamaSettings.defaults(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort())))) {
            assertThat(newer.version()).isEqualTo("9.9.9");
            assertThat(newer.listModels()).containsExactly(new LocalModel("a:latest", Optional.empty(), Optional.empty(),
                    Optional.empty(), 1, "d", Optional.of(Instant.parse("2025-05-05T00:37:44.706015396Z"))));
        } finally {
            server.stop(0);
        }
        assertThat(Utils.getObjectMapper().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
    }

    private static void answer(HttpExchange exchange, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @FunctionalInterface
    private interface AdminCall {
        void run() throws ModelServerException;
    }

    /** The kind of the call's failure, or null when it succeeded. */
    private static ModelServerException.Kind kindOf(AdminCall call) {
        try {
            call.run();
            return null;
        } catch (ModelServerException e) {
            return e.kind();
        }
    }

    @Test
    void embeddingsComeBackOnePerInputInOrder() throws Exception {
        fake.embeddingModel("all-minilm:latest");

        Embeddings embeddings = gateway.embed("all-minilm:latest", List.of("blue sky", "red sea"));

        assertThat(embeddings.vectors()).hasSize(2);
        assertThat(embeddings.vectors().get(0)).hasSize(384);
        assertThat(embeddings.vectors().get(0)[0]).isEqualTo(FakeOllama.embeddingFor("blue sky", 384)[0]);
        assertThat(embeddings.promptTokens()).isPresent();
    }

    @Test
    void nothingListeningIsUnreachableWithTheFix() {
        try (OllamaGateway nowhere = new OllamaGateway(OllamaSettings.defaults(URI.create("http://127.0.0.1:1")))) {
            assertThatThrownBy(nowhere::version).isInstanceOf(ModelServerException.class)
                    .hasMessageContaining("Ollama is not running at http://127.0.0.1:1")
                    .hasMessageContaining("ollama serve");
            Throwable streamed = catchThrowable(() -> nowhere.stream(chat("hi"), d -> { }).result().get(5, TimeUnit.SECONDS));
            assertThat(((ModelServerException) streamed.getCause()).kind()).isEqualTo(ModelServerException.Kind.UNREACHABLE);
        }
    }
}
