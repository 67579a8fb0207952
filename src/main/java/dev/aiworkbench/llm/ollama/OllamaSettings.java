package dev.aiworkbench.llm.ollama;

import java.net.URI;
import java.time.Duration;

/**
 * Where the server is and how long to wait.
 *
 * @param firstTokenTimeout until the first line of an answer (includes loading the model)
 * @param idleTimeout       between two lines of a streamed answer or pull
 * @param requestTimeout    for a whole non-streamed answer or a batch of embeddings
 * @param adminTimeout      for the small calls: version, list, show, delete
 */
public record OllamaSettings(URI baseUri, Duration connectTimeout, Duration firstTokenTimeout, Duration idleTimeout,
                             Duration requestTimeout, Duration adminTimeout) {

    public static OllamaSettings defaults(URI baseUri) {
        return new OllamaSettings(baseUri, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofSeconds(15));
    }

    public OllamaSettings withTimeouts(Duration firstToken, Duration idle, Duration request) {
        return new OllamaSettings(baseUri, connectTimeout, firstToken, idle, request, adminTimeout);
    }
}
