package dev.aiworkbench.ui;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The first session's workbench (data folder, database, pack), opened on a thread of its own from the moment the app
 * is launched: on a machine with a second core it opens while the first brings the JavaFX toolkit up and paints the
 * window, so Today can fill the window as soon as it shows. What opening says while it waits (another process
 * setting up the same database) is held until the window can show it.
 */
final class FirstOpening {
    private final CompletableFuture<Workbench> workbench = new CompletableFuture<>();
    private final HeldNotices notices = new HeldNotices();

    private FirstOpening() {
    }

    /** Starts opening now, on a daemon thread, so a window that never comes does not keep the process alive. */
    static FirstOpening start(WorkbenchOptions options, Clock clock) {
        FirstOpening opening = new FirstOpening();
        Thread thread = new Thread(() -> opening.open(options, clock), "workbench-open");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    private void open(WorkbenchOptions options, Clock clock) {
        try {
            workbench.complete(Workbench.open(options, clock, notices));
        } catch (Exception | LinkageError e) {
            workbench.completeExceptionally(e);
        }
    }

    /**
     * The open workbench, once it is; blocks, so never on the FX thread.
     *
     * @throws Exception what opening threw (the data folder's or the database's failure), unwrapped
     */
    Workbench await() throws Exception {
        try {
            return workbench.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** From now on, and for what was said before, tells {@code shown} on the FX thread; called on the FX thread. */
    void showNoticesOn(Consumer<String> shown) {
        notices.showOn(shown);
    }
}
