package dev.aiworkbench.app;

import dev.aiworkbench.llm.GatewayFactory;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.llm.anthropic.AnthropicGateway;
import dev.aiworkbench.llm.anthropic.AnthropicSettings;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.llm.openai.OpenAiGateway;
import dev.aiworkbench.llm.openai.OpenAiSettings;
import dev.aiworkbench.providers.Keychain;
import dev.aiworkbench.providers.OsKeychain;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the providers are made from: the environment their addresses and keys are read from, the keychain, and the
 * gateway each kind is spoken to with. The app uses {@link #system()}; a test swaps in its own parts.
 *
 * @param keychain called once, off the FX thread, when a key is first needed or Settings shows the providers
 */
public record ProviderSetup(Map<String, String> environment, Supplier<Keychain> keychain,
                            Map<ProviderKind, GatewayFactory> gateways) {

    public ProviderSetup {
        environment = Map.copyOf(environment);
        gateways = Map.copyOf(gateways);
    }

    private static final ProviderSetup SYSTEM = build();

    /** The process's environment, the operating system's keychain and the gateway of every kind. */
    public static ProviderSetup system() {
        return SYSTEM;
    }

    private static ProviderSetup build() {
        Map<String, String> environment = System.getenv();
        Map<ProviderKind, GatewayFactory> gateways = new EnumMap<>(ProviderKind.class);
        gateways.put(ProviderKind.OLLAMA, (baseUrl, key) -> new OllamaGateway(OllamaSettings.defaults(baseUrl)));
        gateways.put(ProviderKind.OPENAI, (baseUrl, key) -> new OpenAiGateway(OpenAiSettings.defaults(baseUrl, key)));
        gateways.put(ProviderKind.ANTHROPIC, (baseUrl, key) -> new AnthropicGateway(AnthropicSettings.defaults(baseUrl),
                key));
        return new ProviderSetup(environment, () -> OsKeychain.open(environment), gateways);
    }

    /** Names no variable's value: the environment holds keys (OPENAI_API_KEY), and options get printed. */
    @Override
    public String toString() {
        return "ProviderSetup[" + environment.size() + " environment variables, gateways for " + gateways.keySet() + "]";
    }

    public ProviderSetup withEnvironment(Map<String, String> variables) {
        return new ProviderSetup(variables, keychain, gateways);
    }

    public ProviderSetup withKeychain(Keychain replacement) {
        return new ProviderSetup(environment, () -> replacement, gateways);
    }

    /** This setup with the kind spoken to through the factory (replacing any it had). */
    public ProviderSetup withGateway(ProviderKind kind, GatewayFactory factory) {
        Map<ProviderKind, GatewayFactory> all = new EnumMap<>(ProviderKind.class);
        all.putAll(gateways);
        all.put(kind, factory);
        return new ProviderSetup(environment, keychain, all);
    }
}
