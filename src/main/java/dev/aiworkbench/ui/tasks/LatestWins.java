package dev.aiworkbench.ui.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs one job at a time through an executor and keeps only the newest request that comes in meanwhile, so a burst
 * of changes (ticks in a row) costs the running read and one more, and the result shown is the newest one's. Used
 * on the thread that owns the caller's state, like the executor's outcomes.
 */
public final class LatestWins<T> {
    private final TaskExecutor executor;
    private final Consumer<? super T> onResult;
    private final Consumer<Throwable> onFailure;
    private boolean running;
    private Callable<T> waiting;

    public LatestWins(TaskExecutor executor, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    public void request(Callable<T> work) {
        if (running) {
            waiting = work;
            return;
        }
        start(work);
    }

    private void start(Callable<T> work) {
        running = true;
        executor.run(work, result -> finished(() -> onResult.accept(result)),
                failure -> finished(() -> onFailure.accept(failure)));
    }

    /** A newer request makes this outcome stale: it is dropped and the newer one runs instead. */
    private void finished(Runnable deliver) {
        running = false;
        Callable<T> next = waiting;
        waiting = null;
        if (next == null) {
            deliver.run();
        } else {
            start(next);
        }
    }
}
