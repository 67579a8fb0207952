package dev.aiworkbench.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.testing.FakeOllamaRequest;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.FakeOpenAiFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The OpenAI-compatible adapter against a fake server that speaks the Chat Completions wire format. */
class OpenAiGatewayTest {
    static final String MODEL = "gpt-4o-mini";
    static final String KEY = "sk-test-0123456789abcdefWXYZ";
    static final String CHAT = "/v1/chat/completions";

    private FakeOpenAi fake;
    private OpenAiGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
        fake.answer(MODEL, "The", " sky", " is", " blue", ".");
        fake.requireKey(KEY);
        gateway = new OpenAiGateway(settings(KEY));
    }

    private OpenAiSettings settings(String key) {
        return OpenAiSettings.defaults(fake.baseUri(), () -> key)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    static GenerationRequest chat(String text) {
        return GenerationRequest.chat(MODEL, "Answer briefly.", text, ModelOptions.DEFAULTS, OutputFormat.PLAIN);
    }

    private static GenerationResult await(GenerationCall call) throws Exception {
        return call.result().get(10, TimeUnit.SECONDS);
    }

    /** The failure of a streamed call, as its result reports it. */
    private ModelServerException streamFailure(OpenAiGateway on, GenerationRequest request) {
        Throwable failure = catchThrowable(() -> await(on.stream(request, d -> { })));
        assertThat(failure).as("the call should have failed").isNotNull();
        return (ModelServerException) failure.getCause();
    }

    @Test
    void aStreamedChatDeliversEveryPieceInOrderWithTheServersUsageAndTheTimeToFirstToken() throws Exception {
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        GenerationResult result = await(gateway.stream(chat("Why is the sky blue?"), pieces::add));

        assertThat(pieces).containsExactly("The", " sky", " is", " blue", ".");
        assertThat(result.text()).isEqualTo("The sky is blue.");
        assertThat(result.doneReason()).isEqualTo("stop");
        assertThat(result.model()).isEqualTo(MODEL);
        assertThat(result.usage().outputTokens()).hasValue(5);
        assertThat(result.usage().promptTokens()).isPresent();
        assertThat(result.usage().promptTokens().getAsInt()).isPositive();
        assertThat(result.timeToFirstToken()).isPresent();
        assertThat(result.timeToFirstToken().get()).isLessThanOrEqualTo(result.total());

        FakeOllamaRequest sent = fake.lastRequest(CHAT);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = sent.json();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Why is the sky blue?");
    }

    @Test
    void awaitGivesTheOutcomeOnTheCallingThreadAndAFailureAsItsException() throws Exception {
        assertThat(gateway.stream(chat("hi"), d -> { }).await(Duration.ofSeconds(10)).text())
                .isEqualTo("The sky is blue.");

        Throwable failure = catchThrowable(() -> gateway.stream(chat("hi").withModel("gpt-9"), d -> { })
                .await(Duration.ofSeconds(10)));
        assertThat(failure).isInstanceOf(ModelServerException.class);
        assertThat(((ModelServerException) failure).kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
    }

    @Test
    void whatACallerAttachesToAResultRunsOffTheClientsThread() throws Exception {
        List<String> listenerThreads = Collections.synchronizedList(new ArrayList<>());
        String dependent = gateway.stream(chat("hi"), d -> listenerThreads.add(Thread.currentThread().getName()))
                .result().thenApply(r -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

        assertThat(dependent).startsWith("openai-result-");
        assertThat(listenerThreads).doesNotContain(dependent);
    }

    @Test
    void aServerThatSendsNoUsageLeavesTheCountsUnknownNotZero() throws Exception {
        fake.ignoreIncludeUsage();

        GenerationResult result = await(gateway.stream(chat("hi"), d -> { }));

        assertThat(result.text()).isEqualTo("The sky is blue.");
        assertThat(result.usage().promptTokens()).isEmpty();
        assertThat(result.usage().outputTokens()).isEmpty();
    }

    @Test
    void aServerThatNeedsNoKeyGetsNoAuthorizationHeader() throws Exception {
        fake.requireKey(null);
        try (OpenAiGateway keyless = new OpenAiGateway(settings(null))) {
            assertThat(await(keyless.stream(chat("hi"), d -> { })).text()).isEqualTo("The sky is blue.");
        }
        assertThat(fake.lastRequest(CHAT).header("Authorization")).isNull();
    }

    @Test
    void optionsAreSentAsChatCompletionsNamesThem() throws Exception {
        ModelOptions options = new ModelOptions(0.2, 0.9, 40, 7, 64, 4096, List.of("\n\n", "END"));
        await(gateway.stream(GenerationRequest.chat(MODEL, null, "hi", options, OutputFormat.PLAIN), d -> { }));

        JsonNode body = fake.lastRequest(CHAT).json();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("top_k").asInt()).isEqualTo(40);
        assertThat(body.get("seed").asInt()).isEqualTo(7);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("stop")).hasSize(2);
        assertThat(body.get("stop").get(1).asText()).isEqualTo("END");
        assertThat(body.has("num_ctx")).isFalse();
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void jsonOutputAsksForAJsonObjectOrTheSchema() throws Exception {
        fake.answer(MODEL, "{\"colour\":", "\"blue\"}");
        GenerationResult json = await(gateway.stream(GenerationRequest.chat(MODEL, null,
                "Answer in JSON: the sky's colour?", ModelOptions.DEFAULTS, OutputFormat.JSON), d -> { }));
        assertThat(json.text()).isEqualTo("{\"colour\":\"blue\"}");
        assertThat(fake.lastRequest(CHAT).json().at("/response_format/type").asText()).isEqualTo("json_object");

        JsonNode schema = OpenAiRequests.JSON.readTree("{\"type\":\"object\",\"properties\":{\"colour\":{\"type\":"
                + "\"string\"}},\"required\":[\"colour\"]}");
        await(gateway.stream(GenerationRequest.chat(MODEL, null, "The sky's colour?", ModelOptions.DEFAULTS,
                new OutputFormat.JsonSchema(schema)), d -> { }));
        JsonNode format = fake.lastRequest(CHAT).json().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("answer");
        assertThat(format.at("/json_schema/schema")).isEqualTo(schema);
    }

    @Test
    void aRefusedRequestIsABadRequestInTheServersWords() {
        ModelServerException error = streamFailure(gateway, GenerationRequest.chat(MODEL, null, "The sky's colour?",
                ModelOptions.DEFAULTS, OutputFormat.JSON));

        assertThat(error.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(error.getMessage()).contains("refused the request (HTTP 400)")
                .contains("must contain the word 'json'").contains("change the options or the prompt");
    }

    @Test
    void aWholeAnswerCarriesTheTextAndTheUsage() throws Exception {
        GenerationResult result = gateway.generate(GenerationRequest.generate(MODEL, "Be brief.", "Sky colour?",
                ModelOptions.DEFAULTS, OutputFormat.PLAIN));

        assertThat(result.text()).isEqualTo("The sky is blue.");
        assertThat(result.usage().outputTokens()).hasValue(5);
        JsonNode body = fake.lastRequest(CHAT).json();
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Be brief.");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Sky colour?");
    }

    @Test
    void modelsVersionAndEmbeddingsComeFromTheirEndpoints() throws Exception {
        fake.answer("text-embedding-3-small");

        assertThat(gateway.listModels()).extracting(m -> m.name())
                .containsExactly(MODEL, "text-embedding-3-small");
        assertThat(gateway.version()).isEqualTo("OpenAI-compatible");
        var embeddings = gateway.embed("text-embedding-3-small", List.of("blue sky", "green grass"));
        assertThat(embeddings.vectors()).hasSize(2);
        assertThat(embeddings.vectors().get(0)).hasSize(8);
        assertThat(embeddings.promptTokens()).isPresent();
        assertThat(fake.lastRequest("/v1/embeddings").json().get("encoding_format").asText()).isEqualTo("float");
    }

    @Test
    void pullAndDeleteSayTheProviderManagesItsModels() {
        Throwable pull = catchThrowable(() -> gateway.pull(MODEL, p -> { }).done().get(1, TimeUnit.SECONDS));
        Throwable delete = catchThrowable(() -> gateway.delete(MODEL));

        assertThat(pull.getCause()).hasMessageContaining("managed by the provider, not the workbench");
        assertThat(delete).hasMessageContaining("managed by the provider, not the workbench");
    }

    @Test
    void aWrongKeyIsRefusedWithTheWordKeyAndWhereToFixIt() {
        try (OpenAiGateway wrong = new OpenAiGateway(settings("sk-wrong-key-000000000000"))) {
            ModelServerException error = streamFailure(wrong, chat("hi"));

            assertThat(error.kind()).isEqualTo(Kind.KEY_REJECTED);
            assertThat(error.getMessage()).isEqualTo("The key was refused by " + fake.baseUri()
                    + " (HTTP 401, invalid_api_key) — check OPENAI_API_KEY or Settings > Providers.");
            assertThat(error.transientFailure()).isFalse();
        }
    }

    @Test
    void noKeyWhereOneIsNeededSaysToSetOne() {
        try (OpenAiGateway keyless = new OpenAiGateway(settings(" "))) {
            ModelServerException error = catchThrowableOfType(keyless::listModels);

            assertThat(error.kind()).isEqualTo(Kind.KEY_REJECTED);
            assertThat(error.getMessage()).contains("wants a key and none is set").contains("OPENAI_API_KEY");
        }
    }

    @Test
    void aForbiddenCallAndAnExhaustedQuotaAreTheKeysToo() {
        fake.failNext(FakeOpenAiFailure.openAi(403, "invalid_request_error", "unsupported_country_region_territory",
                "Country, region, or territory not supported"));
        ModelServerException forbidden = streamFailure(gateway, chat("hi"));
        assertThat(forbidden.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(forbidden.getMessage()).contains("HTTP 403").contains("Country, region, or territory not supported")
                .contains("OPENAI_API_KEY");

        fake.clearRequests();
        fake.failNext(FakeOpenAiFailure.openAi(429, "insufficient_quota", "insufficient_quota", "You exceeded your"
                + " current quota, please check your plan and billing details."));
        ModelServerException quota = streamFailure(gateway, chat("hi"));
        assertThat(quota.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(quota.getMessage()).contains("no quota left").contains("key");
        assertThat(fake.requests()).as("an exhausted quota is not tried again").hasSize(1);
    }

    @Test
    void anUnknownModelSaysWhichAndWhereToLook() {
        ModelServerException error = streamFailure(gateway, chat("hi").withModel("gpt-9"));

        assertThat(error.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(error.getMessage()).contains("'gpt-9' is not served at " + fake.baseUri())
                .contains("does not exist").contains("workbench models list");
    }

    @Test
    void aBaseUrlWithoutTheApiRootSaysToCheckIt() {
        URI root = URI.create(fake.baseUri().toString().replace("/v1", ""));
        try (OpenAiGateway misplaced = new OpenAiGateway(OpenAiSettings.defaults(root, () -> KEY))) {
            ModelServerException error = streamFailure(misplaced, chat("hi"));

            assertThat(error.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(error.getMessage()).contains("HTTP 404").contains("usually ends in /v1");
        }
    }

    @Test
    void nothingListeningIsUnreachableWithTheFix() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (OpenAiGateway nowhere = new OpenAiGateway(OpenAiSettings.defaults(
                URI.create("http://127.0.0.1:" + port + "/v1"), () -> KEY))) {
            ModelServerException streamed = streamFailure(nowhere, chat("hi"));
            ModelServerException listed = catchThrowableOfType(nowhere::listModels);

            assertThat(streamed.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(streamed.getMessage()).contains("Nothing answers at http://127.0.0.1:" + port + "/v1")
                    .contains("OPENAI_BASE_URL");
            assertThat(listed.kind()).isEqualTo(Kind.UNREACHABLE);
        }
    }

    @Test
    void aMidStreamErrorKeepsThePartialAnswerAndTheServersWords() {
        fake.midStreamError(2, "The server had an error while processing your request.");

        GenerationFailedException error = (GenerationFailedException) streamFailure(gateway, chat("hi"));

        assertThat(error.partialText()).isEqualTo("The sky");
        assertThat(error.getMessage()).contains("failed while answering: The server had an error")
                .contains("part of the answer that arrived is kept");
    }

    @Test
    void aStreamCutMidAnswerKeepsThePartialAnswer() {
        fake.dropConnectionAfter(3);

        GenerationFailedException error = (GenerationFailedException) streamFailure(gateway, chat("hi"));

        assertThat(error.partialText()).isEqualTo("The sky is");
        assertThat(error.getMessage()).contains("closed before the answer finished");
    }

    @Test
    void cancelSettlesAtOnceAndClosesTheConnection() throws Exception {
        fake.endlessStream();
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        GenerationCall call = gateway.stream(chat("go on forever"), pieces::add);
        while (pieces.size() < 3) {
            Thread.sleep(5);
        }

        long stopped = System.nanoTime();
        call.cancel();
        GenerationResult result = call.result().get(1, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofMillis(200));
        assertThat(result.cancelled()).isTrue();
        assertThat(result.text()).startsWith("The sky");
        assertThat(result.usage().outputTokens()).isEmpty();
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        assertThat(fake.disconnects().get(0).path()).isEqualTo(CHAT);
    }

    @Test
    void aStreamSilentForLongerThanTheIdleTimeoutFailsAndClosesTheConnection() {
        fake.tokenDelay(Duration.ofSeconds(5));
        try (OpenAiGateway impatient = new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> KEY)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(10)))) {
            long started = System.nanoTime();
            ModelServerException error = streamFailure(impatient, chat("hi"));

            assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(error.getMessage()).contains("gave no further output within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void aFirstTokenSlowerThanTheTimeoutFails() {
        fake.firstTokenDelay(Duration.ofSeconds(5));
        try (OpenAiGateway impatient = new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> KEY)
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
            ModelServerException error = streamFailure(impatient, chat("hi"));

            assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(error.getMessage()).contains("within 300 ms");
            assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        }
    }

    static ModelServerException catchThrowableOfType(ThrowingCall call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(ModelServerException.class);
        return (ModelServerException) thrown;
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
