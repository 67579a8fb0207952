package dev.aiworkbench.cli;

import dev.aiworkbench.providers.ProviderChoice;
import picocli.CommandLine.Option;

/** {@code --provider} and {@code --base-url}, for the verbs that call a model. */
final class ProviderOptions {
    @Option(names = "--provider", paramLabel = "<name|kind>", description = "A provider from Settings > Providers, or "
            + "a kind with its environment: ollama (default), openai (OPENAI_API_KEY, OPENAI_BASE_URL), anthropic "
            + "(ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL).")
    String provider;

    @Option(names = "--base-url", paramLabel = "<url>", description = "The provider's address for this command, e.g. "
            + "http://127.0.0.1:8000/v1 for a vLLM server.")
    String baseUrl;

    ProviderChoice choice() {
        return ProviderChoice.of(provider, baseUrl);
    }

    /** Whether the command names a provider at all; without one it speaks to the local server as always. */
    boolean given() {
        return provider != null || baseUrl != null;
    }
}
