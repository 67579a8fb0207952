package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ApiKey;
import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MemoryKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configured providers in a real SQLite file, their keys in a keychain, and where each call's address and key come from. */
class ProvidersTest {
    private static final String PLANTED = "sk-test-planted-key-9f3e-abcd";
    private static final OllamaEndpoint LOCAL = new OllamaEndpoint(URI.create("http://127.0.0.1:11500"), "Settings");

    @TempDir
    Path temp;
    private Database database;
    private MemoryKeychain keychain;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        keychain = MemoryKeychain.available();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Providers providers(Map<String, String> environment) {
        return new Providers(database, () -> keychain, environment, () -> LOCAL);
    }

    private static ProviderConfig vllm() {
        return new ProviderConfig("gpu-box", ProviderKind.OPENAI, Optional.of(URI.create("http://10.0.0.7:8000/v1")),
                Optional.empty());
    }

    @Test
    void aProviderAddedWithAKeyIsStoredWithItsKeychainReferenceOnlyAndReadBackAfterReopening() throws Exception {
        ProviderConfig added = providers(Map.of()).add(vllm(), Optional.of(ApiKey.of(PLANTED)));

        assertThat(added.key()).hasValueSatisfying(k -> {
            assertThat(k.where()).isEqualTo(KeyReference.Where.KEYCHAIN);
            assertThat(k.name()).matches("gpu-box-[0-9a-f]{6}");
        });
        assertThat(keychain.entries()).containsEntry(added.key().get().name(), ApiKey.of(PLANTED));
        database.close();
        database = Database.open(temp.resolve("workbench.db"));
        Providers reopened = providers(Map.of());
        assertThat(reopened.list()).containsExactly(ProviderConfig.builtIn(ProviderKind.OLLAMA), added);
        assertThat(reopened.shownKey("gpu-box")).contains("…abcd");
        assertThat(DatabaseDump.of(database)).contains("gpu-box").doesNotContain(PLANTED).doesNotContain("9f3e");
        database.close();
        assertThat(new String(Files.readAllBytes(temp.resolve("workbench.db")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(PLANTED);
        database = Database.open(temp.resolve("workbench.db"));
    }

    @Test
    void theDatabaseRefusesAKeyWhereOnlyAReferenceBelongs() {
        assertThatThrownBy(() -> database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO provider (name, kind, key_ref) VALUES ('x', 'openai', '" + PLANTED
                        + "')");
            }
        })).hasStackTraceContaining("CHECK constraint failed");
    }

