package dev.aiworkbench.ui.shell;

import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.session.ServerStatusModel;
import dev.aiworkbench.ui.session.ThemePreference;
import dev.aiworkbench.ui.tasks.FxTaskExecutor;
import dev.aiworkbench.ui.tasks.TaskExecutor;

/**
 * The models every screen may share once the workbench is open, and the executors they run on.
 *
 * @param savedTheme the theme the learner last chose, to open with
 * @param io         the serial worker for disk and database work, in the order the learner acted
 * @param slowWork   threads for work that may take long (model calls, runs, labs), so it never holds up the
 *                   writes on {@code io} or each other
 */
public record SessionModels(ProgressModel progress, ServerStatusModel server, Notices notices, ThemePreference theme,
                            ThemeChoice savedTheme, TaskExecutor io, FxTaskExecutor slowWork) implements AutoCloseable {

    /** Stops the server watch and the slow-work threads; the app is closing. The io worker is its opener's to close. */
    @Override
    public void close() {
        server.close();
        slowWork.close();
    }
}
