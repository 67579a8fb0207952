package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The result page of one attempt: reads its summary, grades pending short answers, opens weak weeks. */
public final class ResultViewModel {
    private final AssessServices services;
    private final Pack pack;
    private final long attemptId;
    private final Supplier<ProgressSnapshot> progress;
    private final TaskExecutor tasks;
    private final Consumer<String> openWeek;
    private final ReadOnlyObjectWrapper<ResultSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the result…");

    ResultViewModel(AssessServices services, Pack pack, long attemptId, Supplier<ProgressSnapshot> progress,
                    TaskExecutor tasks, Consumer<String> openWeek) {
        this.services = services;
        this.pack = pack;
        this.attemptId = attemptId;
        this.progress = progress;
        this.tasks = tasks;
        this.openWeek = openWeek;
    }

    public ReadOnlyObjectProperty<ResultSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ResultSummary summary() {
        return summary.get();
    }

    /** Empty once the result is shown; else that it is being read, or why it could not be. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    public long attemptId() {
        return attemptId;
    }

    void load() {
        ProgressSnapshot snapshot = progress.get();
        tasks.run(() -> ResultSummary.read(services.assessments(), pack, attemptId, snapshot), read -> {
            summary.set(read);
            status.set("");
        }, failure -> status.set("The result could not be read. " + Sentences.of(failure.getMessage())));
    }

    /** The learner's grade for a short answer left pending: it made the rubric's points, or not. */
    public void grade(String itemId, boolean madeThePoints) {
        tasks.run(() -> services.assessments().grade(pack, attemptId, itemId, madeThePoints, GradedBy.LEARNER,
                        Optional.empty()),
                graded -> load(),
                failure -> status.set("The grade was not recorded. " + Sentences.of(failure.getMessage())));
    }

    public void openWeek(String weekId) {
        openWeek.accept(weekId);
    }
}
