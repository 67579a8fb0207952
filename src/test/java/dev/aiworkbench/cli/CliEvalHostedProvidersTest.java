package dev.aiworkbench.cli;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Suites naming promptfoo's hosted provider ids run unchanged, on the fakes that speak each wire format. */
class CliEvalHostedProvidersTest {
    private static final String OPENAI_KEY = "sk-openai-eval-4242";
    private static final String ANTHROPIC_KEY = "sk-ant-eval-1717";

    @TempDir
    Path temp;

    private CliHarness cli(Map<String, String> environment) {
        return new CliHarness(temp.resolve("data"), Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(environment).withKeychain(MemoryKeychain.unavailable("No keychain in this test.")));
    }

    private Path suite(String text) throws Exception {
        return Files.writeString(temp.resolve("promptfooconfig.yaml"), text);
    }

    @Test
    void aSuiteWithAnOpenAiAndAnOllamaProviderRunsBothWithTheConfigOnTheWire() throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start(); FakeOllama ollama = FakeOllama.start()) {
            openai.answer("gpt-4o-mini", "Hel", "lo").requireKey(OPENAI_KEY);
            ollama.answer("tiny", "Hel", "lo");
            Path suite = suite("""
                    prompts: ['Say {{x}}']
                    providers:
                      - id: openai:chat:gpt-4o-mini
                        config: {apiBaseUrl: '%s', apiKeyEnvar: MY_OPENAI_KEY, temperature: 0.3}
                      - ollama:chat:tiny
                    tests:
                      - vars: {x: hi}
                        assert: [{type: contains, value: Hello}]
                      - vars: {x: yo}
                        assert: [{type: contains, value: Hello}]
                    """.formatted(openai.baseUri()));

            CliHarness.Run run = cli(Map.of("MY_OPENAI_KEY", OPENAI_KEY)).run("eval", "run", suite.toString(),
                    "--ollama-url", ollama.baseUrl());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Pattern.compile("2 of 2 passed").matcher(run.out()).results().count()).as(run.out()).isEqualTo(2);
            assertThat(openai.lastRequest("/v1/chat/completions").json().path("temperature").asDouble()).isEqualTo(0.3);
            assertThat(openai.lastRequest("/v1/chat/completions").json().path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(ollama.requests().stream().filter(r -> r.path().equals("/api/chat")).count()).isEqualTo(2);
            assertThat(run.out() + run.err()).doesNotContain(OPENAI_KEY);
        }
    }

    @Test
    void theRubricJudgeMayBeAnAnthropicModel() throws Exception {
        try (FakeAnthropic anthropic = FakeAnthropic.start(ANTHROPIC_KEY); FakeOllama ollama = FakeOllama.start()) {
            anthropic.answer("claude-haiku-4-5", "{\"pass\": true, \"score\": 1, \"reason\": \"it greets\"}");
            ollama.answer("tiny", "Hel", "lo");
            Path suite = suite("""
                    prompts: ['Say {{x}}']
                    providers: [ollama:chat:tiny]
                    defaultTest:
                      options:
                        provider: anthropic:messages:claude-haiku-4-5
                    tests:
                      - vars: {x: hi}
                        assert: [{type: llm-rubric, value: It greets the reader}]
                    """);

            CliHarness.Run run = cli(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "ANTHROPIC_BASE_URL",
                    anthropic.baseUri().toString())).run("eval", "run", suite.toString(), "--ollama-url", ollama.baseUrl());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("1 of 1 passed");
            assertThat(anthropic.requests("/v1/messages")).hasSize(1);
            assertThat(anthropic.requests("/v1/messages").get(0).body()).contains("It greets the reader");
        }
    }
}
