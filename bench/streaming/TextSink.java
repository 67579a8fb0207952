package dev.aiworkbench.bench.streaming;

import dev.aiworkbench.ui.common.StreamingTextSink;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The product's {@link StreamingTextSink}, unchanged, with the bookkeeping the harnesses need. The
 * sink hands text to the FX thread asynchronously (at once, or when 1/60 s since the last hand-over
 * is up) and has no "finish": a stream is done for a harness when every character offered has
 * reached the FX-side consumer, which {@link #awaitAllShown} waits for.
 */
final class TextSink {
    private final StreamingTextSink sink;
    private final AtomicLong offered = new AtomicLong();
    private final Object lock = new Object();
    private long shown; // guarded by lock; written on the FX thread

    /** @param append the FX-side consumer; called on the FX thread with each hand-over */
    TextSink(Consumer<String> append) {
        sink = new StreamingTextSink(chunk -> {
            append.accept(chunk);
            synchronized (lock) {
                shown += chunk.length();
                lock.notifyAll();
            }
        });
    }

    /** Any thread: counts the characters, then offers them to the product's sink. */
    void offer(String delta) {
        offered.addAndGet(delta.length());
        sink.offer(delta);
    }

    /** Hand-overs to the FX thread so far (the product's count). */
    long updates() {
        return sink.updates();
    }

    /** Characters the FX-side consumer has received so far (and finished with). */
    long shownChars() {
        synchronized (lock) {
            return shown;
        }
    }

    /**
     * Waits until the FX-side consumer has received (and returned from) every character offered
     * before this call. Call it after the last {@link #offer}, for example once the gateway's result
     * is complete (the gateway calls its listener before it completes the result).
     *
     * @return false if some text had not reached the consumer when the timeout was up
     */
    boolean awaitAllShown(Duration timeout) throws InterruptedException {
        long target = offered.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (shown < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
