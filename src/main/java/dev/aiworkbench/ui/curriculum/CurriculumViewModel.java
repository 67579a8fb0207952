package dev.aiworkbench.ui.curriculum;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.progress.WeekNote;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The plan and the learner's progress through it: the latest snapshot and its report, the commands the week and
 * milestone pages send (tick, state, timer, time, notes), and the labs' progress for the weeks' lab tasks.
 */
public final class CurriculumViewModel {
    private final ProgressModel progress;
    private final Notices notices;
    private final Supplier<Labs> labs;
    private final TaskExecutor reads;
    private final Consumer<String> openLab;
    private final Pack pack;
    private final ReadOnlyObjectWrapper<ProgressReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, String> labProgress = FXCollections.observableHashMap();
    private final Map<String, String> savedNotes = new HashMap<>();

    /**
     * @param labs    the labs, asked for off the FX thread (reading them the first time takes a moment)
     * @param reads   runs the labs' progress reads; the app gives the progress writes' executor, so a read comes
     *                after the write that may have changed it
     * @param openLab opens a lab (by id) on the Labs screen, for the weeks' lab tasks
     */
    public CurriculumViewModel(ProgressModel progress, Supplier<Labs> labs, TaskExecutor reads, Notices notices,
                               Consumer<String> openLab) {
        this.progress = progress;
        this.notices = notices;
        this.labs = labs;
        this.reads = reads;
        this.openLab = openLab;
        this.pack = progress.pack().orElseThrow(() -> new IllegalStateException("The Curriculum screen needs a pack"));
        report.set(ProgressReport.of(pack, progress.snapshot()));
        progress.snapshotProperty().addListener((obs, was, now) -> report.set(ProgressReport.of(pack, now)));
    }

    Pack pack() {
        return pack;
    }

    ProgressSnapshot snapshot() {
        return progress.snapshot();
    }

    /** Completion of every node, for the latest snapshot. */
    ReadOnlyObjectProperty<ProgressReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    ProgressReport report() {
        return report.get();
    }

    Instant now() {
        return progress.clock().instant();
    }

    void mark(String itemId, TaskState state) {
        progress.mark(itemId, state);
    }

    void startTimer(String itemId) {
        progress.startTimer(itemId);
    }

    void stopTimer() {
        progress.stopTimer();
    }

    void addMinutes(String itemId, int minutes) {
        progress.addMinutes(itemId, minutes);
    }

    /** The week's note as last saved from this screen, else as read from the database. */
    String savedNote(String weekId) {
        return savedNotes.computeIfAbsent(weekId, id -> progress.snapshot().note(id).map(WeekNote::markdown).orElse(""));
    }

    /** Saves the note if it differs from the last saved; false when there was nothing to save. */
    boolean saveNote(String weekId, String markdown) {
        if (markdown.equals(savedNote(weekId))) {
            return false;
        }
        savedNotes.put(weekId, markdown);
        progress.saveNote(weekId, markdown);
        return true;
    }

    /** Each lab's progress in words ("3 of 12 checks pass"), by lab id, as last read. */
    ObservableMap<String, String> labProgress() {
        return labProgress;
    }

    /** Reads the named labs' progress from the database; labs the catalogue does not know are left out. */
    void loadLabProgress(Collection<String> labIds) {
        if (labIds.isEmpty()) {
            return;
        }
        reads.run(() -> {
            Labs catalogue = labs.get();
            Map<String, String> labels = new HashMap<>();
            for (String labId : labIds) {
                if (catalogue.catalog().lab(labId).isPresent()) {
                    labels.put(labId, catalogue.progress(labId).label());
                }
            }
            return labels;
        }, labProgress::putAll, notices::report);
    }

    void openLab(String labId) {
        openLab.accept(labId);
    }
}
