package dev.aiworkbench.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeOllamaRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Anthropic gateway against a fake that speaks the Messages API's wire format: streams, options, models. */
class AnthropicGatewayTest {
    private static final String KEY = "sk-ant-api03-test-key";
    private static final String MODEL = "claude-haiku-4-5";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeAnthropic fake;
    private AnthropicGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeAnthropic.start(KEY);
        gateway = new AnthropicGateway(AnthropicSettings.defaults(fake.baseUri()), () -> KEY);
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    private static GenerationRequest chat(String text) {
        return GenerationRequest.chat(MODEL, null, text, ModelOptions.DEFAULTS, OutputFormat.PLAIN);
    }

    @Test
    void streamsTheTextAsItComesWithInputTokensFromMessageStartAndOutputTokensFromMessageDelta() throws Exception {
        fake.answer(MODEL, "Hel", "lo", " world").inputTokens(17);
        List<String> pieces = new CopyOnWriteArrayList<>();

        GenerationResult result = gateway.stream(chat("Say hello"), pieces::add).await(WAIT);

        assertThat(pieces).containsExactly("Hel", "lo", " world");
        assertThat(result.text()).isEqualTo("Hello world");
        assertThat(result.model()).isEqualTo(MODEL);
        assertThat(result.doneReason()).isEqualTo("end_turn");
        assertThat(result.usage().promptTokens()).hasValue(17);
        assertThat(result.usage().outputTokens()).hasValue(3);
        assertThat(result.timeToFirstToken()).isPresent();
        assertThat(result.timeToFirstToken().get()).isLessThanOrEqualTo(result.total());
        FakeOllamaRequest sent = fake.lastRequest("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.json().get("stream").asBoolean()).isTrue();
    }

    @Test
    void theSystemPromptIsTopLevelAndTheOptionsAreMappedToTheApiNames() throws Exception {
        fake.answer(MODEL, "ok");
        ModelOptions options = new ModelOptions(0.2, 0.9, 40, 7, 64, 2048, List.of("END", "STOP"));
        GenerationRequest request = new GenerationRequest(GenerationRequest.Mode.CHAT, MODEL, "Be brief.",
                List.of(new ChatMessage(ChatMessage.Role.SYSTEM, "Answer in French."), ChatMessage.user("Hi"),
                        new ChatMessage(ChatMessage.Role.ASSISTANT, "Bonjour"), ChatMessage.user("Again")),
                null, options, OutputFormat.PLAIN);

        gateway.stream(request, delta -> { }).await(WAIT);

        JsonNode body = fake.lastRequest("/v1/messages").json();
        assertThat(body.get("system").asText()).isEqualTo("Be brief.\n\nAnswer in French.");
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(body.get("messages").get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("top_k").asInt()).isEqualTo(40);
        assertThat(body.get("stop_sequences")).hasSize(2);
        assertThat(body.get("stop_sequences").get(1).asText()).isEqualTo("STOP");
        assertThat(body.has("seed")).as("the API has no seed").isFalse();
        assertThat(body.has("num_ctx")).isFalse();
        assertThat(body.has("options")).isFalse();
    }

    @Test
    void maxTokensDefaultsWhenTheOptionsSetNoneAndJsonOutputIsAskedForInTheSystemPrompt() throws Exception {
        fake.answer(MODEL, "{}");
        GenerationRequest request = GenerationRequest.generate(MODEL, null, "Give me an object",
                new ModelOptions(null, null, null, null, -1, null, List.of()), OutputFormat.JSON);

        gateway.stream(request, delta -> { }).await(WAIT);

        JsonNode body = fake.lastRequest("/v1/messages").json();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(AnthropicSettings.DEFAULT_MAX_TOKENS);
        assertThat(body.get("system").asText()).isEqualTo(AnthropicWire.JSON_INSTRUCTION);
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("Give me an object");
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void aStreamCutByMaxTokensSaysSo() throws Exception {
        fake.answer(MODEL, "one", " two", " three");
        GenerationRequest request = GenerationRequest.chat(MODEL, null, "Count",
                new ModelOptions(null, null, null, null, 2, null, List.of()), OutputFormat.PLAIN);

        GenerationResult result = gateway.stream(request, delta -> { }).await(WAIT);

        assertThat(result.text()).isEqualTo("one two");
        assertThat(result.doneReason()).isEqualTo("max_tokens");
        assertThat(result.usage().outputTokens()).hasValue(2);
    }

    @Test
    void generateAsksForAWholeAnswer() throws Exception {
        fake.answer(MODEL, "All", " at", " once").inputTokens(9);

        GenerationResult result = gateway.generate(chat("Now"));

        assertThat(fake.lastRequest("/v1/messages").json().get("stream").asBoolean()).isFalse();
        assertThat(result.text()).isEqualTo("All at once");
        assertThat(result.doneReason()).isEqualTo("end_turn");
        assertThat(result.usage().promptTokens()).hasValue(9);
        assertThat(result.usage().outputTokens()).hasValue(3);
        assertThat(result.timeToFirstToken()).isEmpty();
    }

    @Test
    void cancelClosesTheConnectionAtOnceAndKeepsWhatArrived() throws Exception {
        fake.answer(MODEL, "tick").endlessStream();
        CountDownLatch first = new CountDownLatch(1);
        GenerationCall call = gateway.stream(chat("Go on forever"), delta -> first.countDown());
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();

        call.cancel();

        GenerationResult result = call.result().get(10, TimeUnit.SECONDS);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.text()).startsWith("tick");
        assertThat(fake.awaitClientDisconnect(WAIT)).as("the server saw the client go").isTrue();
        assertThat(fake.disconnects().get(0).path()).isEqualTo("/v1/messages");
    }

    @Test
    void aStreamThatStallsAfterItBeganFailsWithThePartialAnswerKept() throws Exception {
        fake.answer(MODEL, "Hel", "lo").tokenDelay(Duration.ofSeconds(20));
        try (AnthropicGateway impatient = new AnthropicGateway(AnthropicSettings.defaults(fake.baseUri())
                .withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(300), Duration.ofSeconds(10)), () -> KEY)) {
            GenerationFailedException failure = catchThrowableOfType(GenerationFailedException.class,
                    () -> impatient.stream(chat("Slowly"), delta -> { }).await(WAIT));

            assertThat(failure.partialText()).isEqualTo("Hel");
            assertThat(failure.getMessage()).contains("sent nothing more", "kept");
        }
        assertThat(fake.awaitClientDisconnect(WAIT)).as("the stalled stream was closed").isTrue();
    }

