package dev.aiworkbench.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one piece of FX work when asked from any thread, at most once per 1/60 s: asks that come while a run is
 * pending join it, and a run comes at once when the last one was long enough ago. For feeds whose producers can
 * outpace the screen (a service's log), so the FX thread gets at most one update a frame.
 */
public final class FramePacer {
    /** 1/60 s, rounded up so that 60 spaced runs never fit in less than a second. */
    static final long SPACING_NANOS = 1_000_000_000L / 60 + 1;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "frame-pacer");
        thread.setDaemon(true);
        return thread;
    });

    private final Runnable work;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastRun = System.nanoTime() - SPACING_NANOS;

    /** @param work what to run on the FX thread; it takes everything that arrived since it last ran */
    public FramePacer(Runnable work) {
        this.work = work;
    }

    /** Asks for a run; any thread. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            schedule(lastRun + SPACING_NANOS - System.nanoTime());
        }
    }

    private void schedule(long waitNanos) {
        if (waitNanos <= 0) {
            Platform.runLater(this::run);
        } else {
            TIMER.schedule(() -> Platform.runLater(this::run), waitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        long wait = lastRun + SPACING_NANOS - System.nanoTime();
        if (wait > 0) {
            schedule(wait);
            return;
        }
        lastRun = System.nanoTime();
        pending.set(false);
        work.run();
    }
}
