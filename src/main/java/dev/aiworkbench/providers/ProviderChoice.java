package dev.aiworkbench.providers;

import java.util.Optional;

/**
 * Which provider a call goes to, as the command line or a screen says it.
 *
 * @param provider a configured provider's name or a kind ({@code ollama}, {@code openai}, {@code anthropic}); empty
 *                 for the default, the local Ollama server
 * @param baseUrl  an address that wins over the provider's own ({@code --base-url})
 */
public record ProviderChoice(Optional<String> provider, Optional<String> baseUrl) {
    public static final ProviderChoice DEFAULT = new ProviderChoice(Optional.empty(), Optional.empty());

    public ProviderChoice {
        provider = provider == null ? Optional.empty() : provider.map(String::strip).filter(p -> !p.isEmpty());
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl.map(String::strip).filter(u -> !u.isEmpty());
    }

    public static ProviderChoice of(String provider) {
        return new ProviderChoice(Optional.ofNullable(provider), Optional.empty());
    }

    public static ProviderChoice of(String provider, String baseUrl) {
        return new ProviderChoice(Optional.ofNullable(provider), Optional.ofNullable(baseUrl));
    }
}
