package dev.aiworkbench.llm;

import java.util.concurrent.CompletableFuture;

/** A pull in flight: done when the server says success; cancel closes the connection. */
public interface PullCall {
    CompletableFuture<Void> done();

    void cancel();
}
