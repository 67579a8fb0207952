package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.assessment.ShortAnswerJudge;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.ItemType;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One quiz, item by item, the same for an attempt and a review: pick choices, write or rate, say how sure, submit,
 * read the feedback, go on. Keys map to these commands one to one, so the view only translates key presses.
 * Short answers are graded by a local model in the background when one answers, and the learner confirms or
 * overrules the grade. Recording runs through the {@link TaskExecutor}; state changes on its UI thread.
 */
public final class QuizViewModel {
    /** Where the quiz is in the current item. */
    public enum Step {
        /** The marking rule, before the first item of a new attempt. */
        RULE,
        /** Picking choices, writing, or rating. */
        ANSWER,
        /** A written answer is done; it waits for a confidence. */
        CONFIDENCE,
        /** The answer is being recorded. */
        SAVING,
        /** The outcome is shown; Enter goes on. */
        FEEDBACK
    }

    /** What happens when the quiz ends (every item done, or the learner left it), and after it. */
    public interface Exits {
        void finished(QuizViewModel quiz);

        void left(QuizViewModel quiz);

        /** A local model's grade was recorded, possibly after the quiz ended: a result on screen is stale. */
        void gradedLate(QuizViewModel quiz);
    }

    private final QuizSource source;
    private final ShortAnswerJudge judge;
    private final TaskExecutor io;
    private final TaskExecutor modelWork;
    private final Clock clock;
    private final Exits exits;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.ANSWER);
    private final ReadOnlyObjectWrapper<AssessmentItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final AnswerDraft draft = new AnswerDraft();
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper modelVerdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<String, ModelGrade> modelGrades = new HashMap<>();
    private final Map<String, Boolean> learnerGrades = new HashMap<>();
    private int index = -1;
    private Instant shownAt;
    private int answered;
    private int right;

    /**
     * @param io        records answers and grades, one after another, so a later grade is never overtaken
     * @param modelWork asks the local model; it can take seconds, so it does not hold up recording
     */
    QuizViewModel(QuizSource source, ShortAnswerJudge judge, TaskExecutor io, TaskExecutor modelWork, Clock clock,
                  Exits exits) {
        this.source = source;
        this.judge = judge;
        this.io = io;
        this.modelWork = modelWork;
        this.clock = clock;
        this.exits = exits;
    }

    /** Shows the marking rule for a new attempt, else the first item to answer. */
    void begin() {
        if (source.showsRule()) {
            step.set(Step.RULE);
            position.set(source.items().size() + " items");
        } else {
            advance(-1);
        }
    }

    QuizSource source() {
        return source;
    }

    public String title() {
        return source.title();
    }

    /** The assessment's own introduction (Markdown), shown with the marking rule; empty for none. */
    public String description() {
        return source.description();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step step() {
        return step.get();
    }

    public ReadOnlyObjectProperty<AssessmentItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    public AssessmentItem item() {
        return item.get();
    }

    /** "Item 3 of 30", or "Review 2 of 5". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Indexes (from 0) of the picked choices. */
    public ObservableList<Integer> picked() {
        return FXCollections.unmodifiableObservableList(draft.picked);
    }

    /** 1 to 3, or 0 while none is chosen. */
    public ReadOnlyIntegerProperty confidenceProperty() {
        return draft.confidence.getReadOnlyProperty();
    }

    /** A capability rating 1 to 5, or 0 while none is chosen. */
    public ReadOnlyIntegerProperty levelProperty() {
        return draft.level.getReadOnlyProperty();
    }

    /** The written answer of a short item; the view's text area is bound to it. */
    public StringProperty textProperty() {
        return draft.text;
    }

    /** The outcome of the current item once submitted; null before. */
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public Feedback feedback() {
        return feedback.get();
    }

    /** What the local model said of the current short answer, or why the grade is the learner's. */
    public ReadOnlyStringProperty modelVerdictProperty() {
        return modelVerdict.getReadOnlyProperty();
    }

    /** A hint when a key did nothing (what is missing), or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    /** Items answered in this sitting and how many of those were right: for the review's closing line. */
    public int answered() {
        return answered;
    }

    public int right() {
        return right;
    }

    /**
     * A plain digit key: picks choice n (toggles it on a multiple-choice item) or rates a capability n.
     */
    public void digit(int n) {
        AssessmentItem current = item.get();
        if (step.get() != Step.ANSWER || current == null) {
            return;
        }
        message.set("");
        draft.digit(current, n);
    }

    /** Says how sure: 1 a guess, 2 fairly sure, 3 sure. */
    public void confidence(int value) {
        AssessmentItem current = item.get();
        if ((step.get() == Step.ANSWER || step.get() == Step.CONFIDENCE) && current != null && current.type().scored()
                && value >= 1 && value <= 3) {
            draft.confidence.set(value);
            message.set("");
        }
    }

    /** Ends writing a short answer, to say how sure it is (Ctrl+Enter in the text area). */
    public void textDone() {
        if (step.get() != Step.ANSWER || item.get() == null || item.get().type() != ItemType.SHORT) {
            return;
        }
        if (!draft.hasText()) {
            message.set("Write your answer first; then Ctrl+Enter to say how sure you are.");
            return;
        }
        message.set("");
        step.set(Step.CONFIDENCE);
    }

    /** Back to writing a short answer (the learner clicked into it again). */
    public void editText() {
        if (step.get() == Step.CONFIDENCE) {
            step.set(Step.ANSWER);
        }
    }

    /** Enter: leaves the rule, submits an answer that is complete, or goes on after the feedback. */
    public void enter() {
        switch (step.get()) {
            case RULE -> advance(-1);
            case ANSWER, CONFIDENCE -> submit();
            case FEEDBACK -> next();
            case SAVING -> {
            }
        }
    }

    /** Records the answer, once it and its confidence are given. */
    public void submit() {
        AssessmentItem current = item.get();
        if (current == null || (step.get() != Step.ANSWER && step.get() != Step.CONFIDENCE)) {
            return;
        }
        Optional<String> missing = draft.missing(current);
        if (missing.isPresent()) {
            message.set(missing.get());
            return;
        }
        Response response = draft.response(current);
        Optional<Integer> sure = draft.confidence(current);
        long seconds = Math.max(0, Duration.between(shownAt, clock.instant()).toSeconds());
        step.set(Step.SAVING);
        message.set("");
        io.run(() -> source.record(current, response, sure, seconds), recorded -> {
            answered++;
            if (recorded.grade() == Grade.RIGHT) {
                right++;
            }
            feedback.set(new Feedback(current, response, sure, recorded));
            step.set(Step.FEEDBACK);
            if (current.type() == ItemType.SHORT) {
                gradeWithModel(current, ((Response.Text) response).text(), sure);
            }
        }, failure -> {
            step.set(current.type() == ItemType.SHORT ? Step.CONFIDENCE : Step.ANSWER);
            message.set("The answer was not recorded. " + Sentences.of(Sentences.cause(failure).getMessage()));
        });
    }

    /**
     * Y or N on a short answer's feedback: the learner's grade, which confirms or overrules the model's. In review
     * it is what records the answer.
     */
    public void gradeShort(boolean madeThePoints) {
        Feedback shown = feedback.get();
        if (step.get() != Step.FEEDBACK || shown == null || shown.item().type() != ItemType.SHORT) {
            return;
        }
        AssessmentItem graded = shown.item();
        boolean firstGrade = !learnerGrades.containsKey(graded.id()) && !source.keepsPending();
        learnerGrades.put(graded.id(), madeThePoints);
        Optional<ModelGrade> model = Optional.ofNullable(modelGrades.get(graded.id()));
        message.set("");
        io.run(() -> source.grade(graded, shown.confidence(), madeThePoints, GradedBy.LEARNER, model),
                recorded -> {
                    if (firstGrade && madeThePoints) {
                        right++;
                    }
                    showRegraded(graded, recorded);
                },
                failure -> message.set("The grade was not recorded. "
                        + Sentences.of(Sentences.cause(failure).getMessage())));
    }

    /** Escape: leaves the quiz; an attempt stays open to resume. */
    public void leave() {
        exits.left(this);
    }

    private void next() {
        Feedback shown = feedback.get();
        if (shown != null && shown.item().type() == ItemType.SHORT && !source.keepsPending()
                && !learnerGrades.containsKey(shown.item().id())) {
            message.set("Press Y if your answer made the points above, N if it did not: the review needs to know.");
            return;
        }
        advance(index);
    }

    private void advance(int after) {
        OptionalInt following = source.next(after);
        if (following.isEmpty()) {
            exits.finished(this);
            return;
        }
        index = following.getAsInt();
        draft.clear();
        feedback.set(null);
        modelVerdict.set("");
        message.set("");
        item.set(source.items().get(index));
        position.set((source.keepsPending() ? "Item " : "Review ") + (index + 1) + " of " + source.items().size());
        shownAt = clock.instant();
        step.set(Step.ANSWER);
    }

    /** Asks a local model, if one answers, to grade the answer against the rubric; none is no error. */
    private void gradeWithModel(AssessmentItem graded, String answer, Optional<Integer> sure) {
        modelVerdict.set("Looking for a local model to grade your answer against the rubric…");
        modelWork.run(() -> modelGrade(graded, answer), grade -> {
            if (grade.isEmpty()) {
                showVerdict(graded, "No local model answered, so the grade is yours: Y if your answer made the "
                        + "points above, N if it did not.");
                return;
            }
            ModelGrade model = grade.get();
            modelGrades.put(graded.id(), model);
            showVerdict(graded, model.model() + (model.pass() ? " finds that your answer makes the points: "
                    : " finds that your answer misses points: ") + Sentences.of(model.reason())
                    + " Press Y or N to confirm or overrule it.");
            if (source.keepsPending()) {
                Boolean learner = learnerGrades.get(graded.id());
                boolean verdict = learner == null ? model.pass() : learner;
                GradedBy by = learner == null ? GradedBy.MODEL : GradedBy.LEARNER;
                io.run(() -> source.grade(graded, sure, verdict, by, Optional.of(model)), recorded -> {
                            showRegraded(graded, recorded);
                            exits.gradedLate(this);
                        },
                        failure -> message.set("The model's grade was not recorded. "
                                + Sentences.of(Sentences.cause(failure).getMessage())));
            }
        }, failure -> showVerdict(graded, "The local model could not grade it: "
                + Sentences.of(Sentences.cause(failure).getMessage())
                + " Grade it yourself: Y if your answer made the points above, N if it did not."));
    }

    private Optional<ModelGrade> modelGrade(AssessmentItem graded, String answer) throws ModelServerException {
        Optional<String> model = judge.pick(Optional.empty());
        return model.isEmpty() ? Optional.empty() : Optional.of(judge.grade(model.get(), graded, answer));
    }

    private void showVerdict(AssessmentItem graded, String verdict) {
        if (graded.equals(item.get())) {
            modelVerdict.set(verdict);
        }
    }

    private void showRegraded(AssessmentItem graded, Recorded recorded) {
        Feedback shown = feedback.get();
        if (shown != null && shown.item().equals(graded)) {
            feedback.set(shown.with(recorded));
        }
    }
}
