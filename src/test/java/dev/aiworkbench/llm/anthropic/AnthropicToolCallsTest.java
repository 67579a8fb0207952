package dev.aiworkbench.llm.anthropic;

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
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool calls through the Anthropic gateway: tools with input_schema, tool_use blocks in, tool_result blocks back. */
class AnthropicToolCallsTest {
    private static final String KEY = "sk-ant-api03-test-key";
    private static final String MODEL = "claude-haiku-4-5";
    private static final String MESSAGES = "/v1/messages";
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "The weather in a city now.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static GenerationRequest weatherChat() {
        return GenerationRequest.chat(MODEL, null, "Weather in Paris and Oslo?", ModelOptions.DEFAULTS,
                OutputFormat.PLAIN).withTools(List.of(WEATHER));
    }

    @Test
    void theToolsGoOutWithTheirSchemaAsInputSchema() throws Exception {
        fake.answer(MODEL, "Hi");

        gateway.generate(weatherChat());

        assertThat(fake.lastRequest(MESSAGES).json().get("tools")).isEqualTo(JSON.readTree("""
                [{"name":"get_weather","description":"The weather in a city now.",
                  "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]"""));
    }

    @Test
    void toolUseBlocksStreamTheirInputInFragmentsInOrderAfterTheText() throws Exception {
        String paris = "{\"city\":\"Paris\"}";
        fake.answer(MODEL, "Let me", " check.").toolCalls(MODEL, new FakeToolCall("get_weather", paris),
                new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        List<ToolCallDelta> deltas = new CopyOnWriteArrayList<>();

        GenerationResult result = gateway.stream(weatherChat(), listener(deltas)).await(Duration.ofSeconds(10));

        assertThat(deltas.get(0).opensCall()).isTrue();
        assertThat(deltas.get(0).index()).isZero();
        assertThat(deltas.get(0).id()).startsWith("toolu_");
        assertThat(deltas).extracting(ToolCallDelta::index).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(deltas.subList(1, 5)).extracting(ToolCallDelta::argumentsFragment)
                .containsExactly("{\"cit", "y\":\"P", "aris\"", "}");
        assertThat(result.text()).isEqualTo("Let me check.");
        assertThat(result.toolCalls()).extracting(ToolCall::argumentsJson)
                .containsExactly(paris, "{\"city\":\"Oslo\"}");
        assertThat(result.toolCalls().get(0).id()).isEqualTo(deltas.get(0).id());
        assertThat(result.doneReason()).isEqualTo("tool_use");
    }

    @Test
    void aCallWithNoInputHasEmptyArguments() throws Exception {
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_time", ""));

        GenerationResult result = gateway.stream(weatherChat(), d -> { }).await(Duration.ofSeconds(10));

        assertThat(result.toolCalls()).singleElement().extracting(ToolCall::argumentsJson).isEqualTo("{}");
    }

    @Test
    void aWholeAnswerCarriesItsToolUseBlocks() throws Exception {
        fake.answer(MODEL).toolCalls(MODEL, new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"));

        GenerationResult result = gateway.generate(weatherChat());

        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).startsWith("toolu_");
            assertThat(JSON.readTree(call.argumentsJson())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        });
        assertThat(result.doneReason()).isEqualTo("tool_use");
    }

    @Test
    void severalResultsGoBackAsOneUserTurnOfToolResultBlocksAfterTheModelsToolUseTurn() throws Exception {
        ToolCall paris = new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}");
        ToolCall oslo = new ToolCall("toolu_2", "get_weather", "{\"city\":\"Oslo\"}");
        fake.answer(MODEL, "Paris is warmer.");

        GenerationResult result = gateway.generate(weatherChat().followedBy(List.of(
                ChatMessage.assistant("Let me check.", List.of(paris, oslo)),
                ChatMessage.toolResult(paris, "18 C"), ChatMessage.toolResult(oslo, "4 C"))));

        assertThat(result.text()).isEqualTo("Paris is warmer.");
        JsonNode messages = fake.lastRequest(MESSAGES).json().get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1)).isEqualTo(JSON.readTree("""
                {"role":"assistant","content":[{"type":"text","text":"Let me check."},
                  {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                  {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Oslo"}}]}"""));
        assertThat(messages.get(2)).isEqualTo(JSON.readTree("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18 C"},
                  {"type":"tool_result","tool_use_id":"toolu_2","content":"4 C"}]}"""));
    }

    @Test
    void cancelMidInputSettlesAtOnceAndClosesTheConnection() throws Exception {
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
