package dev.aiworkbench.ui;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The workbench opened (data folder, database, pack) on a thread of its own from the moment the app is launched, while
 * the JavaFX toolkit starts and paints the first window on the other core: started after the first frame, as before,
 * the whole of it stood between the window and a filled Today screen. The app claims it once; a "waiting for another
 * process" notice given before the window exists is passed on when the window asks for it.
 */
final class EarlyOpening {
    private final CompletableFuture<Workbench> opening = new CompletableFuture<>();
    private Consumer<String> notices;
    private String pendingNotice;
    private boolean claimed;

    private EarlyOpening() {
    }

    static EarlyOpening start(WorkbenchOptions options, Clock clock) {
        EarlyOpening early = new EarlyOpening();
        Thread.ofPlatform().name("workbench-open").daemon(true).start(() -> {
            try {
                early.opening.complete(Workbench.open(options, clock, early::notice));
            } catch (Exception | Error e) {
                early.opening.completeExceptionally(e);
            }
        });
        return early;
    }

    private synchronized void notice(String waiting) {
        if (notices != null) {
            notices.accept(waiting);
        } else {
            pendingNotice = waiting;
        }
    }

    /** Where notices go from now on; one given before is passed on at once. */
    synchronized void tellNoticesTo(Consumer<String> target) {
        notices = target;
        if (pendingNotice != null) {
            target.accept(pendingNotice);
            pendingNotice = null;
        }
    }

    /**
     * Waits for the opening and hands the workbench over; the caller closes it.
     *
     * @throws Exception what opening threw (a {@link dev.aiworkbench.app.DataFolderException}, a database failure)
     */
    Workbench claim() throws Exception {
        synchronized (this) {
            claimed = true;
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Closes the workbench if the app ends before claiming it. */
    synchronized void closeUnclaimed() {
        if (!claimed) {
            claimed = true;
            opening.thenAccept(Workbench::close);
        }
    }
}
