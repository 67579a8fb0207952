package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.prompts.RunSummary;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** Every kept run, newest first, and reopening one. */
public final class HistoryViewModel {
    private static final int PAGE = 200;

    private final RunHistory history;
    private final TaskExecutor tasks;
    private final Consumer<PlaygroundRun> reopen;
    private final Consumer<Throwable> report;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();

    /**
     * @param reopen gets a kept run the learner asked to reopen
     * @param report gets what went wrong reading the history
     */
    HistoryViewModel(RunHistory history, TaskExecutor tasks, Consumer<PlaygroundRun> reopen, Consumer<Throwable> report) {
        this.history = history;
        this.tasks = tasks;
        this.reopen = reopen;
        this.report = report;
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    public void refresh() {
        tasks.run(() -> history.recent(PAGE), runs::setAll, report);
    }

    /** Reads the whole run back and hands it to the editor; null (nothing selected) does nothing. */
    public void reopen(RunSummary run) {
        if (run != null) {
            tasks.run(() -> history.get(run.id()).orElseThrow(() -> new IllegalStateException(
                    "Run #" + run.id() + " is no longer kept; refresh the history.")), reopen, report);
        }
    }
}
