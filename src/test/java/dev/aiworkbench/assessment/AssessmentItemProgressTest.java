package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ArchivedItem;
import dev.aiworkbench.progress.CarryOverPlan;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.aiworkbench.testing.TestAssessments.assessment;
import static dev.aiworkbench.testing.TestAssessments.single;
import static dev.aiworkbench.testing.TestAssessments.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Upgrades carry self-assessment answers, attempts and reviews along with the rest of the progress. */
class AssessmentItemProgressTest {
    private static final Optional<Integer> SURE = Optional.of(3);
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00", ZoneId.of("Europe/Berlin"));
    private final Assessment quiz = assessment("before-milestone-1", "milestone-1", single("s1", 0, 4, "week-1"),
            single("s2", 1, 4, "week-2"), single("s3", 1, 4, "week-3"), single("s4", 1, 4, "week-4"));
    private final Pack v1 = with(TestPacks.grid(1, 1, 4, 2, 10), Map.of(), quiz);

    @TempDir
    Path temp;
    private Database database;
    private AssessmentService service;
    private ProgressCarryOver carryOver;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        service = new AssessmentService(database, clock, id -> new CheckTally(0, 0));
        carryOver = new ProgressCarryOver(database, List.of(new AssessmentItemProgress(database)), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Response.Choices pick(int index) {
        return new Response.Choices(List.of(index));
    }

    private Pack version(String version, Assessment assessment, Map<String, String> replacements) {
        return TestPacks.revised(v1, version, Map.of(), Set.of(), assessment == null ? List.of() : List.of(assessment),
                replacements);
    }

    @Test
    void anAnswerMovesToTheItemThatReplacesItsQuestionAndARemovedQuestionsAnswerComesBackWithIt() {
        Attempt attempt = service.resumeOrStart(v1, quiz.id());
        service.answer(v1, attempt.id(), "s1", pick(0), SURE, 10);
        service.answer(v1, attempt.id(), "s2", pick(1), SURE, 20);
        service.review(v1, "s1", false, 2);
        Assessment revised = assessment("before-milestone-1", "milestone-1", single("s1-renamed", 0, 4, "week-1"),
                single("s3", 1, 4, "week-3"), single("s4", 1, 4, "week-4"));
        Pack v2 = version("2.0.0", revised, Map.of("s1", "s1-renamed"));

        CarryOverPlan plan = carryOver.plan(v2, Optional.of(v1));
        carryOver.apply(plan);

        assertThat(plan.moved()).containsExactly(new CarryOverPlan.Move("s1", "s1-renamed", false));
        assertThat(plan.archived()).extracting(ArchivedItem::id, ArchivedItem::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s2", "Question s2?"));
        Attempt moved = service.attempt(v2, attempt.id());
        assertThat(moved.answer("s1-renamed").orElseThrow().seconds()).isEqualTo(10);
        assertThat(moved.answer("s2")).isEmpty();
        assertThat(service.cards(v2)).containsKey("s1-renamed").doesNotContainKey("s1");

        Pack v3 = version("3.0.0", quiz, Map.of());
        carryOver.apply(carryOver.plan(v3, Optional.of(v2)));

        assertThat(service.attempt(v3, attempt.id()).answer("s2").orElseThrow().seconds()).isEqualTo(20);
    }

    @Test
    void aRemovedAssessmentTakesItsAttemptsIntoTheArchiveAndBringsThemBackWhole() {
        Attempt attempt = service.resumeOrStart(v1, quiz.id());
        service.answer(v1, attempt.id(), "s1", pick(0), SURE, 10);
        service.answer(v1, attempt.id(), "s3", pick(2), Optional.of(1), 15);
        Pack v2 = version("2.0.0", null, Map.of());

        CarryOverPlan plan = carryOver.plan(v2, Optional.of(v1));
        carryOver.apply(plan);

        assertThat(plan.archived()).extracting(ArchivedItem::id).first().isEqualTo(quiz.id());
        assertThat(carryOver.archived(v1.id())).as("the answers went with their attempt")
                .extracting(ArchivedItem::id).containsExactly(quiz.id());

        Pack v3 = version("3.0.0", quiz, Map.of());
        carryOver.apply(carryOver.plan(v3, Optional.of(v2)));

        List<Attempt> back = service.attempts(v3, quiz.id());
        assertThat(back).hasSize(1);
        assertThat(back.get(0).answer("s1").orElseThrow().seconds()).isEqualTo(10);
        assertThat(back.get(0).answer("s3").orElseThrow().confidence()).contains(1);
        assertThat(carryOver.archived(v1.id())).isEmpty();
    }
}
