package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.LabProgress;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The labs of the installed pack: the list with each lab's weeks and status, a line saying how many there are and
 * how many passed, and the lab that is open.
 */
public final class LabsViewModel {
    private record Loaded(Labs labs, List<LabEntry> entries, List<String> broken) {
    }

    private final Supplier<Labs> labsSource;
    private final TaskExecutor tasks;
    private final LiveFeed.Pacing pacing;
    private final Runnable onTasksMarked;
    private final ObservableList<LabEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<LabEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the labs…");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<LabPageViewModel> page = new ReadOnlyObjectWrapper<>();
    private Labs labs;
    private List<String> broken = List.of();
    private String wanted;
    private boolean loadStarted;

    /**
     * @param labs          the labs service; asked for on the executor, since making it reads the catalog
     * @param pacing        how the open lab's live events (logs, states, pulls) are coalesced for the screen
     * @param onTasksMarked runs when a lab's checks marked curriculum tasks done
     */
    LabsViewModel(Supplier<Labs> labs, TaskExecutor tasks, LiveFeed.Pacing pacing, Runnable onTasksMarked) {
        this.labsSource = labs;
        this.tasks = tasks;
        this.pacing = pacing;
        this.onTasksMarked = onTasksMarked;
    }

    /** The labs that load, by their first week, then id. */
    public ObservableList<LabEntry> entries() {
        return readOnlyEntries;
    }

    /** "11 labs, 2 passed.", or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the list has been read (until then it is empty because it is not known yet). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The open lab; null until one is opened. */
    public ReadOnlyObjectProperty<LabPageViewModel> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public LabPageViewModel page() {
        return page.get();
    }

    /** Reads the labs and their progress, once; then opens the lab asked for, else the first. */
    public void load() {
        if (loadStarted) {
            return;
        }
        loadStarted = true;
        tasks.run(() -> {
            Labs all = labsSource.get();
            List<LabEntry> read = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (LabLoadResult result : all.catalog().labs()) {
                if (result.lab().isPresent()) {
                    read.add(new LabEntry(result.lab().get(), all.progress(result.id())));
                } else {
                    unreadable.add(result.id());
                }
            }
            read.sort(Comparator.comparing((LabEntry e) -> e.lab().weeks().stream().min(Integer::compare)
                    .orElse(Integer.MAX_VALUE)).thenComparing(e -> e.lab().id()));
            return new Loaded(all, read, unreadable);
        }, done -> {
            labs = done.labs();
            entries.setAll(done.entries());
            broken = done.broken();
            loaded.set(true);
            showCount();
            if (wanted != null) {
                select(wanted);
            } else if (!entries.isEmpty()) {
                open(entries.getFirst());
            }
        }, failure -> status.set("The labs could not be read. " + LabNotices.failure(failure)));
    }

    /** Opens a lab's page (from a week's lab task); once the list is read, if it is not yet. */
    public void openLab(String labId) {
        wanted = labId;
        if (labs != null) {
            select(labId);
        }
    }

    /**
     * Reads each lab's progress and the open lab's results again: another process (a {@code workbench lab check} in a
     * terminal) checked a lab. Nothing happens before the list was first read.
     */
    public void othersWrote() {
        if (labs == null) {
            return;
        }
        Labs read = labs;
        List<LabEntry> shown = List.copyOf(entries);
        tasks.run(() -> shown.stream().map(e -> new LabEntry(e.lab(), read.progress(e.lab().id()))).toList(),
                fresh -> fresh.forEach(e -> progressChanged(e.lab().id(), e.progress())),
                failure -> status.set("The labs could not be read. " + LabNotices.failure(failure)));
        LabPageViewModel open = page.get();
        if (open != null) {
            open.rereadResults();
        }
    }

    /** Opens a lab of the list; the open lab stays as it is when it is chosen again. */
    public void open(LabEntry entry) {
        LabPageViewModel current = page.get();
        if (labs == null || current != null && current.labId().equals(entry.lab().id())) {
            return;
        }
        if (current != null) {
            current.dispose();
        }
        LabPageViewModel opened = new LabPageViewModel(labs, entry.lab(), entry.progress(), tasks, pacing,
                this::progressChanged, onTasksMarked);
        page.set(opened);
        opened.load();
    }

    private void select(String labId) {
        for (LabEntry entry : entries) {
            if (entry.lab().id().equals(labId)) {
                wanted = null;
                open(entry);
                return;
            }
        }
        status.set("There is no lab '" + labId + "' in this pack.");
    }

    /** The titles of the labs whose services run or start now. */
    public List<String> runningLabs() {
        return labs == null ? List.of() : labs.services().runs().stream().filter(LabRun::active)
                .map(run -> run.lab().title()).toList();
    }

    /** Stops hearing the open lab's run: the screen is going. The services stop with the lab services. */
    public void close() {
        LabPageViewModel current = page.get();
        if (current != null) {
            current.dispose();
        }
    }

    private void progressChanged(String labId, LabProgress progress) {
        for (int i = 0; i < entries.size(); i++) {
            LabEntry entry = entries.get(i);
            if (entry.lab().id().equals(labId)) {
                entries.set(i, new LabEntry(entry.lab(), progress));
            }
        }
        showCount();
    }

    private void showCount() {
        long passed = entries.stream().filter(e -> e.progress().complete()).count();
        String text = entries.size() + (entries.size() == 1 ? " lab" : " labs") + ", " + passed + " passed.";
        if (!broken.isEmpty()) {
            text += " Could not read " + String.join(", ", broken) + " (the log in the data folder says why).";
        }
        status.set(text);
    }
}
