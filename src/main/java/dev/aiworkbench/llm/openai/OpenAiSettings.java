package dev.aiworkbench.llm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an OpenAI-compatible server is, the key it wants, how long to wait and how often to try again.
 * The key is read from {@code apiKey} for each request, so a key changed in Settings applies to the next call; it is
 * never part of {@link #toString()}.
 *
 * @param apiKey            the key, or null (or a supplier of null or blank) for a server that needs none
 * @param firstTokenTimeout until the first line of a streamed answer, per attempt
 * @param idleTimeout       between two lines of a streamed answer
 * @param requestTimeout    for a whole non-streamed answer or a batch of embeddings
 * @param adminTimeout      for listing the models
 * @param maxRetries        how often a 429 or 5xx before the first token is tried again
 * @param longestRetryWait  a server that asks to wait longer than this is not waited for: the call fails saying so
 */
public record OpenAiSettings(URI baseUri, Supplier<String> apiKey, Duration connectTimeout, Duration firstTokenTimeout,
                             Duration idleTimeout, Duration requestTimeout, Duration adminTimeout, int maxRetries,
                             Duration longestRetryWait) {

    /** OpenAI's own API, where OPENAI_BASE_URL points by default. */
    public static final URI OPENAI = URI.create("https://api.openai.com/v1");

    public OpenAiSettings {
        String text = baseUri.toString();
        baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more");
        }
    }

    public static OpenAiSettings defaults(URI baseUri, Supplier<String> apiKey) {
        return new OpenAiSettings(baseUri == null ? OPENAI : baseUri, apiKey, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofSeconds(30), 2,
                Duration.ofSeconds(30));
    }

    public OpenAiSettings withTimeouts(Duration firstToken, Duration idle, Duration request) {
        return new OpenAiSettings(baseUri, apiKey, connectTimeout, firstToken, idle, request, adminTimeout, maxRetries,
                longestRetryWait);
    }

    public OpenAiSettings withRetries(int retries, Duration longestWait) {
        return new OpenAiSettings(baseUri, apiKey, connectTimeout, firstTokenTimeout, idleTimeout, requestTimeout,
                adminTimeout, retries, longestWait);
    }

    /** The key as it is now, stripped of the blanks a paste brings along; empty when none is set. */
    Optional<String> key() {
        String key = apiKey == null ? null : apiKey.get();
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(key.strip());
    }

    /** {@code base + "/" + path}: the base URL's own path (e.g. /v1) is kept, which {@code URI.resolve} would drop. */
    URI endpoint(String path) {
        return URI.create(baseUri + "/" + path);
    }

    /**
     * Whether this is api.openai.com, which refuses fields other servers accept ({@code top_k}) and wants
     * {@code max_completion_tokens} where vLLM, llama.cpp and LM Studio read {@code max_tokens}.
     */
    boolean openAiItself() {
        return baseUri.getHost() != null && baseUri.getHost().toLowerCase(Locale.ROOT).equals("api.openai.com");
    }

    @Override
    public String toString() {
        return "OpenAiSettings[baseUri=" + baseUri + ", key=" + (key().isPresent() ? "set" : "none")
                + ", connectTimeout=" + connectTimeout + ", firstTokenTimeout=" + firstTokenTimeout + ", idleTimeout="
                + idleTimeout + ", requestTimeout=" + requestTimeout + ", adminTimeout=" + adminTimeout
                + ", maxRetries=" + maxRetries + ", longestRetryWait=" + longestRetryWait + "]";
    }
}
