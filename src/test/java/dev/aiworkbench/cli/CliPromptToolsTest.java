package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.FakeToolCall;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `workbench prompt run --tools <file>`: the tools reach each provider and the model's calls are printed. */
class CliPromptToolsTest {
    private static final String OPENAI_FORM = """
            [{"type": "function", "function": {"name": "get_weather", "description": "The weather in a city.",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]
            """;
    private static final String BARE_FORM = """
            [{"name": "get_weather", "description": "The weather in a city.",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}]
            """;
    private static final String PARIS = "{\"city\":\"Paris\"}";

    @TempDir
    Path temp;

    private Path toolsFile(String text) throws IOException {
        Path file = temp.resolve("tools.json");
        Files.writeString(file, text);
        return file;
    }

    private CliHarness cli(Map<String, String> environment) {
        return new CliHarness(temp.resolve("data"), Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(environment).withKeychain(MemoryKeychain.unavailable("No keychain in this test.")));
    }

    @Test
    void ollamaGetsTheToolsAndTheCallsArePrintedOneLineEachOrAsJson() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.model("llama3.2:latest").answer().toolCalls(new FakeToolCall("get_weather", PARIS),
                    new FakeToolCall("get_weather", "{\"city\":\"Oslo\"}"));
            CliHarness cli = new CliHarness(temp.resolve("data"));
            String tools = toolsFile(OPENAI_FORM).toString();

            CliHarness.Run text = cli.run("prompt", "run", "--template", "Weather in Paris and Oslo?", "--model",
                    "llama3.2", "--tools", tools, "--ollama-url", fake.baseUrl());
            CliHarness.Run json = cli.run("prompt", "run", "--template", "Weather in Paris?", "--model", "llama3.2",
                    "--tools", tools, "--json", "--ollama-url", fake.baseUrl());

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out().lines().toList()).containsExactly(
                    "tool call call_0: get_weather " + PARIS,
                    "tool call call_1: get_weather {\"city\":\"Oslo\"}");
            assertThat(fake.lastRequest("/api/chat").toolNames()).containsExactly("get_weather");
            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode calls = json.json().path("toolCalls");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).path("id").asText()).isEqualTo("call_0");
            assertThat(calls.get(0).path("name").asText()).isEqualTo("get_weather");
            assertThat(calls.get(0).path("arguments").asText()).isEqualTo(PARIS);
        }
    }

    @Test
    void aRunWithoutToolsPrintsAnEmptyListOfCallsAndSendsNoTools() {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.model("llama3.2:latest").answer("Hi");
            CliHarness.Run json = new CliHarness(temp.resolve("data")).run("prompt", "run", "--template", "Hi",
                    "--model", "llama3.2", "--json", "--ollama-url", fake.baseUrl());

            assertThat(json.exitCode()).as(json.toString()).isZero();
            assertThat(json.json().path("toolCalls").isArray()).isTrue();
            assertThat(json.json().path("toolCalls")).isEmpty();
            assertThat(fake.lastRequest("/api/chat").json().has("tools")).isFalse();
        }
    }

    @Test
    void anOpenAiCompatibleServerGetsTheToolsAndItsStreamedCallsArePrinted() throws Exception {
        try (FakeOpenAi fake = FakeOpenAi.start()) {
            fake.answer("gpt-4o-mini").toolCalls("gpt-4o-mini", new FakeToolCall("get_weather", PARIS));
            CliHarness.Run run = cli(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", fake.baseUri().toString()))
                    .run("prompt", "run", "--template", "Weather in Paris?", "--model", "gpt-4o-mini", "--provider",
                            "openai", "--tools", toolsFile(BARE_FORM).toString(), "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.json().path("toolCalls").get(0).path("arguments").asText()).isEqualTo(PARIS);
            assertThat(fake.lastRequest("/v1/chat/completions").toolNames()).containsExactly("get_weather");
        }
    }

    @Test
    void anthropicGetsTheToolsAndItsStreamedCallsArePrinted() throws Exception {
        try (FakeAnthropic fake = FakeAnthropic.start("sk-ant-test")) {
            fake.answer("claude-haiku-4-5").toolCalls("claude-haiku-4-5", new FakeToolCall("get_weather", PARIS));
            CliHarness.Run run = cli(Map.of("ANTHROPIC_API_KEY", "sk-ant-test", "ANTHROPIC_BASE_URL",
                    fake.baseUri().toString())).run("prompt", "run", "--template", "Weather in Paris?", "--model",
                    "claude-haiku-4-5", "--provider", "anthropic", "--tools", toolsFile(OPENAI_FORM).toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("get_weather " + PARIS);
            assertThat(fake.lastRequest("/v1/messages").json().at("/tools/0/input_schema/type").asText())
                    .isEqualTo("object");
        }
    }

    @Test
    void aBadToolsFileIsBadInputNamingTheFileAndWhereInIt() throws Exception {
        Path notJson = toolsFile("[{\"name\": \"get_weather\",\n  \"parameters\": {]\n");
        CliHarness cli = new CliHarness(temp.resolve("data"));

        CliHarness.Run syntax = cli.run("prompt", "run", "--template", "Hi", "--model", "llama3.2", "--tools",
                notJson.toString());
        Files.writeString(notJson, "[{\"description\": \"no name\"}]");
        CliHarness.Run noName = cli.run("prompt", "run", "--template", "Hi", "--model", "llama3.2", "--tools",
                notJson.toString());
        CliHarness.Run missing = cli.run("prompt", "run", "--template", "Hi", "--model", "llama3.2", "--tools",
                temp.resolve("nowhere.json").toString());

        assertThat(syntax.exitCode()).as(syntax.toString()).isEqualTo(2);
        assertThat(syntax.err()).contains(notJson + ":2:").contains("JSON syntax error");
        assertThat(noName.exitCode()).as(noName.toString()).isEqualTo(2);
        assertThat(noName.err()).contains(notJson + ":1:2:").contains("tool 1 has no \"name\"");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("Cannot read the tools file").contains("nowhere.json");
    }
}
