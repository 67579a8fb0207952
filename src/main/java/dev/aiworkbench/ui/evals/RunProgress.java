package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalProgress;
import dev.aiworkbench.ui.common.FramePacer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Carries a run's progress from the runner's threads to the screen. Each case that lands is queued and
 * a {@link FramePacer} hands what gathered to the FX thread at most once per frame, so a fast run never
 * floods it, no case is lost, and a slow run costs the screen nothing between cases.
 */
final class RunProgress implements EvalProgress {
    /** What landed since the last frame, and the counts so far. */
    record Frame(List<CaseResult> landed, int done, int total, int failed, int errors, Optional<Duration> eta) {
        double fraction() {
            return total == 0 ? 0 : Math.min(1, (double) done / total);
        }
    }

    private final ConcurrentLinkedQueue<CaseResult> landed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger done;
    private final AtomicInteger total;
    private final AtomicInteger failed;
    private final AtomicInteger errors;
    private final int doneAtStart;
    private final long startNanos = System.nanoTime();
    private final Consumer<Frame> onFrame;
    private final FramePacer pacer = new FramePacer(this::deliver);
    /** Set by {@link #finish}: a paced hand-over still pending then would overwrite the final line. FX thread. */
    private boolean finished;

    /**
     * @param kept    cases a resumed run already has
     * @param total   cases the run will have
     * @param onFrame called on the FX thread
     */
    RunProgress(List<CaseResult> kept, int total, Consumer<Frame> onFrame) {
        this.doneAtStart = kept.size();
        this.done = new AtomicInteger(kept.size());
        this.total = new AtomicInteger(total);
        this.failed = new AtomicInteger((int) kept.stream().filter(c -> !c.errored() && !c.pass()).count());
        this.errors = new AtomicInteger((int) kept.stream().filter(CaseResult::errored).count());
        this.onFrame = onFrame;
    }

    /** Runner threads. */
    @Override
    public void onCase(CaseResult result, int doneSoFar, int totalCases) {
        landed.add(result);
        done.accumulateAndGet(doneSoFar, Math::max);
        total.set(totalCases);
        if (result.errored()) {
            errors.incrementAndGet();
        } else if (!result.pass()) {
            failed.incrementAndGet();
        }
        pacer.request();
    }

    void setTotal(int totalCases) {
        total.set(totalCases);
        pacer.request();
    }

    /** Hands over whatever is left, once and for all; FX thread. */
    void finish() {
        finished = true;
        onFrame.accept(frame());
    }

    private void deliver() {
        if (!finished) {
            onFrame.accept(frame());
        }
    }

    private Frame frame() {
        List<CaseResult> batch = new ArrayList<>();
        for (CaseResult c; (c = landed.poll()) != null; ) {
            batch.add(c);
        }
        int d = done.get();
        int t = total.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        int ranHere = d - doneAtStart;
        Optional<Duration> eta = ranHere <= 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos(elapsed.toNanos() / ranHere * Math.max(0, t - d)));
        return new Frame(batch, d, t, failed.get(), errors.get(), eta);
    }
}
