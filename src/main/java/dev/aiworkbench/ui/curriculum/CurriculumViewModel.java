package dev.aiworkbench.ui.curriculum;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.labs.Labs;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.progress.WeekNote;
import dev.aiworkbench.ui.session.MilestoneReadiness;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.tasks.LatestWins;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The plan and the learner's progress through it: the latest snapshot and its report, the commands the week and
 * milestone pages send (tick, state, timer, time, notes), the labs' progress for the weeks' lab tasks, and the
 * readiness for the milestone on screen.
 */
public final class CurriculumViewModel {
    private final ProgressModel progress;
    private final Notices notices;
    private final Supplier<Labs> labs;
    private final TaskExecutor reads;
    private final Consumer<String> openLab;
    private final AssessmentService assessments;
    private final Consumer<String> openAssessment;
    private final Pack pack;
    private final ReadOnlyObjectWrapper<ProgressReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, String> labProgress = FXCollections.observableHashMap();
    private final Map<String, String> savedNotes = new HashMap<>();
    private final ReadOnlyObjectWrapper<Optional<MilestoneReadiness>> readiness =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final LatestWins<Optional<MilestoneReadiness>> readinessReads;
    private Optional<Assessment> watched = Optional.empty();

    /**
     * @param labs           the labs, asked for off the FX thread (reading them the first time takes a moment)
     * @param reads          runs the labs' progress and readiness reads; the app gives the progress writes' executor,
     *                       so a read comes after the write that may have changed it
     * @param openLab        opens a lab (by id) on the Labs screen, for the weeks' lab tasks
     * @param openAssessment opens an assessment (by id) on the Assess screen, for the readiness card's quiz
     */
    public CurriculumViewModel(ProgressModel progress, Supplier<Labs> labs, AssessmentService assessments,
                               TaskExecutor reads, Notices notices, Consumer<String> openLab,
                               Consumer<String> openAssessment) {
        this.progress = progress;
        this.notices = notices;
        this.labs = labs;
        this.assessments = assessments;
        this.reads = reads;
        this.openLab = openLab;
        this.openAssessment = openAssessment;
        this.pack = progress.pack().orElseThrow(() -> new IllegalStateException("The Curriculum screen needs a pack"));
        this.readinessReads = new LatestWins<>(reads, readiness::set, notices::report);
        report.set(ProgressReport.of(pack, progress.snapshot()));
        progress.snapshotProperty().addListener((obs, was, now) -> {
            report.set(ProgressReport.of(pack, now));
            refreshReadiness();
        });
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

    /** Reads the shown labs' progress again: another process (a {@code workbench lab check}) checked one. */
    public void othersWrote() {
        loadLabProgress(List.copyOf(labProgress.keySet()));
    }

    void openLab(String labId) {
        openLab.accept(labId);
    }

    /** The readiness of the milestone last asked for with {@link #watchReadiness}, once read; empty before. */
    ReadOnlyObjectProperty<Optional<MilestoneReadiness>> readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    /**
     * Reads the milestone's readiness now and again whenever the progress changes, until another milestone (or
     * none) is asked for. A milestone without an assessment in the pack has no readiness.
     */
    void watchReadiness(Optional<String> milestoneId) {
        watched = milestoneId.flatMap(pack::assessmentFor);
        if (readiness.get().filter(r -> milestoneId.equals(Optional.of(r.milestoneId()))).isEmpty()) {
            readiness.set(Optional.empty());
        }
        refreshReadiness();
    }

    /** Reads the watched milestone's readiness again: quiz answers are recorded on another screen. */
    void refreshReadiness() {
        Optional<Assessment> assessment = watched;
        if (assessment.isEmpty()) {
            return;
        }
        ProgressSnapshot snapshot = progress.snapshot();
        readinessReads.request(() -> Optional.of(MilestoneReadiness.read(assessments, pack, assessment.get(),
                snapshot)));
    }

    void openAssessment(String assessmentId) {
        openAssessment.accept(assessmentId);
    }
}
