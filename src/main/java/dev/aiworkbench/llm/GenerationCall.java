package dev.aiworkbench.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A streaming call in flight. The result completes with the whole answer, with what had arrived when
 * the call was cancelled ({@link GenerationResult#cancelled()}), or exceptionally with a
 * {@link ModelServerException} ({@link GenerationFailedException} keeps the partial answer).
 */
public interface GenerationCall {
    /** Settles off the gateway's I/O thread, so what a caller attaches to it may block. */
    CompletableFuture<GenerationResult> result();

    /**
     * Waits on the calling thread for the same outcome as {@link #result()}, woken straight from the
     * gateway's I/O thread: for a caller that blocks anyway, such as an eval worker, without the
     * hand-over the future's dependents need.
     *
     * @throws ModelServerException the call failed, as {@link #result()} would fail
     * @throws TimeoutException     no outcome within the timeout; the call goes on until cancelled
     */
    GenerationResult await(Duration timeout) throws ModelServerException, InterruptedException, TimeoutException;

    /** Stops the answer and closes the connection; the server stops generating. */
    void cancel();
}
