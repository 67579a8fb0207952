package dev.aiworkbench.testing;

import java.time.Instant;

/**
 * The client closed (or reset) the connection before the fake had finished answering.
 *
 * @param method     the request's method
 * @param path       the request's path, e.g. "/api/chat"
 * @param chunksSent NDJSON lines already written (0 for a non-streamed answer)
 * @param at         when the fake noticed (wall clock, not the fake's clock)
 */
public record FakeOllamaDisconnect(String method, String path, int chunksSent, Instant at) {
}
