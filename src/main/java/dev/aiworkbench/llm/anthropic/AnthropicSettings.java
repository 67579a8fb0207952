package dev.aiworkbench.llm.anthropic;

import java.net.URI;
import java.time.Duration;

/**
 * Where the Anthropic Messages API is and how long to wait. The key is not here: it is a secret, handed to the
 * gateway on its own so that no settings record can print it.
 *
 * @param baseUri           the API's root, {@code https://api.anthropic.com} unless overridden (a proxy, a gateway)
 * @param firstTokenTimeout until the first event of a streamed answer
 * @param idleTimeout       between two events of a streamed answer
 * @param requestTimeout    for a whole non-streamed answer
 * @param adminTimeout      for listing models
 * @param defaultMaxTokens  the {@code max_tokens} sent when the options set no {@code num_predict}; the API requires one
 */
public record AnthropicSettings(URI baseUri, Duration connectTimeout, Duration firstTokenTimeout, Duration idleTimeout,
                                Duration requestTimeout, Duration adminTimeout, int defaultMaxTokens,
                                RetryPolicy retry) {
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.anthropic.com");
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public AnthropicSettings {
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1");
        }
        String text = baseUri.toString();
        // resolve("/v1/...") would drop a base path such as a proxy's /anthropic, so the base keeps no trailing slash
        baseUri = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUri;
    }

    public static AnthropicSettings defaults(URI baseUri) {
        return new AnthropicSettings(baseUri, Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(1),
                Duration.ofMinutes(10), Duration.ofSeconds(30), DEFAULT_MAX_TOKENS, RetryPolicy.DEFAULT);
    }

    public static AnthropicSettings defaults() {
        return defaults(DEFAULT_BASE_URI);
    }

    public AnthropicSettings withTimeouts(Duration firstToken, Duration idle, Duration request) {
        return new AnthropicSettings(baseUri, connectTimeout, firstToken, idle, request, adminTimeout, defaultMaxTokens,
                retry);
    }

    public AnthropicSettings withRetry(RetryPolicy policy) {
        return new AnthropicSettings(baseUri, connectTimeout, firstTokenTimeout, idleTimeout, requestTimeout,
                adminTimeout, defaultMaxTokens, policy);
    }

    /** The address of an API path under the base, e.g. {@code /v1/messages}, keeping any path the base has. */
    URI resolve(String path) {
        return URI.create(baseUri + path);
    }
}
