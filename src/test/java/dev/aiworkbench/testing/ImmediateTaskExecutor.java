package dev.aiworkbench.testing;

import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The synchronous twin of the app's executor: work and its outcome run at once on the calling thread, so a view
 * model's test reads its state right after calling it, with no scene, no FX thread and no sleeps.
 */
public final class ImmediateTaskExecutor implements TaskExecutor {
    private int started;

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        started++;
        T result;
        try {
            result = work.call();
        } catch (Exception | LinkageError e) {
            onFailure.accept(Sentences.cause(e));
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void publish(Runnable update) {
        update.run();
    }

    /** How many jobs were started: a test that expects no work (a refused input) checks it stayed 0. */
    public int started() {
        return started;
    }
}
