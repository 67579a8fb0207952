package dev.aiworkbench.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A scripted error answer of {@link FakeAnthropic}: a status with the API's error body
 * {@code {"type":"error","error":{"type","message"},"request_id"}} and any headers (retry-after), for the next
 * request(s). By default it answers the next request to /v1/messages.
 */
public final class FakeAnthropicFailure {
    private final int status;
    private final String type;
    private final String message;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int remaining = 1;
    private Set<String> paths = Set.of("/v1/messages");

    FakeAnthropicFailure(int status, String type, String message) {
        this.status = status;
        this.type = type;
        this.message = message;
    }

    /** Answers this many matching requests (default 1). */
    public synchronized FakeAnthropicFailure times(int count) {
        this.remaining = count;
        return this;
    }

    /** Answers every matching request until {@link FakeAnthropic#clearFaults()}. */
    public synchronized FakeAnthropicFailure always() {
        this.remaining = Integer.MAX_VALUE;
        return this;
    }

    /** The {@code retry-after} header, as the API sends it with a 429 (whole seconds). */
    public synchronized FakeAnthropicFailure retryAfter(String value) {
        headers.put("retry-after", value);
        return this;
    }

    /** Any other header of the error answer, e.g. {@code x-should-retry}. */
    public synchronized FakeAnthropicFailure header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Only requests to these paths match (default /v1/messages). */
    public synchronized FakeAnthropicFailure on(String... matching) {
        this.paths = Set.of(matching);
        return this;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String message() {
        return message;
    }

    synchronized Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    synchronized int remaining() {
        return remaining;
    }

    synchronized boolean take(String path) {
        if (remaining <= 0 || !paths.contains(path)) {
            return false;
        }
        if (remaining != Integer.MAX_VALUE) {
            remaining--;
        }
        return true;
    }
}
