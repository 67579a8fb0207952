package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.testing.TestAssessments.assessment;
import static dev.aiworkbench.testing.TestAssessments.capability;
import static dev.aiworkbench.testing.TestAssessments.multiple;
import static dev.aiworkbench.testing.TestAssessments.shortItem;
import static dev.aiworkbench.testing.TestAssessments.single;
import static dev.aiworkbench.testing.TestAssessments.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AttemptScorerTest {
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private final Assessment quiz = assessment("quiz", "milestone-1",
            single("s1", 0, 4, "week-1"), single("s2", 1, 4, "week-2"), multiple("m1", List.of(0, 2), 4, "week-3"),
            shortItem("t1", "week-4"), shortItem("t2", "week-2"), capability("c1", List.of("w1-t1"), "week-3"),
            single("s3", 0, 3, "week-4"));
    private final Pack pack = with(TestPacks.grid(1, 1, 4, 2, 10), Map.of(), quiz);

    private static Answer answer(String item, Response response, Integer confidence, Grade grade) {
        return new Answer(item, response, Optional.ofNullable(confidence), grade,
                grade.decided() ? GradedBy.KEY : GradedBy.NONE, Optional.empty(), AT, 20);
    }

    private static Attempt attempt(Answer... answers) {
        Map<String, Answer> byItem = new LinkedHashMap<>();
        for (Answer a : answers) {
            byItem.put(a.itemId(), a);
        }
        return new Attempt(7, "quiz", AT, Optional.empty(), byItem);
    }

    @Test
    void certaintyBasedMarksFollowTheTable() {
        assertThat(List.of(1, 2, 3).stream().map(c -> CertaintyMarks.score(true, c)).toList()).containsExactly(1, 2, 3);
        assertThat(List.of(1, 2, 3).stream().map(c -> CertaintyMarks.score(false, c)).toList()).containsExactly(0, -2, -6);
    }

    @Test
    void anAttemptIsScoredByCertaintyWithPendingAndRatedAnswersLeftOutOfTheMarks() {
        Attempt attempt = attempt(
                answer("s1", new Response.Choices(List.of(0)), 3, Grade.RIGHT),
                answer("s2", new Response.Choices(List.of(0)), 2, Grade.WRONG),
                answer("m1", new Response.Choices(List.of(0, 2)), 1, Grade.RIGHT),
                answer("t1", new Response.Text("an answer"), 2, Grade.PENDING),
                answer("t2", new Response.Text("another"), 3, Grade.RIGHT),
                answer("c1", new Response.Level(2), null, Grade.RATED));

        AttemptScore score = AttemptScorer.score(pack, quiz, attempt);

        assertThat(score.answered()).isEqualTo(6);
        assertThat(score.correct()).isEqualTo(3);
        assertThat(score.cbmTotal()).isEqualTo(3 - 2 + 1 + 3);
        assertThat(score.cbmMean()).isEqualTo(5 / 4.0);
        // Five gradable items (four scored choice and short items, less the pending one, plus unanswered s3) at most 3 each.
        assertThat(score.quizShare()).isCloseTo(5 / 15.0, within(1e-12));
        assertThat(score.byConfidence()).containsExactly(new ConfidenceTally(1, 1, 1), new ConfidenceTally(2, 1, 0),
                new ConfidenceTally(3, 2, 2));
        assertThat(score.pending()).containsExactly("t1");
        assertThat(score.weakWeeks()).containsExactly("week-2", "week-3");
    }

    @Test
    void aNegativeTotalCountsAsNothingAndWeakWeeksComeInPlanOrder() {
        Attempt attempt = attempt(
                answer("s3", new Response.Choices(List.of(1)), 3, Grade.WRONG),
                answer("s1", new Response.Choices(List.of(1)), 2, Grade.WRONG),
                answer("s2", new Response.Choices(List.of(1)), 1, Grade.RIGHT));

        AttemptScore score = AttemptScorer.score(pack, quiz, attempt);

        assertThat(score.cbmTotal()).isEqualTo(-6 - 2 + 1);
        assertThat(score.quizShare()).isZero();
        assertThat(score.weakWeeks()).containsExactly("week-1", "week-2", "week-4");
    }

    @Test
    void everythingRightAndSureIsTheWholeShare() {
        Attempt attempt = attempt(
                answer("s1", new Response.Choices(List.of(0)), 3, Grade.RIGHT),
                answer("s2", new Response.Choices(List.of(1)), 3, Grade.RIGHT),
                answer("s3", new Response.Choices(List.of(0)), 3, Grade.RIGHT),
                answer("m1", new Response.Choices(List.of(0, 2)), 3, Grade.RIGHT),
                answer("t1", new Response.Text("a"), 3, Grade.RIGHT),
                answer("t2", new Response.Text("b"), 3, Grade.RIGHT),
                answer("c1", new Response.Level(5), null, Grade.RATED));

        AttemptScore score = AttemptScorer.score(pack, quiz, attempt);

        assertThat(score.quizShare()).isEqualTo(1.0);
        assertThat(score.weakWeeks()).isEmpty();
    }

    @Test
    void answersToItemsThePackNoLongerHasAreLeftOut() {
        Attempt attempt = attempt(answer("s1", new Response.Choices(List.of(0)), 3, Grade.RIGHT),
                answer("retired-item", new Response.Choices(List.of(0)), 3, Grade.WRONG));

        AttemptScore score = AttemptScorer.score(pack, quiz, attempt);

        assertThat(score.answered()).isEqualTo(1);
        assertThat(score.cbmTotal()).isEqualTo(3);
        assertThat(score.weakWeeks()).isEmpty();
    }
}
