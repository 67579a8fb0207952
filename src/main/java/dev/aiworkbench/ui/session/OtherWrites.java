package dev.aiworkbench.ui.session;

import dev.aiworkbench.ui.tasks.TaskExecutor;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What other processes write to the data folder (a task marked from the command line, an eval run in CI, a lab
 * check), as the session's screens hear it: once a burst, on the FX thread, so each re-reads what it shows. The
 * watch itself runs on a thread of its own; nothing polls on the FX thread.
 */
public final class OtherWrites implements AutoCloseable {
    private final TaskExecutor tasks;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable watch;
    private volatile boolean heard = true;

    /**
     * Starts watching at once.
     *
     * @param watch starts the watch with what to run (on its thread) when others wrote; closing what it returns
     *              stops it
     */
    public OtherWrites(Function<Runnable, AutoCloseable> watch, TaskExecutor tasks) {
        this.tasks = tasks;
        this.watch = watch.apply(this::othersWrote);
    }

    /** Runs {@code reread} on the FX thread after each burst of other processes' writes.  */
    public void listen(Runnable reread) {
        listeners.add(reread);
    }

    private void othersWrote() {
        if (heard) {
            tasks.publish(this::tell);
        }
    }

    private void tell() {
        if (heard) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Tells the screens nothing more: they are going. Returns at once, so the FX thread may call it. */
    public void stopTelling() {
        heard = false;
    }

    /** Stops the watch and closes its connection; blocks for a moment, so not on the FX thread. */
    @Override
    public void close() {
        stopTelling();
        try {
            watch.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(OtherWrites.class).warn("stopping the database watch failed", e);
        }
    }
}
