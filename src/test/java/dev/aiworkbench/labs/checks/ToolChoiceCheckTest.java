package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool-choice check against the fake Ollama, with definitions a command in the workspace prints. */
class ToolChoiceCheckTest {
    private static final String MODEL = "qwen2.5:1.5b";
    private static final String QUESTION = "Is the pod checkout-7d9f in the shop namespace healthy?";
    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "get_pod_status",
              "description": "Current status of one Kubernetes pod.",
              "parameters": {"type": "object", "properties": {"namespace": {"type": "string"},
                             "pod": {"type": "string"}}, "required": ["namespace", "pod"]}}},
             {"type": "function", "function": {"name": "search_runbooks", "description": "Search the runbooks.",
              "parameters": {"type": "object", "properties": {"query": {"type": "string"}}}}}]
            """;
    private static final List<String> PRINT_TOOLS = List.of("python3", "-c",
            "import sys; sys.stdout.write(open('tools.json').read())");

    @TempDir
    Path workspace;

    private FakeOllama fake;
    private ModelGateway gateway;
    private CheckEngine engine;

    @BeforeEach
    void start() throws IOException {
        fake = FakeOllama.start();
        gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
        engine = new CheckEngine();
        Files.writeString(workspace.resolve("tools.json"), TOOLS);
    }

    @AfterEach
    void stop() {
        engine.close();
        gateway.close();
        fake.close();
    }

    private CheckResult run(List<String> command) {
        Map<String, JsonNode> arguments = new LinkedHashMap<>();
        arguments.put("$.namespace", TextNode.valueOf("shop"));
        arguments.put("$.pod", TextNode.valueOf("checkout-7d9f"));
        CheckSpec.ToolChoice spec = new CheckSpec.ToolChoice("steer", "The descriptions steer the model",
                Duration.ofSeconds(30), "Improve the descriptions.", command, MODEL, null, QUESTION, "get_pod_status",
                arguments);
        return engine.run(spec, CheckContext.of(workspace).withEndpoints(Specs.ollama(fake.baseUri()))
                .withModels(() -> gateway));
    }

    @Test
    void theRightToolWithTheRightArgumentsPassesAndTheModelWasOfferedTheDefinitions() {
        fake.model(MODEL).answer().toolCalls(new FakeToolCall("get_pod_status",
                "{\"namespace\":\"shop\",\"pod\":\"checkout-7d9f\"}"));

        CheckResult result = run(PRINT_TOOLS);

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).contains("called get_pod_status with {\"namespace\":\"shop\"");
        assertThat(fake.lastRequest("/api/chat").toolNames()).containsExactly("get_pod_status", "search_runbooks");
        assertThat(fake.lastRequest("/api/chat").json().at("/messages/0/content").asText()).isEqualTo(QUESTION);
    }

    @Test
    void anotherToolFailsNamingWhatTheModelCalledAndTheHint() {
        fake.model(MODEL).answer().toolCalls(new FakeToolCall("search_runbooks", "{\"query\":\"checkout\"}"));

        CheckResult result = run(PRINT_TOOLS);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("called search_runbooks {\"query\":\"checkout\"} instead of"
                + " get_pod_status").contains("Improve the descriptions.");
    }

    @Test
    void noCallFailsQuotingTheAnswer() {
        fake.model(MODEL).answer("The pod", " looks fine.");

        CheckResult result = run(PRINT_TOOLS);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("answered without calling a tool: \"The pod looks fine.\"");
    }

    @Test
    void theRightToolWithWrongArgumentsFailsSayingWhichValue() {
        fake.model(MODEL).answer().toolCalls(new FakeToolCall("get_pod_status",
                "{\"namespace\":\"default\",\"pod\":\"checkout-7d9f\"}"));

        CheckResult result = run(PRINT_TOOLS);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("$.namespace is \"default\", expected \"shop\"")
                .doesNotContain("$.pod is");
    }

    @Test
    void definitionsThatAreNotAJsonArrayFailWithWhereTheProblemIs() {
        CheckResult result = run(List.of("python3", "-c", "print('registering tools...')"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("to print a JSON array of tool definitions, but the definitions the"
                + " command printed:1:").contains("JSON syntax error");
        assertThat(fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void aCommandThatFailsFailsWithItsOutput() {
        CheckResult result = run(List.of("python3", "-c", "raise NotImplementedError('schemas() is not written')"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("exited with 1").contains("schemas() is not written");
    }

    @Test
    void definitionsWithoutTheExpectedToolFailBeforeAskingTheModel() throws IOException {
        Files.writeString(workspace.resolve("tools.json"), "[{\"name\": \"search_runbooks\"}]");

        CheckResult result = run(PRINT_TOOLS);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("no tool named get_pod_status (they define search_runbooks)");
        assertThat(fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void aModelThatIsNotOnTheServerFailsSayingToPullIt() {
        CheckResult result = run(PRINT_TOOLS);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains(MODEL).contains("ollama pull " + MODEL);
    }
}
