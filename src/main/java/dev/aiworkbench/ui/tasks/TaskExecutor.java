package dev.aiworkbench.ui.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How view models start slow work (disk, database, network, processes) and get its outcome back on the thread
 * that owns their state. The app's implementation runs work on background threads and answers on the FX thread;
 * tests use one that does everything at once on the calling thread, so a view model is tested without a scene
 * and without sleeps.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} off the UI thread, then {@code onSuccess} with its result or {@code onFailure} with what
     * it threw, on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a state change on the UI thread: for listeners that are called on other threads. */
    void publish(Runnable update);
}
