package dev.aiworkbench.ui.common;

import java.util.function.Consumer;

/**
 * Carries streamed text to the FX thread without flooding it. Pieces arrive on any thread and are
 * gathered; a hand-over to the FX thread is scheduled when the first piece arrives, at once if the
 * last hand-over was at least 1/60 s ago (so the first token shows without waiting for a frame),
 * otherwise when that time is up ({@link FramePacer}). So the FX thread gets at most 60 updates a
 * second, whatever the token rate, and nothing is dropped: every piece is in some hand-over.
 */
public final class StreamingTextSink {
    private final Consumer<String> append;
    private final StringBuilder pending = new StringBuilder();
    private final FramePacer pacer = new FramePacer(this::handOver);
    private long updates;

    /** @param append receives the gathered text on the FX thread */
    public StreamingTextSink(Consumer<String> append) {
        this.append = append;
    }

    /** Adds a piece of text; any thread. */
    public void offer(String delta) {
        synchronized (pending) {
            pending.append(delta);
        }
        pacer.request();
    }

    /** How many times text was handed to the FX thread, for the frame-rate budget. */
    public long updates() {
        synchronized (pending) {
            return updates;
        }
    }

    private void handOver() {
        String chunk;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            chunk = pending.toString();
            pending.setLength(0);
            updates++;
        }
        append.accept(chunk);
    }
}
