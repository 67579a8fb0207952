package dev.aiworkbench.eval.suite;

import dev.aiworkbench.llm.ProviderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** promptfoo's provider ids for the hosted kinds, and their config, read as promptfoo writes them. */
class HostedProviderIdsTest {
    @TempDir
    Path temp;

    private static String suite(String providers) {
        return "prompts: ['Say {{x}}']\nproviders:\n" + providers + "tests:\n  - vars: {x: hi}\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "openai:chat:gpt-4o-mini, OPENAI, CHAT, gpt-4o-mini",
            "openai:gpt-4o-mini, OPENAI, CHAT, gpt-4o-mini",
            "anthropic:messages:claude-3-5-haiku-latest, ANTHROPIC, CHAT, claude-3-5-haiku-latest",
            "ollama:chat:qwen2.5:0.5b, OLLAMA, CHAT, qwen2.5:0.5b",
            "ollama:qwen2.5:0.5b, OLLAMA, COMPLETION, qwen2.5:0.5b",
            "ollama:completion:llama3.2, OLLAMA, COMPLETION, llama3.2",
            "ollama:llama2-uncensored, OLLAMA, COMPLETION, llama2-uncensored",
            "openai:gpt-4.1, OPENAI, CHAT, gpt-4.1",
            "openai:chat, OPENAI, CHAT, gpt-4.1-2025-04-14",
            "openai:chat:gpt-4.1-mini, OPENAI, CHAT, gpt-4.1-mini",
            "anthropic:claude-3-5-haiku-latest, ANTHROPIC, CHAT, claude-3-5-haiku-latest",
            "anthropic:claude-sonnet-4-20250514, ANTHROPIC, CHAT, claude-sonnet-4-20250514"})
    void eachIdFormNamesItsKindEndpointAndModel(String id, ProviderKind server, ProviderSpec.Kind kind, String model) {
        ProviderSpec spec = new SuiteFixture(temp).suite("s.yaml", suite("  - " + id + "\n")).providers().get(0);

        assertThat(spec.server()).isEqualTo(server);
        assertThat(spec.kind()).isEqualTo(kind);
        assertThat(spec.model()).isEqualTo(model);
    }

    /** Forms promptfoo reads for an endpoint this runner does not call are refused naming the endpoint. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "openai:completion:gpt-3.5-turbo-instruct, completion endpoint",
            "openai:gpt-3.5-turbo-instruct, OpenAI's completion endpoint",
            "openai:responses:gpt-4.1, responses endpoint",
            "anthropic:completion:claude-2.1, completion endpoint",
            "anthropic:claude-9, anthropic:<model> for a model promptfoo knows by name"})
    void endpointsNotCalledAreRefusedWithTheFormsThatRun(String id, String says) {
        SuiteLoadResult result = new SuiteFixture(temp).load("s.yaml", suite("  - " + id + "\n"));

        assertThat(result.valid()).isFalse();
        String runs = id.startsWith("openai") ? "openai:chat:<model>" : "anthropic:messages:<model>";
        assertThat(SuiteFixture.lines(result)).anySatisfy(line -> assertThat(line).contains("'" + id + "'", says, runs));
    }

    @Test
    void configPassesAddressKeyVariableAndSamplingThrough() {
        ProviderSpec spec = new SuiteFixture(temp).suite("s.yaml", suite("""
                  - id: openai:chat:gpt-4o-mini
                    config: {apiBaseUrl: 'http://127.0.0.1:8000/v1', apiKeyEnvar: MY_KEY, temperature: 0.3,
                             max_tokens: 64, top_p: 0.9}
                  - id: anthropic:messages:claude-3-5-haiku-latest
                    config: {apiHost: api.example.com}
                """)).providers().get(0);
        ProviderSpec anthropic = new SuiteFixture(temp).load("s.yaml").suite().orElseThrow().providers().get(1);

        assertThat(spec.connection().baseUrl()).contains("http://127.0.0.1:8000/v1");
        assertThat(spec.connection().keyVariable()).contains("MY_KEY");
        assertThat(spec.options().toWire()).containsEntry("temperature", 0.3).containsEntry("top_p", 0.9)
                .containsKey("num_predict").doesNotContainKeys("apiBaseUrl", "apiKeyEnvar", "max_tokens");
        assertThat(spec.options().toWire().get("num_predict")).hasToString("64");
        assertThat(anthropic.connection().baseUrl()).isEqualTo(Optional.of("https://api.example.com"));
    }

    @Test
    void anUnknownIdOrEndpointIsADiagnosticAtItsPlace() {
        SuiteFixture f = new SuiteFixture(temp);
        SuiteLoadResult result = f.load("s.yaml", suite("  - bedrock:claude\n  - anthropic:claude-3\n"
                + "  - openai:embedding:text-embedding-3-small\n"));

        assertThat(result.valid()).isFalse();
        assertThat(SuiteFixture.lines(result)).anySatisfy(line -> assertThat(line).startsWith(f.name("s.yaml") + ":3:5")
                        .contains("'bedrock:claude' is not a provider this runner can call"))
                .anySatisfy(line -> assertThat(line).startsWith(f.name("s.yaml") + ":4:5")
                        .contains("anthropic:messages:<model>"))
                .anySatisfy(line -> assertThat(line).startsWith(f.name("s.yaml") + ":5:5")
                        .contains("openai:chat:<model>"));
    }
}
