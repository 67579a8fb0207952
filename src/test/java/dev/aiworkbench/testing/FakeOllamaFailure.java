package dev.aiworkbench.testing;

import java.util.Set;

/**
 * A scripted error answer ({@code {"error":"..."}} with a status) for the next request(s), made by
 * {@link FakeOllama#status(int, String)}. By default it answers the next request, whatever its path.
 */
public final class FakeOllamaFailure {
    private final int status;
    private final String message;
    private int remaining = 1;
    private Set<String> paths = Set.of();

    FakeOllamaFailure(int status, String message) {
        this.status = status;
        this.message = message;
    }

    /** Answers this many matching requests (default 1). */
    public synchronized FakeOllamaFailure times(int count) {
        this.remaining = count;
        return this;
    }

    /** Answers every matching request until {@link FakeOllama#clearFaults()}. */
    public synchronized FakeOllamaFailure always() {
        this.remaining = Integer.MAX_VALUE;
        return this;
    }

    /** Only requests to these paths (e.g. "/api/chat") match; others are served normally. */
    public synchronized FakeOllamaFailure on(String... paths) {
        this.paths = Set.of(paths);
        return this;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public synchronized int remaining() {
        return remaining;
    }

    synchronized boolean take(String path) {
        if (remaining <= 0 || (!paths.isEmpty() && !paths.contains(path))) {
            return false;
        }
        if (remaining != Integer.MAX_VALUE) {
            remaining--;
        }
        return true;
    }
}
