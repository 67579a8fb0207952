package dev.aiworkbench.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries streamed text to the FX thread without flooding it. Pieces arrive on any thread and are
 * gathered; a hand-over to the FX thread is scheduled when the first piece arrives, at once if the
 * last hand-over was at least 1/60 s ago (so the first token shows without waiting for a frame),
 * otherwise when that time is up. So the FX thread gets at most 60 updates a second, whatever the
 * token rate, and nothing is dropped: every piece is in some hand-over.
 */
public final class StreamingTextSink {
    /** 1/60 s, rounded up so that 60 spaced hand-overs never fit in less than a second. */
    static final long SPACING_NANOS = 1_000_000_000L / 60 + 1;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "text-sink-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final Consumer<String> append;
    private final StringBuilder pending = new StringBuilder();
    private boolean scheduled;
    private long lastHandOver = System.nanoTime() - SPACING_NANOS;
    private long updates;

    /** @param append receives the gathered text on the FX thread */
    public StreamingTextSink(Consumer<String> append) {
        this.append = append;
    }

    /** Adds a piece of text; any thread. */
    public void offer(String delta) {
        synchronized (pending) {
            pending.append(delta);
            if (!scheduled) {
                scheduled = true;
                schedule(lastHandOver + SPACING_NANOS - System.nanoTime());
            }
        }
    }

    /** How many times text was handed to the FX thread, for the frame-rate budget. */
    public long updates() {
        synchronized (pending) {
            return updates;
        }
    }

    private void schedule(long waitNanos) {
        if (waitNanos <= 0) {
            Platform.runLater(this::handOver);
        } else {
            TIMER.schedule(() -> Platform.runLater(this::handOver), waitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void handOver() {
        String chunk;
        synchronized (pending) {
            long wait = lastHandOver + SPACING_NANOS - System.nanoTime();
            if (wait > 0) {
                // The FX queue ran this early (a backlog cleared at once): keep the spacing.
                schedule(wait);
                return;
            }
            scheduled = false;
            if (pending.isEmpty()) {
                return;
            }
            chunk = pending.toString();
            pending.setLength(0);
            lastHandOver = System.nanoTime();
            updates++;
        }
        append.accept(chunk);
    }
}
