package dev.aiworkbench.ui.shell;

import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.session.BudgetAlerts;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.OtherWrites;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.session.ServerStatusModel;
import dev.aiworkbench.ui.session.ThemePreference;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import dev.aiworkbench.ui.tasks.SessionTasks;

import java.util.Optional;

/**
 * The models every screen may share once the workbench is open, and the executors they run on.
 *
 * @param budgets    the watch on the learner's budgets, which raises the shell's alert when one is crossed
 * @param savedTheme the theme the learner last chose, to open with
 * @param io         the serial worker for disk and database work, in the order the learner acted, as this session
 *                   reaches it
 * @param slowWork   threads for work that may take long (model calls, runs, labs), so it never holds up the
 *                   writes on {@code io} or each other
 * @param otherWrites tells the screens when other processes wrote to the data folder, so they read it again
 * @param packUpdate  what an app update's newer built-in pack changed, carried over at this start: shown once
 */
public record SessionModels(ProgressModel progress, ServerStatusModel server, Notices notices, ThemePreference theme,
                            BudgetAlerts budgets, ThemeChoice savedTheme, SessionTasks io, FxTaskExecutor slowWork,
                            OtherWrites otherWrites, Optional<String> packUpdate)
        implements AutoCloseable {

    /**
     * Starts the checks that run in the background from then on: the model server's and the budgets'. The app starts
     * them once the first screen has been laid out, so that on a machine with few cores they do not slow it down.
     */
    public void startWatching() {
        server.start();
        budgets.start(BudgetAlerts.EVERY);
    }

    /**
     * Takes no new work from the screens, which are going; what they started or queued (a note being saved) still
     * runs. Returns at once, so the FX thread may call it.
     */
    public void stopTakingWork() {
        otherWrites.stopTelling();
        budgets.close();
        io.close();
        slowWork.shutdown();
    }

    /**
     * Stops the server and database watches and waits a moment for the slow work; the app is closing, or the session
     * is. Blocks, so not on the FX thread. The io worker behind {@link #io()} is its opener's to close.
     */
    @Override
    public void close() {
        stopTakingWork();
        otherWrites.close();
        server.close();
        slowWork.close();
    }
}
