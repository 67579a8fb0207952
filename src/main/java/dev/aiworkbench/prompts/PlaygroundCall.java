package dev.aiworkbench.prompts;

import java.util.concurrent.CompletableFuture;

/** A playground run in flight: settles once the run is kept; cancel stops the model and keeps the partial answer. */
public interface PlaygroundCall {
    CompletableFuture<PlaygroundResult> result();

    void cancel();
}
