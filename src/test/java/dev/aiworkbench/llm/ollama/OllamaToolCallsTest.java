package dev.aiworkbench.llm.ollama;

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
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool calls through the Ollama gateway against the fake's /api/chat: tools out, whole calls back, results out. */
class OllamaToolCallsTest {
    static final String MODEL = "llama3.2:latest";
    static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "The weather in a city now.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeOllama fake;
    private OllamaGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri())
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
    void theToolsGoOutAsOllamaDocumentsThem() throws Exception {
        fake.model(MODEL).answer("Hi");

        gateway.generate(weatherChat());

        JsonNode tools = fake.lastRequest("/api/chat").json().get("tools");
        assertThat(tools).isEqualTo(JSON.readTree("""
                [{"type":"function","function":{"name":"get_weather","description":"The weather in a city now.",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]"""));
    }

    @Test
    void aRequestWithoutToolsSendsNoToolsField() throws Exception {
        fake.model(MODEL).answer("Hi");

        gateway.generate(GenerationRequest.chat(MODEL, null, "hi", ModelOptions.DEFAULTS, OutputFormat.PLAIN));

        assertThat(fake.lastRequest("/api/chat").json().has("tools")).isFalse();
    }

    @Test
    void streamedCallsArriveWholeOneDeltaEachNumberedInOrder() throws Exception {
        fake.model(MODEL).answer().toolCalls(new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"),
                new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        List<ToolCallDelta> deltas = new CopyOnWriteArrayList<>();

        GenerationResult result = gateway.stream(weatherChat(), listener(deltas)).await(Duration.ofSeconds(10));

        assertThat(deltas).containsExactly(
                new ToolCallDelta(0, "call_0", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCallDelta(1, "call_1", "get_weather", "{\"city\":\"Oslo\"}"));
        assertThat(result.toolCalls()).containsExactly(
                new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"));
        assertThat(result.callsTools()).isTrue();
        assertThat(result.doneReason()).isEqualTo("stop");
        assertThat(result.timeToFirstToken()).isPresent();
    }

    @Test
    void aWholeAnswerCarriesItsCallsToo() throws Exception {
        fake.model(MODEL).answer("Checking.").toolCalls(new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"));

        GenerationResult result = gateway.generate(weatherChat());

        assertThat(result.text()).isEqualTo("Checking.");
        assertThat(result.toolCalls()).containsExactly(new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}"));
    }

    @Test
    void theModelsTurnAndTheResultsGoBackAsOllamaReadsThem() throws Exception {
        ToolCall paris = new ToolCall("call_0", "get_weather", "{\"city\":\"Paris\"}");
        fake.model(MODEL).answer("Sunny.");

        gateway.generate(weatherChat().followedBy(List.of(ChatMessage.assistant("", List.of(paris)),
                ChatMessage.toolResult(paris, "18 C, sunny"))));

        JsonNode messages = fake.lastRequest("/api/chat").json().get("messages");
        assertThat(messages.get(1)).isEqualTo(JSON.readTree("""
                {"role":"assistant","content":"",
                 "tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]}"""));
        assertThat(messages.get(2)).isEqualTo(JSON.readTree("""
                {"role":"tool","content":"18 C, sunny","tool_name":"get_weather"}"""));
    }

    @Test
    void argumentsThatAreNotJsonGoBackAsAnObjectTheServerTakes() throws Exception {
        ToolCall garbled = new ToolCall("call_0", "get_weather", "{city: Paris");
        fake.model(MODEL).answer("Sunny.");

        GenerationResult result = gateway.generate(weatherChat().followedBy(List.of(
                ChatMessage.assistant("", List.of(garbled)), ChatMessage.toolResult(garbled, "bad arguments"))));

        assertThat(result.text()).isEqualTo("Sunny.");
        assertThat(fake.lastRequest("/api/chat").json().at("/messages/1/tool_calls/0/function/arguments").isObject())
                .isTrue();
    }

    @Test
    void cancelBetweenTwoCallsSettlesAtOnceWithTheCallsSoFarAndClosesTheConnection() throws Exception {
        fake.model(MODEL).answer().toolCalls(new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"),
                new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        fake.tokenDelay(Duration.ofSeconds(5));
        List<ToolCallDelta> deltas = new CopyOnWriteArrayList<>();
        GenerationCall call = gateway.stream(weatherChat(), listener(deltas));
        while (deltas.isEmpty()) {
            Thread.sleep(5);
        }

        call.cancel();
        GenerationResult result = call.result().get(1, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.toolCalls()).extracting(ToolCall::id).containsExactly("call_0");
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
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
