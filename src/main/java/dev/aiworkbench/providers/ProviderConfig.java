package dev.aiworkbench.providers;

import dev.aiworkbench.llm.ProviderKind;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider as configured once and chosen by name: its kind, its address (empty: the kind's environment variable,
 * else its default) and where its key lives (empty: the kind's environment variable, e.g. {@code OPENAI_API_KEY}).
 * It holds no key, so it can be stored, logged and shown as it is.
 */
public record ProviderConfig(String name, ProviderKind kind, Optional<URI> baseUrl, Optional<KeyReference> key) {
    public static final int NAME_MAX = 40;

    public ProviderConfig {
        name = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > NAME_MAX || !name.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("a provider's name is 1 to " + NAME_MAX + " lowercase letters, digits, "
                    + "dots and hyphens, starting and ending with a letter or digit, e.g. gpu-box");
        }
        if (kind == null) {
            throw new IllegalArgumentException("choose the provider's kind: ollama, openai or anthropic");
        }
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
        key = key == null ? Optional.empty() : key;
        if (kind == ProviderKind.OLLAMA && key.isPresent()) {
            throw new IllegalArgumentException("an Ollama server takes no key; leave the key empty");
        }
    }

    /** A provider of the kind with nothing configured: what {@code --provider openai} means with no setup at all. */
    public static ProviderConfig builtIn(ProviderKind kind) {
        return new ProviderConfig(kind.id(), kind, Optional.empty(), Optional.empty());
    }
}
