package dev.aiworkbench.observability;

import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A streamed call that reports its end exactly once, however its caller learns of it: from {@link #await} on the
 * caller's own thread (no hand-over, so an eval worker pays nothing extra), from {@link #result()} as it settles,
 * or, after a cancel, from the settled result.
 */
final class RecordedCall implements GenerationCall {
    private final GenerationCall inner;
    private final CallTimer timer;
    private final Consumer<CallEnd> ended;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean timedOut;

    RecordedCall(GenerationCall inner, CallTimer timer, Consumer<CallEnd> ended) {
        this.inner = inner;
        this.timer = timer;
        this.ended = ended;
    }

    /** Settles after the end is reported, so what the caller attaches sees the call already recorded. */
    @Override
    public CompletableFuture<GenerationResult> result() {
        return inner.result().whenComplete(this::settled);
    }

    @Override
    public GenerationResult await(Duration timeout) throws ModelServerException, InterruptedException, TimeoutException {
        try {
            GenerationResult result = inner.await(timeout);
            settled(result, null);
            return result;
        } catch (ModelServerException e) {
            settled(null, e);
            throw e;
        } catch (TimeoutException e) {
            // The call goes on until the caller cancels it; then its end is reported as this timeout.
            timedOut = true;
            throw e;
        }
    }

    @Override
    public void cancel() {
        inner.cancel();
        if (!reported.get()) {
            inner.result().whenComplete(this::settled);
        }
    }

    private void settled(GenerationResult result, Throwable failure) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        if (failure == null) {
            CallEnd end = CallEnd.of(timer, result);
            ended.accept(timedOut ? end.timedOut() : end);
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            ended.accept(CallEnd.failed(timer, cause));
        }
    }
}
