package dev.aiworkbench.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.FakeToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool calls through the OpenAI-compatible gateway: tools out, delta.tool_calls fragments in, tool turns back. */
class OpenAiToolCallsTest {
    static final String MODEL = "gpt-4o-mini";
    static final String CHAT = "/v1/chat/completions";
    static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "The weather in a city now.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeOpenAi fake;
    private OpenAiGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
        gateway = new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    private static GenerationRequest weatherChat() {
        return GenerationRequest.chat(MODEL, null, "Weather in Paris and Oslo?", ModelOptions.DEFAULTS,
                OutputFormat.PLAIN).withTools(List.of(WEATHER));
    }

    @Test
    void theToolsGoOutAsChatCompletionsDocumentsThem() throws Exception {
        fake.answer(MODEL, "Hi");

        gateway.generate(weatherChat());

        assertThat(fake.lastRequest(CHAT).json().get("tools")).isEqualTo(JSON.readTree("""
                [{"type":"function","function":{"name":"get_weather","description":"The weather in a city now.",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]"""));
    }

    @Test
    void streamedFragmentsReachTheListenerInOrderAndAssembleIntoTheCalls() throws Exception {
        String paris = "{\"city\":\"Paris\"}";
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_weather", paris),
                new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        List<ToolCallDelta> deltas = new CopyOnWriteArrayList<>();

        GenerationResult result = gateway.stream(weatherChat(), listener(deltas)).await(Duration.ofSeconds(10));

        List<ToolCallDelta> first = deltas.stream().filter(d -> d.index() == 0).toList();
        assertThat(first.get(0).opensCall()).isTrue();
        assertThat(first.get(0).name()).isEqualTo("get_weather");
        assertThat(first.get(0).id()).startsWith("call_");
        assertThat(first.subList(1, first.size())).allSatisfy(d -> assertThat(d.opensCall()).isFalse())
                .extracting(ToolCallDelta::argumentsFragment).containsExactly("{\"cit", "y\":\"P", "aris\"", "}");
        assertThat(deltas.indexOf(first.get(first.size() - 1))).isLessThan(
                deltas.indexOf(deltas.stream().filter(d -> d.index() == 1).findFirst().orElseThrow()));
        assertThat(result.toolCalls()).extracting(ToolCall::name, ToolCall::argumentsJson).containsExactly(
                org.assertj.core.groups.Tuple.tuple("get_weather", paris),
                org.assertj.core.groups.Tuple.tuple("get_weather", "{\"city\":\"Oslo\"}"));
        assertThat(result.toolCalls().get(0).id()).isEqualTo(first.get(0).id());
        assertThat(result.doneReason()).isEqualTo("tool_calls");
        assertThat(result.text()).isEmpty();
    }

    @Test
    void argumentsThatAreNotJsonAreKeptAsTheModelWroteThem() throws Exception {
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_weather", "{city: Paris"));

        GenerationResult result = gateway.stream(weatherChat(), d -> { }).await(Duration.ofSeconds(10));

        assertThat(result.toolCalls()).singleElement().extracting(ToolCall::argumentsJson).isEqualTo("{city: Paris");
    }

    @Test
    void aWholeAnswerCarriesItsCallsWithTheirIds() throws Exception {
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"));

        GenerationResult result = gateway.generate(weatherChat());

        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).startsWith("call_");
            assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}");
        });
        assertThat(result.doneReason()).isEqualTo("tool_calls");
    }

    @Test
    void theModelsTurnGoesBackWithNullContentAndTheResultQuotesTheCallsId() throws Exception {
        ToolCall paris = new ToolCall("call_abc", "get_weather", "{\"city\":\"Paris\"}");
        fake.answer(MODEL, "Sunny.");

        GenerationResult result = gateway.generate(weatherChat().followedBy(List.of(
                ChatMessage.assistant("", List.of(paris)), ChatMessage.toolResult(paris, "18 C, sunny"))));

        assertThat(result.text()).isEqualTo("Sunny.");
        JsonNode messages = fake.lastRequest(CHAT).json().get("messages");
        assertThat(messages.get(1)).isEqualTo(JSON.readTree("""
                {"role":"assistant","content":null,"tool_calls":[{"id":"call_abc","type":"function",
                 "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}"""));
        assertThat(messages.get(2)).isEqualTo(JSON.readTree("""
                {"role":"tool","tool_call_id":"call_abc","content":"18 C, sunny"}"""));
    }

    @Test
    void cancelMidCallSettlesAtOnceAndClosesTheConnection() throws Exception {
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"));
        fake.tokenDelay(Duration.ofMillis(300));
        List<ToolCallDelta> deltas = new CopyOnWriteArrayList<>();
        GenerationCall call = gateway.stream(weatherChat(), listener(deltas));
        while (deltas.size() < 2) {
            Thread.sleep(5);
        }

        call.cancel();
        GenerationResult result = call.result().get(1, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void anIdleTimeoutStillStopsAStreamThatFallsSilentMidCall() {
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"));
        fake.tokenDelay(Duration.ofSeconds(5));
        try (OpenAiGateway impatient = new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(10)))) {
            GenerationCall call = impatient.stream(weatherChat(), d -> { });

            assertThat(call.result()).failsWithin(Duration.ofSeconds(3));
            assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        }
    }

    static TokenListener listener(List<ToolCallDelta> deltas) {
        return new TokenListener() {
            @Override
            public void onToken(String delta) {
            }

            @Override
            public void onToolCall(ToolCallDelta delta) {
                deltas.add(delta);
            }
        };
    }
}
