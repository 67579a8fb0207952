package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Assess screen: the overview of the pack's assessments, a quiz (an attempt or a review), or an attempt's
 * result, one at a time. Service calls run through the {@link TaskExecutor}; state changes on its UI thread.
 */
public final class AssessViewModel {
    /** The navigator's target that starts a review. */
    public static final String REVIEW = "review";

    /** What the screen shows. */
    public enum Page { OVERVIEW, QUIZ, RESULT }

    private record Started(Assessment assessment, Attempt attempt) {
    }

    private final AssessServices services;
    private final Pack pack;
    private final Supplier<ProgressSnapshot> progress;
    private final TaskExecutor tasks;
    private final TaskExecutor modelWork;
    private final Clock clock;
    private final Consumer<String> openWeek;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.OVERVIEW);
    private final ObservableList<AssessmentCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper due = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Calibration> calibration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the assessments…");
    private final ReadOnlyStringWrapper focused = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<QuizViewModel> quiz = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ResultViewModel> result = new ReadOnlyObjectWrapper<>();
    private final QuizViewModel.Exits exits = new QuizViewModel.Exits() {
        @Override
        public void finished(QuizViewModel ended) {
            quizEnded(ended);
        }

        @Override
        public void left(QuizViewModel ended) {
            showOverview("");
        }

        @Override
        public void gradedLate(QuizViewModel graded) {
            ResultViewModel shown = result.get();
            if (shown != null && graded.source() instanceof AttemptSource attempt
                    && attempt.attemptId() == shown.attemptId()) {
                shown.load();
            }
        }
    };

    /**
     * @param progress  the latest progress, read on the FX thread when a result is opened (readiness needs it)
     * @param tasks     a serial worker for the service's reads and writes, so answers and grades land in order
     * @param modelWork where a local model grades short answers, which can take seconds
     * @param openWeek  opens a week's page (weak weeks link there)
     */
    public AssessViewModel(AssessServices services, Pack pack, Supplier<ProgressSnapshot> progress,
                           TaskExecutor tasks, TaskExecutor modelWork, Clock clock, Consumer<String> openWeek) {
        this.services = services;
        this.pack = pack;
        this.progress = progress;
        this.tasks = tasks;
        this.modelWork = modelWork;
        this.clock = clock;
        this.openWeek = openWeek;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public Page page() {
        return page.get();
    }

    public ObservableList<AssessmentCard> cards() {
        return FXCollections.unmodifiableObservableList(cards);
    }

    /** How many items are due for review today. */
    public ReadOnlyIntegerProperty dueProperty() {
        return due.getReadOnlyProperty();
    }

    /** Calibration over all attempts; null until read. */
    public ReadOnlyObjectProperty<Calibration> calibrationProperty() {
        return calibration.getReadOnlyProperty();
    }

    /** A line over the overview: what is being read, what a review did, or what went wrong; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    /** The assessment another screen asked to show, whose card takes the keyboard; empty for none. */
    public ReadOnlyStringProperty focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QuizViewModel> quizProperty() {
        return quiz.getReadOnlyProperty();
    }

    public QuizViewModel quiz() {
        return quiz.get();
    }

    public ReadOnlyObjectProperty<ResultViewModel> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ResultViewModel result() {
        return result.get();
    }

    /** Reads the overview again: cards, due count and calibration. */
    public void load() {
        tasks.run(() -> Overview.read(services.assessments(), pack), read -> {
            cards.setAll(read.cards());
            due.set(read.due());
            calibration.set(read.calibration());
            if (status.get().equals("Reading the assessments…")) {
                status.set(read.cards().isEmpty() ? "This pack has no assessments." : "");
            }
        }, failure -> status.set("The assessments could not be read. " + Sentences.of(failure.getMessage())));
    }

    /** What another screen links to: "review" starts the review, an assessment id shows that assessment. */
    public void open(String target) {
        if (REVIEW.equals(target)) {
            review();
            return;
        }
        if (pack.assessment(target).isEmpty()) {
            showOverview("There is no assessment '" + target + "' in this pack; choose one below.");
            return;
        }
        focused.set(target);
        showOverview("");
    }

    /** Resumes the unfinished attempt at the assessment, else starts one. */
    public void start(String assessmentId) {
        tasks.run(() -> {
            Assessment assessment = services.assessments().assessment(pack, assessmentId);
            return new Started(assessment, services.assessments().resumeOrStart(pack, assessmentId));
        }, started -> showQuiz(new AttemptSource(services.assessments(), pack, started.assessment(),
                started.attempt())), failure -> status.set("The quiz could not start. "
                + Sentences.of(failure.getMessage())));
    }

    /** Starts a review of the items due today, or says none are. */
    public void review() {
        tasks.run(() -> services.assessments().due(pack), dueItems -> {
            if (dueItems.isEmpty()) {
                showOverview("Nothing is due for review today. Items you miss or answer unsure come back here.");
                return;
            }
            showQuiz(new ReviewSource(services.assessments(), pack, dueItems));
        }, failure -> status.set("The review could not start. " + Sentences.of(failure.getMessage())));
    }

    /** Opens the result of the assessment's newest finished attempt. */
    public void showLastResult(String assessmentId) {
        tasks.run(() -> services.assessments().attempts(pack, assessmentId).stream().filter(Attempt::finished)
                .findFirst(), last -> last.ifPresentOrElse(a -> showResult(a.id()),
                () -> status.set("That assessment has no finished attempt yet; start it to see a result.")),
                failure -> status.set("The result could not be read. " + Sentences.of(failure.getMessage())));
    }

    public void showResult(long attemptId) {
        ResultViewModel opened = new ResultViewModel(services, pack, attemptId, progress, tasks, openWeek);
        result.set(opened);
        quiz.set(null);
        page.set(Page.RESULT);
        opened.load();
    }

    /** Back to the overview, read again. */
    public void showOverview(String line) {
        quiz.set(null);
        result.set(null);
        page.set(Page.OVERVIEW);
        status.set(line);
        load();
    }

    private void showQuiz(QuizSource source) {
        QuizViewModel opened = new QuizViewModel(source, services.judge(), tasks, modelWork, clock, exits);
        focused.set("");
        result.set(null);
        quiz.set(opened);
        page.set(Page.QUIZ);
        opened.begin();
    }

    private void quizEnded(QuizViewModel ended) {
        if (ended.source() instanceof AttemptSource attempt) {
            showResult(attempt.attemptId());
        } else {
            showOverview("Review done: " + ended.right() + " of " + ended.answered()
                    + " right. Each item comes back when it is due.");
        }
    }
}
