package dev.aiworkbench.ui.tasks;

import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One session's way onto an executor that outlives it (the app's io worker, which the next session uses too). Once
 * closed it takes no new work: the session's screens are gone and its database is about to close, so a listener of
 * theirs that still fires (a last snapshot arriving) must not start a read of it. Work taken before runs to its end.
 */
public final class SessionTasks implements TaskExecutor, AutoCloseable {
    private final TaskExecutor shared;
    private volatile boolean closed;

    public SessionTasks(TaskExecutor shared) {
        this.shared = shared;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (closed) {
            LoggerFactory.getLogger(SessionTasks.class).debug("work of a closed session was dropped");
            return;
        }
        shared.run(work, onSuccess, onFailure);
    }

    @Override
    public void publish(Runnable update) {
        shared.publish(update);
    }

    /** Takes no new work from now on; returns at once. */
    @Override
    public void close() {
        closed = true;
    }
}
