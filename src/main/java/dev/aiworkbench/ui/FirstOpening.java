package dev.aiworkbench.ui;

import dev.aiworkbench.app.ClosedDataFolder;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.InstalledPack;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The first session's workbench (data folder, database, pack), opened on a thread of its own from the moment the app
 * is launched: on a machine with a second core it opens while the first brings the JavaFX toolkit up and paints the
 * window, so Today can fill the window as soon as it shows. Until the window shows, opening keeps to that one
 * thread (the database, then the pack), so it takes no more than the idle core from the toolkit; once the window is
 * on screen the pack is read on another thread while the database opens, as {@link Workbench#open} does. What
 * opening says while it waits (another process setting up the same database) is held until the window can show it.
 */
final class FirstOpening {
    private final CompletableFuture<Workbench> workbench = new CompletableFuture<>();
    private final CompletableFuture<InstalledPack> pack = new CompletableFuture<>();
    private final AtomicBoolean packStarted = new AtomicBoolean();
    private final HeldNotices notices = new HeldNotices();
    private final WorkbenchOptions options;

    private FirstOpening(WorkbenchOptions options) {
        this.options = options;
    }

    /** Starts opening now, on a daemon thread, so a window that never comes does not keep the process alive. */
    static FirstOpening start(WorkbenchOptions options, Clock clock) {
        FirstOpening opening = new FirstOpening(options);
        daemon("workbench-open", () -> opening.open(clock));
        return opening;
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void open(Clock clock) {
        try {
            workbench.complete(Workbench.open(options, clock, notices, this::readPack));
        } catch (Exception | LinkageError e) {
            workbench.completeExceptionally(e);
        }
    }

    /** Asked once the database is open: reads the pack here unless the window's showing has started it already. */
    private InstalledPack readPack() {
        if (packStarted.compareAndSet(false, true)) {
            readPackInto();
        }
        return pack.join();
    }

    private void readPackInto() {
        try {
            pack.complete(ClosedDataFolder.readPack(options));
        } catch (RuntimeException | LinkageError e) {
            pack.completeExceptionally(e);
        }
    }

    /** The window is on screen: from now on the pack may take the second core while the database opens. */
    void windowShown() {
        if (packStarted.compareAndSet(false, true)) {
            daemon("workbench-pack", this::readPackInto);
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
