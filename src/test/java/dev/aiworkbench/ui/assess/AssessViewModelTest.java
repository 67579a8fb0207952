package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Answer;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ShortAnswerJudge;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import dev.aiworkbench.ui.assess.AssessViewModel.Page;
import dev.aiworkbench.ui.assess.QuizViewModel.Step;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Assess screen's view models over a real workbench and a 4-item assessment: the marking rule, answering by
 * the keys' commands, resuming, scoring, model grading and the learner's override, the result and the review.
 */
class AssessViewModelTest {
    /** Nothing listens on port 9: the judge finds no model server. */
    private static final URI NO_SERVER = URI.create("http://127.0.0.1:9");

    @TempDir
    Path temp;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");
    private final List<String> openedWeeks = new ArrayList<>();
    private WorkbenchFixture fixture;
    private FakeOllama ollama;

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(temp.resolve("data"), Optional.of(QuizPack.copy(temp.resolve("pack"))), clock);
    }

    @AfterEach
    void close() {
        fixture.close();
        if (ollama != null) {
            ollama.close();
        }
    }

    private AssessViewModel model(URI server) {
        return model(server, new ImmediateTaskExecutor());
    }

    private AssessViewModel model(URI server, TaskExecutor modelWork) {
        ShortAnswerJudge judge = new ShortAnswerJudge(() -> new OllamaGateway(OllamaSettings.defaults(server)));
        AssessViewModel model = new AssessViewModel(new AssessServices(service(), judge), pack(),
                fixture.progress()::snapshot, fixture.tasks(), modelWork, clock, openedWeeks::add);
        model.load();
        return model;
    }

    private AssessmentService service() {
        return fixture.workbench().assessments();
    }

    private Pack pack() {
        return fixture.pack();
    }

    private static void answerChoices(QuizViewModel quiz, int confidence, int... digits) {
        for (int digit : digits) {
            quiz.digit(digit);
        }
        quiz.confidence(confidence);
        quiz.enter();
    }

    private Attempt onlyAttempt() {
        List<Attempt> attempts = service().attempts(pack(), QuizPack.ASSESSMENT);
        assertThat(attempts).hasSize(1);
        return attempts.getFirst();
    }

    @Test
    void a_new_attempt_shows_the_marking_rule_first_then_asks_item_one() {
        AssessViewModel model = model(NO_SERVER);

        model.start(QuizPack.ASSESSMENT);

        QuizViewModel quiz = model.quiz();
        assertThat(model.page()).isEqualTo(Page.QUIZ);
        assertThat(quiz.step()).isEqualTo(Step.RULE);
        quiz.enter();
        assertThat(quiz.step()).isEqualTo(Step.ANSWER);
        assertThat(quiz.item().id()).isEqualTo(QuizPack.SINGLE);
        assertThat(quiz.positionProperty().get()).isEqualTo("Item 1 of 4");
    }

    @Test
    void an_answer_without_a_confidence_is_not_submitted_and_says_what_is_missing() {
        AssessViewModel model = model(NO_SERVER);
        model.start(QuizPack.ASSESSMENT);
        QuizViewModel quiz = model.quiz();
        quiz.enter();
        int started = fixture.tasks().started();

        quiz.digit(1);
        quiz.enter();

        assertThat(quiz.step()).isEqualTo(Step.ANSWER);
        assertThat(quiz.message()).contains("G a guess, F fairly sure, S sure");
        assertThat(fixture.tasks().started()).isEqualTo(started);
        assertThat(onlyAttempt().answers()).isEmpty();
    }

    @Test
    void a_single_choice_answer_is_graded_with_its_marks_and_timed() {
        AssessViewModel model = model(NO_SERVER);
        model.start(QuizPack.ASSESSMENT);
        QuizViewModel quiz = model.quiz();
        quiz.enter();

        clock.advance(Duration.ofSeconds(42));
        quiz.digit(2);
        quiz.digit(1);
        answerChoices(quiz, 3);

        assertThat(quiz.step()).isEqualTo(Step.FEEDBACK);
        assertThat(quiz.feedback().grade()).isEqualTo(Grade.RIGHT);
        assertThat(quiz.feedback().marks()).contains(3);
        Answer answer = onlyAttempt().answer(QuizPack.SINGLE).orElseThrow();
        assertThat(answer.confidence()).contains(3);
        assertThat(answer.seconds()).isEqualTo(42);
        quiz.enter();
        assertThat(quiz.item().id()).isEqualTo(QuizPack.MULTIPLE);
        assertThat(quiz.positionProperty().get()).isEqualTo("Item 2 of 4");
    }

    @Test
    void digits_toggle_choices_on_a_multiple_choice_item_and_a_wrong_sure_answer_costs_six() {
        AssessViewModel model = model(NO_SERVER);
        model.start(QuizPack.ASSESSMENT);
        QuizViewModel quiz = model.quiz();
        quiz.enter();
        answerChoices(quiz, 1, 1);
        quiz.enter();

        quiz.digit(1);
        quiz.digit(3);
        quiz.digit(3);
        assertThat(quiz.picked()).containsExactly(0);
        answerChoices(quiz, 3);

        assertThat(quiz.feedback().grade()).isEqualTo(Grade.WRONG);
        assertThat(quiz.feedback().marks()).contains(-6);
    }

    @Test
    void leaving_keeps_the_attempt_open_and_starting_again_resumes_at_the_next_item() {
        AssessViewModel model = model(NO_SERVER);
        model.start(QuizPack.ASSESSMENT);
        QuizViewModel quiz = model.quiz();
        quiz.enter();
        answerChoices(quiz, 2, 1);

        quiz.leave();

        assertThat(model.page()).isEqualTo(Page.OVERVIEW);
        assertThat(model.cards()).filteredOn(c -> c.id().equals(QuizPack.ASSESSMENT)).singleElement()
                .extracting(AssessmentCard::action).isEqualTo("Resume (1 of 4 answered)");
        model.start(QuizPack.ASSESSMENT);
        QuizViewModel resumed = model.quiz();
        assertThat(resumed.step()).as("no marking rule on a resumed attempt").isEqualTo(Step.ANSWER);
        assertThat(resumed.item().id()).isEqualTo(QuizPack.MULTIPLE);
        assertThat(resumed.positionProperty().get()).isEqualTo("Item 2 of 4");
        assertThat(service().attempts(pack(), QuizPack.ASSESSMENT)).hasSize(1);
    }

    @Test
    void without_a_model_server_a_short_answer_waits_for_the_learners_grade_and_nothing_fails() {
        AssessViewModel model = model(NO_SERVER);
        QuizViewModel quiz = quizAtShortItem(model);

        writeShortAnswer(quiz, "To attribute cost per route and to catch regressions.", 2);

        assertThat(quiz.step()).isEqualTo(Step.FEEDBACK);
        assertThat(quiz.feedback().grade()).isEqualTo(Grade.PENDING);
        assertThat(quiz.modelVerdictProperty().get()).startsWith("No local model answered");
        assertThat(quiz.message()).isEmpty();
        quiz.gradeShort(true);
        assertThat(quiz.feedback().grade()).isEqualTo(Grade.RIGHT);
        assertThat(quiz.feedback().marks()).contains(2);
        Answer answer = onlyAttempt().answer(QuizPack.SHORT).orElseThrow();
        assertThat(answer.gradedBy()).isEqualTo(GradedBy.LEARNER);
        assertThat(answer.modelGrade()).isEmpty();
    }

    @Test
    void a_local_model_grades_a_short_answer_and_the_learner_overrules_it() {
        ollama = FakeOllama.start();
        ollama.model("judge-model").answer("{\"reason\": \"It names cost attribution and regressions.\", "
                + "\"score\": 0.9, \"pass\": true}");
        AssessViewModel model = model(ollama.baseUri());
        QuizViewModel quiz = quizAtShortItem(model);

        writeShortAnswer(quiz, "Cost per route, and regressions show up.", 3);

        assertThat(quiz.modelVerdictProperty().get()).contains("judge-model")
                .contains("It names cost attribution and regressions.");
        Answer graded = onlyAttempt().answer(QuizPack.SHORT).orElseThrow();
        assertThat(graded.grade()).isEqualTo(Grade.RIGHT);
        assertThat(graded.gradedBy()).isEqualTo(GradedBy.MODEL);
        assertThat(quiz.feedback().marks()).contains(3);

        quiz.gradeShort(false);

        Answer overruled = onlyAttempt().answer(QuizPack.SHORT).orElseThrow();
        assertThat(overruled.grade()).isEqualTo(Grade.WRONG);
        assertThat(overruled.gradedBy()).isEqualTo(GradedBy.LEARNER);
        assertThat(overruled.modelGrade()).get().extracting(m -> m.pass()).isEqualTo(true);
        assertThat(quiz.feedback().marks()).contains(-6);
    }

    @Test
    void a_grade_the_learner_gives_before_the_model_answers_stays_the_learners_with_the_models_verdict_kept() {
        ollama = FakeOllama.start();
        ollama.model("judge-model").answer("{\"reason\": \"It makes both points.\", \"score\": 1, \"pass\": true}");
        LaterTaskExecutor lateModel = new LaterTaskExecutor();
        QuizViewModel quiz = quizAtShortItem(model(ollama.baseUri(), lateModel));
        writeShortAnswer(quiz, "Cost per route, and regressions show up.", 3);

        quiz.gradeShort(false);
        lateModel.runAll();

        Answer answer = onlyAttempt().answer(QuizPack.SHORT).orElseThrow();
        assertThat(answer.grade()).isEqualTo(Grade.WRONG);
        assertThat(answer.gradedBy()).isEqualTo(GradedBy.LEARNER);
        assertThat(answer.modelGrade()).get().extracting(m -> m.reason()).isEqualTo("It makes both points.");
        assertThat(quiz.feedback().marks()).contains(-6);
        assertThat(quiz.modelVerdictProperty().get()).contains("It makes both points.");
    }

    @Test
    void a_model_grade_that_lands_after_the_quiz_ended_updates_the_result_on_screen() {
        ollama = FakeOllama.start();
        ollama.model("judge-model").answer("{\"reason\": \"Both points.\", \"score\": 1, \"pass\": true}");
        LaterTaskExecutor lateModel = new LaterTaskExecutor();
        AssessViewModel model = model(ollama.baseUri(), lateModel);
        QuizViewModel quiz = quizAtShortItem(model);
        writeShortAnswer(quiz, "Cost per route, and regressions show up.", 2);
        quiz.enter();
        quiz.digit(3);
        quiz.enter();
        quiz.enter();
        assertThat(model.result().summary().pending()).containsExactly(
                new ResultSummary.PendingAnswer(pack().assessmentItem(QuizPack.SHORT).orElseThrow(),
                        "Cost per route, and regressions show up."));

        lateModel.runAll();

        assertThat(model.result().summary().pending()).isEmpty();
        assertThat(model.result().summary().score().correct()).isEqualTo(2);
    }

    @Test
    void a_short_item_in_review_is_recorded_only_once_the_learner_grades_it() {
        AssessViewModel model = model(NO_SERVER);
        QuizViewModel quiz = quizAtShortItem(model);
        writeShortAnswer(quiz, "Regressions.", 2);
        quiz.gradeShort(false);
        quiz.leave();
        clock.advance(Duration.ofDays(30));
        model.open(AssessViewModel.REVIEW);
        QuizViewModel review = model.quiz();
        if (review.item().id().equals(QuizPack.MULTIPLE)) {
            answerChoices(review, 2, 1, 2);
            review.enter();
        }
        assertThat(review.item().id()).isEqualTo(QuizPack.SHORT);

        writeShortAnswer(review, "Cost attribution per route and regression detection.", 2);
        assertThat(review.feedback().grade()).isEqualTo(Grade.PENDING);
        review.enter();
        assertThat(review.message()).startsWith("Press Y if your answer made the points");
        assertThat(review.item().id()).isEqualTo(QuizPack.SHORT);
        assertThat(service().cards(pack()).get(QuizPack.SHORT).reviews()).as("not recorded yet").isEqualTo(1);

        review.gradeShort(true);

        assertThat(review.feedback().grade()).isEqualTo(Grade.RIGHT);
        assertThat(review.feedback().recorded().nextDue()).isPresent();
        assertThat(service().cards(pack()).get(QuizPack.SHORT).reviews()).isEqualTo(2);
    }

    @Test
    void ctrl_enter_on_an_empty_short_answer_asks_for_the_answer_first() {
        QuizViewModel quiz = quizAtShortItem(model(NO_SERVER));

        quiz.textDone();

        assertThat(quiz.step()).isEqualTo(Step.ANSWER);
        assertThat(quiz.message()).startsWith("Write your answer first");
    }

    @Test
    void the_last_answer_finishes_the_attempt_and_enter_opens_its_result() {
        AssessViewModel model = model(NO_SERVER);
        QuizViewModel quiz = quizAtShortItem(model);
        writeShortAnswer(quiz, "Regressions show up.", 1);
        quiz.enter();
        assertThat(quiz.item().id()).isEqualTo(QuizPack.CAPABILITY);

        quiz.digit(4);
        quiz.enter();
        assertThat(quiz.feedback().grade()).isEqualTo(Grade.RATED);
        assertThat(quiz.feedback().recorded().finished()).isTrue();
        quiz.enter();

        assertThat(model.page()).isEqualTo(Page.RESULT);
        ResultSummary result = model.result().summary();
        assertThat(result.score().answered()).isEqualTo(4);
        assertThat(result.score().correct()).isEqualTo(1);
        assertThat(result.score().cbmTotal()).as("right sure +3, wrong fairly sure -2, pending short").isEqualTo(1);
        assertThat(result.pending()).extracting(p -> p.item().id()).containsExactly(QuizPack.SHORT);
        assertThat(result.pending().getFirst().text()).isEqualTo("Regressions show up.");
        assertThat(result.readiness()).isPresent();
        assertThat(result.weakWeeks()).extracting(ResultSummary.WeekLink::weekId).contains("week-02");
        assertThat(result.thisAttempt().graded()).isEqualTo(2);

        model.result().grade(QuizPack.SHORT, false);

        assertThat(model.result().summary().pending()).isEmpty();
        assertThat(model.result().summary().score().cbmTotal()).as("a wrong guess costs nothing").isEqualTo(1);
        model.result().openWeek("week-02");
        assertThat(openedWeeks).containsExactly("week-02");
    }

    @Test
    void a_review_asks_the_due_items_and_shows_when_each_comes_back() {
        AssessViewModel model = model(NO_SERVER);
        QuizViewModel quiz = quizAtShortItem(model);
        quiz.leave();
        clock.advance(Duration.ofDays(30));
        model.load();
        assertThat(model.dueProperty().get()).as("the missed multiple-choice item").isEqualTo(1);

        model.open(AssessViewModel.REVIEW);

        QuizViewModel review = model.quiz();
        assertThat(review.positionProperty().get()).isEqualTo("Review 1 of 1");
        assertThat(review.item().id()).isEqualTo(QuizPack.MULTIPLE);
        answerChoices(review, 2, 1, 2);
        assertThat(review.feedback().grade()).isEqualTo(Grade.RIGHT);
        LocalDate due = review.feedback().recorded().nextDue().orElseThrow();
        assertThat(due).isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        assertThat(service().cards(pack()).get(QuizPack.MULTIPLE).reviews()).isEqualTo(2);
        review.enter();
        assertThat(model.page()).isEqualTo(Page.OVERVIEW);
        assertThat(model.status()).startsWith("Review done: 1 of 1 right");
        assertThat(model.dueProperty().get()).isZero();
    }

    @Test
    void a_review_with_nothing_due_says_so() {
        AssessViewModel model = model(NO_SERVER);

        model.open(AssessViewModel.REVIEW);

        assertThat(model.page()).isEqualTo(Page.OVERVIEW);
        assertThat(model.status()).startsWith("Nothing is due for review today.");
    }

    @Test
    void another_screen_opens_an_assessment_by_its_id_and_an_unknown_id_is_named() {
        AssessViewModel model = model(NO_SERVER);

        model.open(QuizPack.ASSESSMENT);
        assertThat(model.focusedProperty().get()).isEqualTo(QuizPack.ASSESSMENT);
        assertThat(model.cards()).extracting(AssessmentCard::id).contains(QuizPack.ASSESSMENT,
                "before-milestone-2", "before-milestone-3");

        model.open("before-milestone-9");
        assertThat(model.status()).contains("no assessment 'before-milestone-9'");
    }

    /** Holds the work it is given until the test runs it: a model that answers late. */
    private static final class LaterTaskExecutor implements TaskExecutor {
        private final List<Runnable> waiting = new ArrayList<>();
        private final ImmediateTaskExecutor now = new ImmediateTaskExecutor();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            waiting.add(() -> now.run(work, onSuccess, onFailure));
        }

        @Override
        public void publish(Runnable update) {
            update.run();
        }

        void runAll() {
            List<Runnable> due = List.copyOf(waiting);
            waiting.clear();
            due.forEach(Runnable::run);
        }
    }

    /** Item 3 (short), after a right sure answer to item 1 and a wrong fairly-sure one to item 2. */
    private static QuizViewModel quizAtShortItem(AssessViewModel model) {
        model.start(QuizPack.ASSESSMENT);
        QuizViewModel quiz = model.quiz();
        quiz.enter();
        answerChoices(quiz, 3, 1);
        quiz.enter();
        answerChoices(quiz, 2, 1);
        quiz.enter();
        assertThat(quiz.item().id()).isEqualTo(QuizPack.SHORT);
        return quiz;
    }

    private static void writeShortAnswer(QuizViewModel quiz, String text, int confidence) {
        quiz.textProperty().set(text);
        quiz.textDone();
        assertThat(quiz.step()).isEqualTo(Step.CONFIDENCE);
        quiz.confidence(confidence);
        quiz.enter();
    }
}
