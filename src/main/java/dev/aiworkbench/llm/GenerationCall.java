package dev.aiworkbench.llm;

import java.util.concurrent.CompletableFuture;

/**
 * A streaming call in flight. The result completes with the whole answer, with what had arrived when
 * the call was cancelled ({@link GenerationResult#cancelled()}), or exceptionally with a
 * {@link ModelServerException} ({@link GenerationFailedException} keeps the partial answer).
 */
public interface GenerationCall {
    CompletableFuture<GenerationResult> result();

    /** Stops the answer and closes the connection; the server stops generating. */
    void cancel();
}
