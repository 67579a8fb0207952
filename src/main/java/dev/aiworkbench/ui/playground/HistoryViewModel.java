package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.PlaygroundRun;
import dev.aiworkbench.prompts.RunHistory;
import dev.aiworkbench.prompts.RunSummary;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every kept run, newest first, and reopening one. */
public final class HistoryViewModel {
    private static final int PAGE = 200;

    private final RunHistory history;
    private final TaskExecutor tasks;
    private final Consumer<PlaygroundRun> reopen;
    private final Consumer<PlaygroundRun> rerun;
    private final Consumer<Throwable> report;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunSummary> selected = new SimpleObjectProperty<>();
    /** The run another screen linked to: listed (even beyond the first page) and selected until one picks another. */
    private Long wanted;

    /**
     * @param reopen gets a kept run the learner asked to reopen
     * @param rerun  gets a kept run the learner asked to run again, on the provider it was made on
     * @param report gets what went wrong reading the history
     */
    HistoryViewModel(RunHistory history, TaskExecutor tasks, Consumer<PlaygroundRun> reopen,
                     Consumer<PlaygroundRun> rerun, Consumer<Throwable> report) {
        this.history = history;
        this.tasks = tasks;
        this.reopen = reopen;
        this.rerun = rerun;
        this.report = report;
        selected.addListener((obs, was, now) -> {
            if (now != null && wanted != null && now.id() != wanted) {
                wanted = null;
            }
        });
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The run selected in the list. */
    public ObjectProperty<RunSummary> selectedProperty() {
        return selected;
    }

    public void refresh() {
        Long want = wanted;
        tasks.run(() -> page(want), page -> showPage(page, want), report);
    }

    /** Lists the runs with the kept run of that id among them, and selects it: how another screen links to a run. */
    public void show(long runId) {
        wanted = runId;
        refresh();
    }

    private List<RunSummary> page(Long want) {
        List<RunSummary> page = new ArrayList<>(history.recent(PAGE));
        if (want != null && page.stream().noneMatch(r -> r.id() == want)) {
            page.addAll(history.olderThan(want + 1, 1).stream().filter(r -> r.id() == want).toList());
        }
        return page;
    }

    /** Selects the wanted run again whichever read lands last: replacing the list clears the list's selection. */
    private void showPage(List<RunSummary> page, Long askedFor) {
        runs.setAll(page);
        Long want = wanted;
        if (want == null) {
            return;
        }
        RunSummary run = page.stream().filter(r -> r.id() == want).findFirst().orElse(null);
        if (run != null) {
            selected.set(null);
            selected.set(run);
        } else if (want.equals(askedFor)) {
            report.accept(new IllegalStateException("Run #" + want + " is no longer kept; the history lists the runs "
                    + "there are."));
        }
    }

    /** Reads the whole run back and hands it to the editor; null (nothing selected) does nothing. */
    public void reopen(RunSummary run) {
        read(run, reopen);
    }

    /** Reads the whole run back and runs it again on its provider; null (nothing selected) does nothing. */
    public void rerun(RunSummary run) {
        read(run, rerun);
    }

    private void read(RunSummary run, Consumer<PlaygroundRun> then) {
        if (run != null) {
            tasks.run(() -> history.get(run.id()).orElseThrow(() -> new IllegalStateException(
                    "Run #" + run.id() + " is no longer kept; refresh the history.")), then, report);
        }
    }
}
