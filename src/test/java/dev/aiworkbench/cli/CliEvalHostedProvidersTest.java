package dev.aiworkbench.cli;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.MemoryKeychain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    /**
     * OpenAI answers "Hello world", Ollama "Hello there". Over six items: both pass one, both fail one, OpenAI alone
     * passes three (b = 3) and Ollama alone one (c = 1); pass rates 4/6 and 2/6, so Δ = −1/3; McNemar's exact p is
     * 2·P[Binomial(4, ½) ≤ 1] = 2·5/16 = 0.625, mid-p 0.625 − 4/16 = 0.375; Newcombe's interval (Wilson limits of 4/6
     * and 2/6, corrected φ = (6·1 − 4·2)/√(4·2·2·4) = −0.25) is −0.7074 to 0.2464, worked out apart from the code.
     */
    @Test
    void aSuiteWithTwoProvidersComparesThemItemByItemInTheSummaryAndReports() throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start(); FakeOllama ollama = FakeOllama.start()) {
            openai.answer("gpt-4o-mini", "Hello", " world").requireKey(OPENAI_KEY);
            ollama.answer("tiny", "Hello", " there");
            Path suite = suite("""
                    prompts: ['Say {{x}}']
                    providers:
                      - id: openai:chat:gpt-4o-mini
                        config: {apiBaseUrl: '%s', apiKeyEnvar: MY_OPENAI_KEY}
                      - ollama:chat:tiny
                    tests:
                      - vars: {x: a}
                        assert: [{type: contains, value: Hello}]
                      - vars: {x: b}
                        assert: [{type: contains, value: world}]
                      - vars: {x: c}
                        assert: [{type: contains, value: world}]
                      - vars: {x: d}
                        assert: [{type: contains, value: world}]
                      - vars: {x: e}
                        assert: [{type: contains, value: there}]
                      - vars: {x: f}
                        assert: [{type: contains, value: bye}]
                    """.formatted(openai.baseUri()));
            Path json = temp.resolve("out/results.json");
            Path markdown = temp.resolve("out/summary.md");

            CliHarness.Run run = cli(Map.of("MY_OPENAI_KEY", OPENAI_KEY)).run("eval", "run", suite.toString(),
                    "--ollama-url", ollama.baseUrl(), "-o", json.toString(), "--md", markdown.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Cells compared").contains("'Say {{x}}' on ollama:chat:tiny against "
                    + "'Say {{x}}' on openai:chat:gpt-4o-mini: Paired over 6 items")
                    .contains("95% interval -70.7 to +24.6 points").contains("b=3, c=1: exact two-sided p=0.63");
            ObjectMapper mapper = new ObjectMapper();
            assertThat(temp.resolve("out/results-2.json")).as("one report for the suite").doesNotExist();
            JsonNode root = mapper.readTree(json.toFile());
            assertThat(root.path("cells").findValuesAsText("provider")).containsExactly("openai:chat:gpt-4o-mini",
                    "ollama:chat:tiny");
            assertThat(root.path("cells").get(0).path("passRate").asDouble()).isCloseTo(4 / 6.0, within(1e-12));
            assertThat(root.path("cells").get(1).path("passRate").asDouble()).isCloseTo(2 / 6.0, within(1e-12));
            {
                JsonNode comparisons = root.path("comparisons");
                assertThat(comparisons.size()).isEqualTo(1);
                JsonNode compared = comparisons.get(0);
                assertThat(compared.path("baseline").path("provider").asText()).isEqualTo("openai:chat:gpt-4o-mini");
                assertThat(compared.path("candidate").path("provider").asText()).isEqualTo("ollama:chat:tiny");
                assertThat(compared.path("candidate").path("runId").asText())
                        .isEqualTo(root.path("cells").get(1).path("runId").asText());
                assertThat(compared.path("items").asInt()).isEqualTo(6);
                assertThat(compared.path("b").asInt()).isEqualTo(3);
                assertThat(compared.path("c").asInt()).isEqualTo(1);
                assertThat(compared.path("pExact").asDouble()).isCloseTo(0.625, within(1e-12));
                assertThat(compared.path("pMid").asDouble()).isCloseTo(0.375, within(1e-12));
                assertThat(compared.path("delta").asDouble()).isCloseTo(-1.0 / 3, within(1e-12));
                assertThat(compared.path("deltaCi95").get(0).asDouble()).isCloseTo(-0.7074, within(1e-4));
                assertThat(compared.path("deltaCi95").get(1).asDouble()).isCloseTo(0.2464, within(1e-4));
                assertThat(compared.path("differing").size()).isEqualTo(4);
                assertThat(compared.path("differing").findValuesAsText("key")).doesNotHaveDuplicates();
            }
            assertThat(Files.readString(markdown)).contains("#### Cells compared").contains("#### Matrix")
                    .contains("| `Say {{x}}` | 66.7% [")
                    .contains("| 'Say {{x}}' on openai:chat:gpt-4o-mini | 'Say {{x}}' on ollama:chat:tiny | 6 | 3 | 1 | "
                            + "0.625 | -33.3 [-70.7, +24.6] points |");
            assertThat(temp.resolve("out/summary-2.md")).as("one report for the suite").doesNotExist();
        }
    }

    @Test
    void aSuiteWithOneProviderKeepsTheReportWithoutComparisons() throws Exception {
        try (FakeOllama ollama = FakeOllama.start()) {
            ollama.answer("tiny", "Hello");
            Path suite = suite("""
                    prompts: ['Say {{x}}']
                    providers: [ollama:chat:tiny]
                    tests:
                      - vars: {x: a}
                        assert: [{type: contains, value: Hello}]
                    """);
            Path json = temp.resolve("results.json");
            Path markdown = temp.resolve("summary.md");

            CliHarness.Run run = cli(Map.of()).run("eval", "run", suite.toString(), "--ollama-url", ollama.baseUrl(),
                    "-o", json.toString(), "--md", markdown.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).doesNotContain("Cells compared");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.has("comparisons")).isFalse();
            assertThat(root.has("cells")).isFalse();
            assertThat(root.path("provider").asText()).isEqualTo("ollama:chat:tiny");
            assertThat(Files.readString(markdown)).doesNotContain("Cells compared").doesNotContain("#### Matrix");
        }
    }
}
