package dev.aiworkbench.llm.openai;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.PullCall;

import java.util.concurrent.CompletableFuture;

/** A pull this provider cannot do: failed from the start with the reason. */
record RefusedPull(ModelServerException reason) implements PullCall {
    @Override
    public CompletableFuture<Void> done() {
        return CompletableFuture.failedFuture(reason);
    }

    @Override
    public void cancel() {
        // nothing was started
    }
}
