package dev.aiworkbench.cli;

import dev.aiworkbench.app.ProviderSetup;
import dev.aiworkbench.testing.FakeAnthropic;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite on a hosted provider that cannot run: the model is not served, the key is refused, nothing answers at the
 * address. Each ends before any case with exit 3 and one sentence naming the provider, the model and what to do, never
 * Ollama's advice to pull the model.
 */
class CliEvalHostedFailuresTest {
    private static final String KEY = "sk-openai-failing-5150";

    @TempDir
    Path temp;

    private CliHarness.Run eval(Map<String, String> environment, String providerLine) throws Exception {
        Path suite = Files.writeString(temp.resolve("promptfooconfig.yaml"), """
                prompts: ['Say {{x}}']
                providers:
                  - %s
                tests:
                  - vars: {x: hi}
                    assert: [{type: contains, value: Hello}]
                """.formatted(providerLine));
        return new CliHarness(temp.resolve("data"), Clock.systemDefaultZone(), ProviderSetup.system()
                .withEnvironment(environment).withKeychain(MemoryKeychain.unavailable("No keychain in this test.")))
                .run("eval", "run", suite.toString());
    }

    private static void assertNoOllamaAdvice(CliHarness.Run run) {
        assertThat(run.out() + run.err()).doesNotContain("ollama pull").doesNotContain("models pull")
                .doesNotContain("Exception").doesNotContain(KEY);
    }

    @Test
    void aModelTheProviderDoesNotServeNamesTheProviderAndSaysHowToListItsModels() throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start()) {
            openai.answer("gpt-4o-mini", "Hello").requireKey(KEY);

            CliHarness.Run run = eval(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openai.baseUri().toString()),
                    "openai:chat:gpt-nonesuch");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
            assertThat(run.err()).contains("'gpt-nonesuch'", "provider 'openai'",
                    "workbench models list --provider openai");
            assertNoOllamaAdvice(run);
            assertThat(openai.requests().stream().filter(r -> r.path().equals("/v1/chat/completions"))).isEmpty();
        }
    }

    @Test
    void aRefusedKeyNamesTheProviderTheModelAndTheKeyToFix() throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start()) {
            openai.answer("gpt-4o-mini", "Hello").requireKey("sk-the-right-one-0000");

            CliHarness.Run run = eval(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openai.baseUri().toString()),
                    "openai:chat:gpt-4o-mini");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
            assertThat(run.err()).contains("'gpt-4o-mini'", "provider 'openai'", "key", "OPENAI_API_KEY");
            assertNoOllamaAdvice(run);
        }
    }

    @Test
    void anAnthropicKeyRefusedNamesAnthropic() throws Exception {
        try (FakeAnthropic anthropic = FakeAnthropic.start("sk-ant-the-right-one")) {
            anthropic.answer("claude-haiku-4-5", "Hello");

            CliHarness.Run run = eval(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL",
                    anthropic.baseUri().toString()), "anthropic:messages:claude-haiku-4-5");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
            assertThat(run.err()).contains("'claude-haiku-4-5'", "Anthropic provider 'anthropic'", "key");
            assertNoOllamaAdvice(run);
        }
    }

    @Test
    void anUnreachableBaseUrlNamesTheProviderTheModelAndTheAddressToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + closedPort + "/v1";

        CliHarness.Run run = eval(Map.of("OPENAI_API_KEY", KEY), "{id: 'openai:chat:gpt-4o-mini', config: {apiBaseUrl: '"
                + address + "'}}");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
        assertThat(run.err()).contains("'gpt-4o-mini'", "provider 'openai'", address, "check the base URL");
        assertNoOllamaAdvice(run);
    }
}
