package dev.aiworkbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;
import dev.aiworkbench.testing.FakeToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tool loop against the fake Ollama: a model that calls tools until their results have come back. */
class ToolLoopTest {
    private static final String MODEL = "llama3.2:latest";
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "The weather in a city.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");

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

    private static GenerationRequest question() {
        return GenerationRequest.chat(MODEL, null, "Paris or Oslo: which is warmer?", ModelOptions.DEFAULTS,
                OutputFormat.PLAIN).withTools(List.of(WEATHER));
    }

    /** Calls these tools until a request brings tool results, then answers with the results it was sent. */
    private void modelCallsOnceThenAnswers(FakeToolCall... calls) {
        fake.model(MODEL)
                .toolCallsWith(request -> request.toolTurns().isEmpty() ? List.of(calls) : List.of())
                .answerWith(request -> request.toolTurns().isEmpty() ? List.of()
                        : List.of("Results: " + request.toolTurns().stream().map(turn -> turn.path("content").asText())
                        .toList()));
    }

    @Test
    void everyCallOfATurnRunsInOrderAndTheirResultsGoBackTogether() throws Exception {
        modelCallsOnceThenAnswers(new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"),
                new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        List<String> ran = new CopyOnWriteArrayList<>();
        ToolLoop loop = new ToolLoop(gateway, Map.of("get_weather", arguments -> {
            ran.add(arguments);
            return arguments.contains("Paris") ? "18 C" : "4 C";
        }), 5);

        ToolLoop.Outcome outcome = loop.run(question());

        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.steps()).isEqualTo(2);
        assertThat(ran).containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Oslo\"}");
        assertThat(outcome.last().text()).isEqualTo("Results: [18 C, 4 C]");
        assertThat(outcome.turns()).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.ASSISTANT,
                ChatMessage.Role.TOOL, ChatMessage.Role.TOOL);
        List<FakeOllamaRequest> requests = fake.requests("/api/chat");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).toolTurns()).extracting(turn -> turn.path("tool_name").asText())
                .containsExactly("get_weather", "get_weather");
        assertThat(requests.get(1).toolNames()).containsExactly("get_weather");
    }

    @Test
    void aModelThatKeepsCallingStopsAtTheBudgetAndSaysWhy() throws Exception {
        fake.model(MODEL).answer().toolCalls(new FakeToolCall("get_weather", "{\"city\":\"Paris\"}"));
        ToolLoop loop = new ToolLoop(gateway, Map.of("get_weather", arguments -> "18 C"), 3);

        ToolLoop.Outcome outcome = loop.run(question());

        assertThat(outcome.stop()).isEqualTo(ToolLoop.Stop.BUDGET_SPENT);
        assertThat(outcome.steps()).isEqualTo(3);
        assertThat(outcome.reason()).contains("still calling tools after 3 calls").contains("raise the budget");
        assertThat(outcome.last().callsTools()).isTrue();
        assertThat(fake.requests("/api/chat")).hasSize(3);
    }

    @Test
    void anUnknownToolBecomesAResultNamingTheToolsThereAre() throws Exception {
        modelCallsOnceThenAnswers(new FakeToolCall("get_wether", "{\"city\":\"Paris\"}"));
        ToolLoop loop = new ToolLoop(gateway, Map.of("get_weather", arguments -> "18 C"), 5);

        ToolLoop.Outcome outcome = loop.run(question());

        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.turns().get(1).content())
                .isEqualTo("There is no tool named get_wether. The tools are: get_weather.");
    }

    @Test
    void aToolThatThrowsBecomesAResultWithItsReasonAndTheLoopGoesOn() throws Exception {
        modelCallsOnceThenAnswers(new FakeToolCall("get_weather", "{\"city\":\"Atlantis\"}"),
                new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        ToolLoop loop = new ToolLoop(gateway, Map.of("get_weather", arguments -> {
            if (arguments.contains("Atlantis")) {
                throw new IllegalArgumentException("no such city");
            }
            return "4 C";
        }), 5);

        ToolLoop.Outcome outcome = loop.run(question());

        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.turns()).extracting(ChatMessage::content)
                .containsExactly("", "The tool get_weather failed: no such city", "4 C");
        JsonNode sent = fake.requests("/api/chat").get(1).toolTurns().get(0);
        assertThat(sent.path("content").asText()).isEqualTo("The tool get_weather failed: no such city");
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        assertThatThrownBy(() -> new ToolLoop(gateway, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
