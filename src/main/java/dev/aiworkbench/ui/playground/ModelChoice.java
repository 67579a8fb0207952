package dev.aiworkbench.ui.playground;

import dev.aiworkbench.providers.Providers;

/**
 * A model on a provider as the picker shows it, "model · provider". A name typed without a provider means the local
 * Ollama server, as it did before hosted providers existed.
 */
public record ModelChoice(String provider, String model) {
    static final String SEPARATOR = " · ";

    public ModelChoice {
        provider = provider == null || provider.isBlank() ? Providers.DEFAULT : provider.strip();
        model = model == null ? "" : model.strip();
    }

    /** Reads a picker entry or a typed name. */
    public static ModelChoice parse(String text) {
        String typed = text == null ? "" : text.strip();
        int at = typed.lastIndexOf(SEPARATOR);
        if (at < 0) {
            return new ModelChoice(Providers.DEFAULT, typed);
        }
        return new ModelChoice(typed.substring(at + SEPARATOR.length()), typed.substring(0, at));
    }

    public String label() {
        return model + SEPARATOR + provider;
    }
}
