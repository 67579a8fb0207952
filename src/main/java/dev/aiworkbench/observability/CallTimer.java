package dev.aiworkbench.observability;

import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallDelta;

import java.time.Instant;

/** When a call started, and when its first piece of answer arrived, on the monotonic clock. */
final class CallTimer {
    private final Instant startedAt;
    private final long startNanos;
    private volatile long firstTokenNanos = -1;

    CallTimer(Instant startedAt, long startNanos) {
        this.startedAt = startedAt;
        this.startNanos = startNanos;
    }

    Instant startedAt() {
        return startedAt;
    }

    double elapsedMs() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** The first token's time, or null when none arrived. */
    Double firstTokenMs() {
        long first = firstTokenNanos;
        return first < 0 ? null : (first - startNanos) / 1e6;
    }

    /** The listener, noting when the first piece of answer (or of thinking, or of a tool call) passes through it. */
    TokenListener listening(TokenListener listener) {
        return new TokenListener() {
            @Override
            public void onToken(String delta) {
                mark();
                listener.onToken(delta);
            }

            @Override
            public void onThinking(String delta) {
                mark();
                listener.onThinking(delta);
            }

            @Override
            public void onToolCall(ToolCallDelta delta) {
                mark();
                listener.onToolCall(delta);
            }
        };
    }

    private void mark() {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }
}
