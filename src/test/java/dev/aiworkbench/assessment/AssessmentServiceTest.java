package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.SnapshotBuilder;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.testing.TestAssessments.assessment;
import static dev.aiworkbench.testing.TestAssessments.capability;
import static dev.aiworkbench.testing.TestAssessments.shortItem;
import static dev.aiworkbench.testing.TestAssessments.single;
import static dev.aiworkbench.testing.TestAssessments.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentServiceTest {
    private static final Optional<Integer> SURE = Optional.of(3);
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00", ZoneId.of("Europe/Berlin"));
    private final Assessment quiz = assessment("before-milestone-1", "milestone-1", single("s1", 0, 4, "week-1"),
            single("s2", 1, 4, "week-2"), shortItem("t1", "week-3"), capability("c1", List.of("w1-t1"), "week-4"));
    private final Pack pack = with(TestPacks.grid(1, 1, 4, 2, 10), Map.of(1, List.of("lab-a")), quiz);

    @TempDir
    Path temp;
    private Database database;
    private AssessmentService service;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        service = new AssessmentService(database, clock, id -> new CheckTally(4, 4));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Response.Choices pick(int... indexes) {
        return new Response.Choices(java.util.Arrays.stream(indexes).boxed().toList());
    }

    @Test
    void anInterruptedAttemptResumesAtItsFirstUnansweredItemAndFinishesWithTheLast() {
        Attempt first = service.resumeOrStart(pack, quiz.id());
        service.answer(pack, first.id(), "s1", pick(0), SURE, 12);

        Attempt resumed = service.resumeOrStart(pack, quiz.id());

        assertThat(resumed.id()).isEqualTo(first.id());
        assertThat(resumed.nextItem(quiz).orElseThrow().id()).isEqualTo("s2");
        assertThat(resumed.answer("s1").orElseThrow().seconds()).isEqualTo(12);
        service.answer(pack, first.id(), "s2", pick(1), Optional.of(2), 5);
        service.answer(pack, first.id(), "t1", new Response.Text("my answer"), Optional.of(1), 30);
        Attempt done = service.answer(pack, first.id(), "c1", new Response.Level(4), Optional.empty(), 3);
        assertThat(done.finished()).isTrue();
        assertThat(service.resumeOrStart(pack, quiz.id()).id()).isNotEqualTo(first.id());
        assertThatThrownBy(() -> service.answer(pack, first.id(), "s1", pick(1), SURE, 1))
                .isInstanceOf(AnswerRefusedException.class)
                .hasMessage("Attempt " + first.id() + " is finished; start a new one to answer again.");
    }

    @Test
    void answersHandedInAtOnceAreCheckedFirstAndOneBadAnswerRecordsNothing() {
        String before = DatabaseDump.of(database);
        List<GivenAnswer> withBadIndex = List.of(new GivenAnswer("s1", pick(0), SURE), new GivenAnswer("s2", pick(7), SURE));
        List<GivenAnswer> withUnknownItem = List.of(new GivenAnswer("s3", pick(0), SURE));
        List<GivenAnswer> twice = List.of(new GivenAnswer("s1", pick(0), SURE), new GivenAnswer("s1", pick(1), SURE));
        List<GivenAnswer> badConfidence = List.of(new GivenAnswer("s1", pick(0), Optional.of(0)));

        assertThatThrownBy(() -> service.answerAll(pack, quiz.id(), withBadIndex))
                .hasMessage("Item s2 has choices 0 to 3; there is no choice 7.");
        assertThatThrownBy(() -> service.answerAll(pack, quiz.id(), withUnknownItem))
                .hasMessage("Assessment before-milestone-1 has no item 's3'. Did you mean 's1'?");
        assertThatThrownBy(() -> service.answerAll(pack, quiz.id(), twice))
                .hasMessage("Item s1 is answered twice; answer each item once.");
        assertThatThrownBy(() -> service.answerAll(pack, quiz.id(), badConfidence))
                .hasMessage("A confidence is 1 (a guess), 2 (fairly sure) or 3 (sure); item s1 got 0.");
        assertThatThrownBy(() -> service.answerAll(pack, "before-milestone-9", List.of()))
                .isInstanceOf(UnknownAssessmentException.class)
                .hasMessage("The pack has no assessment 'before-milestone-9'. Did you mean 'before-milestone-1'? "
                        + "It has: before-milestone-1.");
        assertThat(DatabaseDump.of(database)).isEqualTo(before);

        Attempt attempt = service.answerAll(pack, quiz.id(), List.of(new GivenAnswer("s1", pick(0), SURE),
                new GivenAnswer("t1", new Response.Text("because"), Optional.of(2))));
        assertThat(attempt.finished()).isTrue();
        assertThat(service.score(pack, attempt).pending()).containsExactly("t1");
    }

    @Test
    void aShortAnswerIsGradedLaterAndAModelsVerdictCanBeOverruledKeepingWhatItSaid() {
        Attempt attempt = service.answerAll(pack, quiz.id(), List.of(new GivenAnswer("t1", new Response.Text("x"), SURE)));
        ModelGrade verdict = new ModelGrade("qwen3:0.6b", true, "It makes both points.");

        Attempt byModel = service.grade(pack, attempt.id(), "t1", true, GradedBy.MODEL, Optional.of(verdict));
        Attempt overruled = service.grade(pack, attempt.id(), "t1", false, GradedBy.LEARNER, Optional.empty());

        assertThat(byModel.answer("t1").orElseThrow().grade()).isEqualTo(Grade.RIGHT);
        Answer answer = overruled.answer("t1").orElseThrow();
        assertThat(answer.grade()).isEqualTo(Grade.WRONG);
        assertThat(answer.gradedBy()).isEqualTo(GradedBy.LEARNER);
        assertThat(answer.modelGrade()).contains(verdict);
        assertThat(service.score(pack, overruled).cbmTotal()).isEqualTo(-6);
        assertThatThrownBy(() -> service.grade(pack, attempt.id(), "s1", true, GradedBy.LEARNER, Optional.empty()))
                .hasMessage("Attempt " + attempt.id() + " has no answer to item s1 to grade.");
    }

    @Test
    void aMissedItemIsDueTheNextDayAndAReviewMovesItOn() {
        service.answerAll(pack, quiz.id(), List.of(new GivenAnswer("s1", pick(2), SURE), new GivenAnswer("s2", pick(1), SURE)));
        assertThat(service.due(pack)).isEmpty();

        clock.advance(Duration.ofDays(1));
        List<DueItem> due = service.due(pack);

        assertThat(due).extracting(d -> d.item().id()).containsExactly("s1");
        assertThat(due.get(0).assessment().id()).isEqualTo(quiz.id());
        ReviewCard after = service.review(pack, "s1", true, 3);
        assertThat(after.reviews()).isEqualTo(2);
        assertThat(after.memory().due()).isAfter(LocalDate.now(clock));
        assertThat(service.due(pack)).isEmpty();
        assertThatThrownBy(() -> service.review(pack, "c1", true, 3))
                .hasMessage("Item c1 is a capability statement; it is not reviewed.");
    }

    @Test
    void attemptsSurviveAPackUpgradeThatKeepsTheirItemIds() {
        Attempt attempt = service.resumeOrStart(pack, quiz.id());
        service.answer(pack, attempt.id(), "s1", pick(0), SURE, 1);
        service.answer(pack, attempt.id(), "s2", pick(1), SURE, 1);
        Assessment upgraded = assessment(quiz.id(), "milestone-1", single("s1", 0, 4, "week-1"),
                single("s4", 2, 3, "week-2"), shortItem("t1", "week-3"), capability("c1", List.of("w1-t1"), "week-4"));
        Pack newer = with(TestPacks.grid(1, 1, 4, 2, 10), Map.of(), upgraded);

        Attempt resumed = service.resumeOrStart(newer, quiz.id());

        assertThat(resumed.id()).isEqualTo(attempt.id());
        assertThat(resumed.nextItem(upgraded).orElseThrow().id()).isEqualTo("s4");
        AttemptScore score = service.score(newer, resumed);
        assertThat(score.answered()).isEqualTo(1);
        assertThat(score.cbmTotal()).isEqualTo(3);
    }

    @Test
    void readinessAndCalibrationCountEveryAttempt() {
        service.answerAll(pack, quiz.id(), List.of(new GivenAnswer("s1", pick(0), SURE), new GivenAnswer("s2", pick(0), SURE)));
        clock.advance(Duration.ofHours(1));
        service.answerAll(pack, quiz.id(), List.of(new GivenAnswer("s1", pick(0), SURE), new GivenAnswer("s2", pick(1), SURE),
                new GivenAnswer("t1", new Response.Text("x"), SURE)));

        Calibration calibration = service.calibration(pack);
        Readiness readiness = service.readiness(pack, SnapshotBuilder.of(pack).set(TestPacks.checkId(1, 1), TaskState.DONE)
                .build()).get(0);

        assertThat(calibration.levels().get(2).n()).isEqualTo(4);
        assertThat(calibration.levels().get(2).correct()).isEqualTo(3);
        // The newest finished attempt counts: 6 marks, all the two graded items could give (t1 is pending, left out).
        assertThat(readiness.quiz().orElseThrow().quizShare()).isEqualTo(6 / 6.0);
        assertThat(readiness.verdict()).isEqualTo(ReadinessVerdict.READY);
        assertThat(readiness.labs()).isEqualTo(new CheckTally(4, 4));
    }
}
