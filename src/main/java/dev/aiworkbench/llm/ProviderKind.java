package dev.aiworkbench.llm;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of model server the workbench speaks to. Each reads its address and key from the environment variables
 * its own ecosystem's tools read, so a shell set up for the ollama CLI or an OpenAI or Anthropic SDK works unchanged.
 */
public enum ProviderKind {
    OLLAMA("ollama", "Ollama", OllamaEndpoint.DEFAULT, null, OllamaEndpoint.ENVIRONMENT_VARIABLE),
    /** Chat Completions at any base URL: OpenAI itself, vLLM, llama.cpp's server, LM Studio. */
    OPENAI("openai", "OpenAI-compatible", URI.create("https://api.openai.com/v1"), "OPENAI_API_KEY", "OPENAI_BASE_URL"),
    ANTHROPIC("anthropic", "Anthropic", URI.create("https://api.anthropic.com"), "ANTHROPIC_API_KEY",
            "ANTHROPIC_BASE_URL");

    private final String id;
    private final String label;
    private final URI defaultBaseUri;
    private final String keyVariable;
    private final String baseUrlVariable;

    ProviderKind(String id, String label, URI defaultBaseUri, String keyVariable, String baseUrlVariable) {
        this.id = id;
        this.label = label;
        this.defaultBaseUri = defaultBaseUri;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
    }

    /** The name call records and {@code gen_ai.provider.name} use: {@code ollama}, {@code openai}, {@code anthropic}. */
    public String id() {
        return id;
    }

    /** The name shown to the learner. */
    public String label() {
        return label;
    }

    public URI defaultBaseUri() {
        return defaultBaseUri;
    }

    /** The variable holding this kind's key, e.g. {@code OPENAI_API_KEY}; empty for Ollama, which takes none. */
    public Optional<String> keyVariable() {
        return Optional.ofNullable(keyVariable);
    }

    /** The variable holding this kind's address, e.g. {@code OPENAI_BASE_URL}, or {@code OLLAMA_HOST}. */
    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    public boolean takesKey() {
        return keyVariable != null;
    }

    /**
     * Reads an address in the forms this kind's own tools accept: Ollama's {@code OLLAMA_HOST} forms, or an http(s)
     * URL for the others (a trailing slash dropped, so paths resolve below it).
     *
     * @throws IllegalArgumentException with a sentence saying what is accepted
     */
    public URI parseBaseUrl(String text) {
        if (this == OLLAMA) {
            return OllamaEndpoint.parse(text);
        }
        String value = text.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // falls through to the sentence below
        }
        // The text is not repeated: a key pasted into the wrong field must not end up in a message.
        throw new IllegalArgumentException("that is not a base URL for " + label + ": write it as "
                + "http(s)://host[:port][/path] without a user or password, e.g. " + defaultBaseUri);
    }

    /** The kind with this id, ignoring case. */
    public static Optional<ProviderKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equalsIgnoreCase(id == null ? "" : id.strip()))
                .findFirst();
    }
}
