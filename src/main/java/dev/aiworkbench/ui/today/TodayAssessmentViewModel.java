package dev.aiworkbench.ui.today;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.ui.session.MilestoneReadiness;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.tasks.LatestWins;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Today's self-assessment section: readiness for the current phase's milestone and the reviews due, read off the
 * FX thread when the screen asks (it shows) and whenever the progress changes (one read at a time, the newest wins),
 * and its links to the Assess screen.
 */
public final class TodayAssessmentViewModel {
    /** The Assess screen's target that starts a review of the due items. */
    static final String REVIEW = "review";

    private final ProgressModel progress;
    private final AssessmentService assessments;
    private final Consumer<String> openAssess;
    private final Consumer<String> openItem;
    private final ReadOnlyObjectWrapper<AssessmentOutlook> outlook = new ReadOnlyObjectWrapper<>(AssessmentOutlook.NOTHING);
    private final LatestWins<AssessmentOutlook> reads;

    /**
     * @param reads      runs the reads; the app gives the progress writes' executor, so a read comes after the
     *                   write that changed it
     * @param openAssess opens the Assess screen on a target: an assessment id, or "review"
     * @param openItem   opens a week (the card's weak weeks) on the Curriculum screen
     */
    public TodayAssessmentViewModel(ProgressModel progress, AssessmentService assessments, TaskExecutor reads,
                                    Notices notices, Consumer<String> openAssess, Consumer<String> openItem) {
        this.progress = progress;
        this.assessments = assessments;
        this.openAssess = openAssess;
        this.openItem = openItem;
        this.reads = new LatestWins<>(reads, outlook::set, notices::report);
        progress.snapshotProperty().addListener((obs, was, now) -> refresh());
    }

    ReadOnlyObjectProperty<AssessmentOutlook> outlookProperty() {
        return outlook.getReadOnlyProperty();
    }

    AssessmentOutlook outlook() {
        return outlook.get();
    }

    /** The pack the readiness is about: it names the weak weeks. */
    Optional<Pack> pack() {
        return progress.pack();
    }

    /** Reads readiness and the due reviews again: quiz and review answers are recorded on the Assess screen. */
    void refresh() {
        Optional<Pack> pack = progress.pack();
        ProgressSnapshot snapshot = progress.snapshot();
        if (pack.isEmpty() || snapshot == null) {
            return;
        }
        reads.request(() -> read(pack.get(), snapshot));
    }

    void takeQuiz(String assessmentId) {
        openAssess.accept(assessmentId);
    }

    void reviewNow() {
        openAssess.accept(REVIEW);
    }

    void openWeek(String weekId) {
        openItem.accept(weekId);
    }

    private AssessmentOutlook read(Pack pack, ProgressSnapshot snapshot) {
        Optional<Assessment> assessment = currentMilestone(pack, snapshot).flatMap(m -> pack.assessmentFor(m.id()));
        return new AssessmentOutlook(assessment.map(a -> MilestoneReadiness.read(assessments, pack, a, snapshot)),
                assessments.due(pack).size());
    }

    /** The milestone of the phase holding the learner's current week; the last phase's once everything is done. */
    private static Optional<Milestone> currentMilestone(Pack pack, ProgressSnapshot snapshot) {
        Optional<Phase> phase = ProgressReport.of(pack, snapshot).workWeek()
                .flatMap(week -> pack.phaseOfWeek(week.number()))
                .or(() -> pack.phases().stream().reduce((first, second) -> second));
        return phase.map(Phase::milestone).filter(Objects::nonNull);
    }
}