    @Test
    void anAnswerThatDoesNotStartInTimeIsATimeout() {
        fake.answer(MODEL, "late").firstTokenDelay(Duration.ofSeconds(20));
        try (AnthropicGateway impatient = new AnthropicGateway(AnthropicSettings.defaults(fake.baseUri())
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(10)), () -> KEY)) {
            ModelServerException failure = catchThrowableOfType(ModelServerException.class,
                    () -> impatient.stream(chat("Hello?"), delta -> { }).await(WAIT));

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure.getMessage()).contains("no answer within", "Try again");
        }
    }

    @Test
    void aConnectionDroppedMidAnswerKeepsThePartialAnswer() {
        fake.answer(MODEL, "Hel", "lo", " world").dropConnectionAfter(2);

        GenerationFailedException failure = catchThrowableOfType(GenerationFailedException.class,
                () -> gateway.stream(chat("Hi"), delta -> { }).await(WAIT));

        assertThat(failure.partialText()).isEqualTo("Hello");
        assertThat(failure.serverText()).isNull();
        assertThat(failure.getMessage()).contains("closed before the answer finished");
    }

    @Test
    void listModelsFollowsThePagesOfTheModelsEndpoint() throws Exception {
        for (String id : List.of("claude-a", "claude-b", "claude-c", "claude-d", "claude-e")) {
            fake.answer(id, "x");
        }
        fake.maxPageSize(2);

        List<LocalModel> models = gateway.listModels();

        assertThat(models).extracting(LocalModel::name)
                .containsExactly("claude-a", "claude-b", "claude-c", "claude-d", "claude-e");
        assertThat(models.get(0).modifiedAt()).isPresent();
        assertThat(fake.requests("/v1/models")).extracting(FakeOllamaRequest::query)
                .containsExactly("limit=1000", "limit=1000&after_id=claude-b", "limit=1000&after_id=claude-d");
    }

    @Test
    void versionIsTheApiVersionOnceAOneModelPageAnswers() throws Exception {
        fake.answer(MODEL, "x");

        assertThat(gateway.version()).isEqualTo("2023-06-01");
        assertThat(fake.lastRequest("/v1/models").query()).isEqualTo("limit=1");
    }

    @Test
    void whatAnthropicCannotDoIsASentenceWithTheNextStep() throws Exception {
        ModelServerException embed = catchThrowableOfType(ModelServerException.class,
                () -> gateway.embed(MODEL, List.of("text")));
        assertThat(embed.getMessage()).contains("no embeddings endpoint", "local embedding model");
        assertThat(embed.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThatThrownBy(() -> gateway.delete(MODEL)).isInstanceOf(ModelServerException.class)
                .hasMessageContaining("hosted");
        assertThatThrownBy(() -> gateway.pull(MODEL, progress -> { }).done().get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModelServerException.class).hasMessageContaining("nothing to download");
        assertThat(fake.requests("/v1/messages")).isEmpty();
    }

    @Test
    void aBaseUrlWithAPathKeepsIt() {
        AnthropicSettings settings = AnthropicSettings.defaults(java.net.URI.create("https://proxy.example/anthropic/"));

        assertThat(settings.resolve("/v1/messages").toString()).isEqualTo("https://proxy.example/anthropic/v1/messages");
        assertThat(AnthropicSettings.defaults().baseUri().toString()).isEqualTo("https://api.anthropic.com");
    }

    @Test
    void thinkingDeltasGoToTheThinkingListenerAndUnknownEventsAreSkipped() throws Exception {
        StringBuilder thinking = new StringBuilder();
        List<String> text = new ArrayList<>();
        StreamedAnswer answer = new StreamedAnswer(MODEL, new dev.aiworkbench.llm.TokenListener() {
            @Override
            public void onToken(String delta) {
                text.add(delta);
            }

            @Override
            public void onThinking(String delta) {
                thinking.append(delta);
            }
        }, System.nanoTime());

        answer.accept(new ServerSentEvents.Event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}"));
        answer.accept(new ServerSentEvents.Event("future_event", "{\"type\":\"future_event\"}"));
        answer.accept(new ServerSentEvents.Event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Yes\"}}"));
        StreamedAnswer.Step last = answer.accept(new ServerSentEvents.Event("message_stop", "{\"type\":\"message_stop\"}"));

        assertThat(last).isEqualTo(StreamedAnswer.Step.FINISHED);
        assertThat(thinking).hasToString("hmm");
        assertThat(text).containsExactly("Yes");
        assertThat(answer.finished().thinking()).isEqualTo("hmm");
    }
}