    @Test
    void theAddressComesFromTheCommandLineThenSettingsThenTheEnvironmentThenTheDefault() {
        Providers providers = providers(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9000/v1/"));
        providers.add(vllm(), Optional.empty());

        assertThat(providers.resolve(ProviderChoice.of("gpu-box", "http://127.0.0.1:7000/v1")))
                .extracting(ResolvedProvider::baseUri, ResolvedProvider::baseUriSource)
                .containsExactly(URI.create("http://127.0.0.1:7000/v1"), "--base-url");
        assertThat(providers.resolve(ProviderChoice.of("gpu-box"))).extracting(ResolvedProvider::baseUri,
                ResolvedProvider::baseUriSource).containsExactly(URI.create("http://10.0.0.7:8000/v1"), "Settings");
        assertThat(providers.resolve(ProviderChoice.of("openai"))).extracting(ResolvedProvider::baseUri,
                ResolvedProvider::baseUriSource).containsExactly(URI.create("http://127.0.0.1:9000/v1"), "OPENAI_BASE_URL");
        assertThat(providers.resolve(ProviderChoice.of("anthropic"))).extracting(ResolvedProvider::baseUri,
                ResolvedProvider::baseUriSource).containsExactly(URI.create("https://api.anthropic.com"), "default");
        assertThat(providers.resolve(ProviderChoice.DEFAULT)).extracting(ResolvedProvider::name,
                ResolvedProvider::kind, ResolvedProvider::baseUri, ResolvedProvider::baseUriSource)
                .containsExactly("ollama", ProviderKind.OLLAMA, LOCAL.baseUri(), "Settings");
    }

    @Test
    void theKeyComesFromTheProvidersKeychainEntryThenTheKindsVariable() {
        Providers providers = providers(Map.of("OPENAI_API_KEY", "sk-from-environment-wxyz", "VLLM_KEY", "sk-vllm-1234"));
        providers.add(vllm(), Optional.of(ApiKey.of(PLANTED)));
        providers.add(new ProviderConfig("lab-vllm", ProviderKind.OPENAI, Optional.empty(),
                Optional.of(KeyReference.environment("VLLM_KEY"))), Optional.empty());

        assertThat(providers.resolve(ProviderChoice.of("gpu-box")).key().get()).isEqualTo(PLANTED);
        assertThat(providers.resolve(ProviderChoice.of("gpu-box")).key().source()).isEqualTo("the keychain");
        assertThat(providers.resolve(ProviderChoice.of("lab-vllm")).key().get()).isEqualTo("sk-vllm-1234");
        assertThat(providers.resolve(ProviderChoice.of("OpenAI")).key().get()).isEqualTo("sk-from-environment-wxyz");
        assertThat(providers.resolve(ProviderChoice.of("openai")).key().source()).isEqualTo("OPENAI_API_KEY");
        assertThat(providers.resolve(ProviderChoice.of("anthropic")).key().key()).isEmpty();
        assertThat(providers.resolve(ProviderChoice.of("ollama")).key().key()).isEmpty();

        keychain.delete(providers.list().get(1).key().orElseThrow().name());
        assertThat(providers.resolve(ProviderChoice.of("gpu-box")).key().get())
                .as("an entry gone from the keychain falls back to the kind's variable")
                .isEqualTo("sk-from-environment-wxyz");
    }

    @Test
    void withoutAKeychainAKeyIsRefusedWithTheReasonAndNothingIsAdded() {
        keychain = MemoryKeychain.unavailable("No keychain is reachable here.");
        Providers providers = providers(Map.of());

        assertThat(providers.keychainStatus().available()).isFalse();
        assertThatThrownBy(() -> providers.add(vllm(), Optional.of(ApiKey.of(PLANTED))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No keychain is reachable here. Keys are read from the environment only")
                .hasMessageNotContaining(PLANTED);
        assertThat(providers.list()).hasSize(1);
        assertThat(providers.add(vllm(), Optional.empty()).key()).isEmpty();
    }

    @Test
    void removingAProviderForgetsItsKeychainEntryAndTheLocalServerStays() {
        Providers providers = providers(Map.of());
        int[] changes = {0};
        providers.onChange(() -> changes[0]++);
        providers.add(vllm(), Optional.of(ApiKey.of(PLANTED)));

        providers.remove("GPU-BOX");

        assertThat(keychain.entries()).isEmpty();
        assertThat(providers.list()).extracting(ProviderConfig::name).containsExactly("ollama");
        assertThat(changes[0]).isEqualTo(2);
        assertThatThrownBy(() -> providers.remove("ollama")).hasMessageContaining("local Ollama server stays");
        assertThatThrownBy(() -> providers.remove("nope")).hasMessageStartingWith("there is no provider 'nope'");
    }

    @Test
    void namesAreCheckedAndUnknownProvidersListTheChoices() {
        Providers providers = providers(Map.of());
        providers.add(vllm(), Optional.empty());

        assertThatThrownBy(() -> providers.add(vllm(), Optional.empty())).hasMessageContaining("already a provider 'gpu-box'");
        assertThatThrownBy(() -> providers.add(new ProviderConfig("ollama", ProviderKind.OLLAMA, Optional.empty(),
                Optional.empty()), Optional.empty())).hasMessageContaining("is the local server");
        assertThatThrownBy(() -> providers.add(new ProviderConfig("anthropic", ProviderKind.OPENAI, Optional.empty(),
                Optional.empty()), Optional.empty())).hasMessageContaining("names the Anthropic kind");
        assertThatThrownBy(() -> new ProviderConfig("GPU box!", ProviderKind.OPENAI, Optional.empty(), Optional.empty()))
                .hasMessageContaining("lowercase letters, digits");
        assertThatThrownBy(() -> providers.resolve(ProviderChoice.of("mistral"))).isInstanceOf(
                IllegalArgumentException.class).hasMessage("there is no provider 'mistral'; choose one of ollama, "
                + "gpu-box, openai, anthropic, or add one in Settings > Providers");
        assertThatThrownBy(() -> providers.resolve(ProviderChoice.of("openai", "ftp://x"))).hasMessageContaining(
                "not a base URL for OpenAI-compatible");
    }
}
