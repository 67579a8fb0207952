package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's own gateways for the hosted kinds, as the command line makes them from the environment: `prompt run` and
 * `models list` against fake servers that speak OpenAI's and Anthropic's wire formats and check the key.
 */
class CliHostedProvidersTest {
    private static final String OPENAI_KEY = "sk-openai-test-3141";
    private static final String ANTHROPIC_KEY = "sk-ant-test-2718";

    @TempDir
    Path temp;

    private CliHarness cli(Map<String, String> environment) {
        return new CliHarness(temp.resolve("data"), Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(environment).withKeychain(MemoryKeychain.unavailable("No keychain in this test.")));
    }

    @Test
    void everyKindHasTheAppsGateway() {
        assertThat(ProviderSetup.system().gateways()).containsOnlyKeys(ProviderKind.values());
    }

    @Test
    void anOpenAiCompatibleServerAnswersPromptRunAndListsItsModels() {
        try (FakeOpenAi fake = FakeOpenAi.start()) {
            fake.answer("gpt-4o-mini", "Hel", "lo").requireKey(OPENAI_KEY);
            CliHarness cli = cli(Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_BASE_URL", fake.baseUri().toString()));

            CliHarness.Run run = cli.run("prompt", "run", "--template", "Say hello", "--model", "gpt-4o-mini",
                    "--provider", "openai", "--json");
            CliHarness.Run models = cli.run("models", "list", "--provider", "openai", "--json");
            CliHarness.Run refused = cli(Map.of("OPENAI_API_KEY", "sk-wrong-0000", "OPENAI_BASE_URL",
                    fake.baseUri().toString())).run("prompt", "run", "--template", "Say hello", "--model",
                    "gpt-4o-mini", "--provider", "openai");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode json = run.json();
            assertThat(json.path("text").asText()).isEqualTo("Hello");
            assertThat(json.path("provider").asText()).isEqualTo("openai");
            assertThat(models.exitCode()).as(models.toString()).isZero();
            assertThat(models.out()).contains("gpt-4o-mini");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.err()).contains("key").doesNotContain("sk-wrong-0000");
        }
    }

    @Test
    void anthropicsMessagesApiAnswersPromptRunAndListsItsModels() {
        try (FakeAnthropic fake = FakeAnthropic.start(ANTHROPIC_KEY)) {
            fake.answer("claude-haiku-4-5", "Hel", "lo");
            CliHarness cli = cli(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "ANTHROPIC_BASE_URL",
                    fake.baseUri().toString()));

            CliHarness.Run run = cli.run("prompt", "run", "--template", "Say hello", "--model", "claude-haiku-4-5",
                    "--provider", "anthropic", "--json");
            CliHarness.Run models = cli.run("models", "list", "--provider", "anthropic", "--json");
            CliHarness.Run refused = cli(Map.of("ANTHROPIC_API_KEY", "sk-ant-wrong-0000", "ANTHROPIC_BASE_URL",
                    fake.baseUri().toString())).run("prompt", "run", "--template", "Say hello", "--model",
                    "claude-haiku-4-5", "--provider", "anthropic");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode json = run.json();
            assertThat(json.path("text").asText()).isEqualTo("Hello");
            assertThat(json.path("provider").asText()).isEqualTo("anthropic");
            assertThat(models.exitCode()).as(models.toString()).isZero();
            assertThat(models.out()).contains("claude-haiku-4-5");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.err()).contains("key").doesNotContain("sk-ant-wrong-0000");
        }
    }
}
