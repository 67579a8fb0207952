package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.ui.common.FramePacer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Carries streamed tool-call pieces to the FX thread at most once a frame, as {@link
 * dev.aiworkbench.ui.common.StreamingTextSink} does for text. Pieces arrive on the gateway's thread and are gathered,
 * consecutive fragments of one call joined into one piece, so a frame appends to each card once however many
 * fragments the provider sent. Nothing is dropped and the order is kept.
 */
public final class ToolCallFeed {
    private final Consumer<List<ToolCallDelta>> apply;
    private final Runnable request;
    private final List<ToolCallDelta> pending = new ArrayList<>();
    private long updates;

    /** @param apply receives the gathered pieces on the FX thread */
    public ToolCallFeed(Consumer<List<ToolCallDelta>> apply) {
        this(apply, work -> new FramePacer(work)::request);
    }

    /** @param pacing turns the hand-over into the request that schedules it (a test schedules by hand) */
    ToolCallFeed(Consumer<List<ToolCallDelta>> apply, Function<Runnable, Runnable> pacing) {
        this.apply = apply;
        this.request = pacing.apply(this::handOver);
    }

    /** Adds a piece; any thread. */
    public void offer(ToolCallDelta delta) {
        synchronized (pending) {
            int last = pending.size() - 1;
            ToolCallDelta previous = last < 0 ? null : pending.get(last);
            if (previous != null && previous.index() == delta.index() && !delta.opensCall()) {
                pending.set(last, new ToolCallDelta(previous.index(), previous.id(), previous.name(),
                        previous.argumentsFragment() + delta.argumentsFragment()));
            } else {
                pending.add(delta);
            }
        }
        request.run();
    }

    /** How many times pieces were handed to the FX thread, for the frame-rate budget. */
    public long updates() {
        synchronized (pending) {
            return updates;
        }
    }

    private void handOver() {
        List<ToolCallDelta> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = List.copyOf(pending);
            pending.clear();
            updates++;
        }
        apply.accept(batch);
    }
}
