package dev.aiworkbench.ui.common;

import javafx.animation.AnimationTimer;

import java.util.function.Consumer;

/**
 * Carries streamed text to the FX thread without flooding it: pieces arrive on any thread and are
 * gathered in a buffer; once per frame (an AnimationTimer, so never more than the screen's refresh
 * rate, about 60 a second) whatever has gathered is handed over in one piece. Nothing is dropped:
 * {@link #finish} hands over the rest before it runs its follow-up.
 */
public final class StreamingTextSink {
    private final Consumer<String> append;
    private final StringBuilder pending = new StringBuilder();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            flush();
        }
    };
    private long updates;

    /** @param append receives the gathered text on the FX thread */
    public StreamingTextSink(Consumer<String> append) {
        this.append = append;
    }

    /** Starts handing over text; call on the FX thread before the stream starts. */
    public void start() {
        frames.start();
    }

    /** Adds a piece of text; any thread. */
    public void offer(String delta) {
        synchronized (pending) {
            pending.append(delta);
        }
    }

    /** Hands over what is left and stops; call on the FX thread when the stream has ended. */
    public void finish() {
        frames.stop();
        flush();
    }

    /** How many times text was handed to the FX thread, for the frame-rate budget. */
    public long updates() {
        return updates;
    }

    private void flush() {
        String chunk;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            chunk = pending.toString();
            pending.setLength(0);
        }
        updates++;
        append.accept(chunk);
    }
}
