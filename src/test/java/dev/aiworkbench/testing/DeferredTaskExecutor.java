package dev.aiworkbench.testing;

import dev.aiworkbench.ui.tasks.TaskExecutor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * An executor that holds each job until the test lets it run, so a test can make requests while one is "in
 * flight" and then finish them one by one.
 */
public final class DeferredTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> held = new ArrayDeque<>();
    private int started;

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        started++;
        held.add(() -> new ImmediateTaskExecutor().run(work, onSuccess, onFailure));
    }

    @Override
    public void publish(Runnable update) {
        update.run();
    }

    /** Runs the oldest held job and hands over its outcome. */
    public void runNext() {
        held.remove().run();
    }

    public int held() {
        return held.size();
    }

    public int started() {
        return started;
    }
}
