package dev.aiworkbench.ui.evals;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalProgress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries a run's progress from the runner's threads to the screen's state. Each case that lands is queued and
 * counted, and {@code onPending} is told; the screen takes what gathered with {@link #take} when it next gets to
 * it (at most once a frame in the app), so a fast run never floods it and no case is lost.
 */
final class ProgressFeed implements EvalProgress {
    /** What landed since the last take, and the counts so far. */
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
    private final Runnable onPending;

    /**
     * @param kept      cases a resumed run already has
     * @param total     cases the run will have
     * @param onPending told on the runner's thread that there is something to take
     */
    ProgressFeed(List<CaseResult> kept, int total, Runnable onPending) {
        this.doneAtStart = kept.size();
        this.done = new AtomicInteger(kept.size());
        this.total = new AtomicInteger(total);
        this.failed = new AtomicInteger((int) kept.stream().filter(c -> !c.errored() && !c.pass()).count());
        this.errors = new AtomicInteger((int) kept.stream().filter(CaseResult::errored).count());
        this.onPending = onPending;
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
        onPending.run();
    }

    void setTotal(int totalCases) {
        total.set(totalCases);
    }

    /** Everything that landed since the last take, with the counts and the time left at the pace so far. */
    Frame take() {
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
