package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.AssessmentItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.aiworkbench.testing.TestAssessments.capability;
import static dev.aiworkbench.testing.TestAssessments.multiple;
import static dev.aiworkbench.testing.TestAssessments.shortItem;
import static dev.aiworkbench.testing.TestAssessments.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerKeyTest {
    private static final Optional<Integer> SURE = Optional.of(3);
    private final AssessmentItem single = single("s", 2, 4, "week-1");
    private final AssessmentItem multiple = multiple("m", List.of(0, 3), 5, "week-1");

    @Test
    void aSingleChoiceIsRightOnlyAtTheKeysIndex() {
        assertThat(AnswerKey.grade(single, new Response.Choices(List.of(2)), SURE)).isEqualTo(Grade.RIGHT);
        assertThat(AnswerKey.grade(single, new Response.Choices(List.of(1)), SURE)).isEqualTo(Grade.WRONG);
    }

    @Test
    void aMultipleChoiceIsRightOnlyWithExactlyTheRightChoicesInAnyOrder() {
        assertThat(AnswerKey.grade(multiple, new Response.Choices(List.of(3, 0)), SURE)).isEqualTo(Grade.RIGHT);
        assertThat(AnswerKey.grade(multiple, new Response.Choices(List.of(0)), SURE)).isEqualTo(Grade.WRONG);
        assertThat(AnswerKey.grade(multiple, new Response.Choices(List.of(0, 3, 4)), SURE)).isEqualTo(Grade.WRONG);
    }

    @Test
    void aShortAnswerWaitsForItsGradeAndACapabilityIsRated() {
        assertThat(AnswerKey.grade(shortItem("t", "week-1"), new Response.Text("because"), SURE)).isEqualTo(Grade.PENDING);
        assertThat(AnswerKey.grade(capability("c", List.of("w1-t1"), "week-1"), new Response.Level(4), Optional.empty()))
                .isEqualTo(Grade.RATED);
    }

    @Test
    void answersThatDoNotFitTheirItemAreRefusedWithTheReason() {
        assertThatThrownBy(() -> AnswerKey.grade(single, new Response.Choices(List.of(4)), SURE))
                .isInstanceOf(AnswerRefusedException.class).hasMessage("Item s has choices 0 to 3; there is no choice 4.");
        assertThatThrownBy(() -> AnswerKey.grade(single, new Response.Choices(List.of(-1)), SURE))
                .hasMessage("Item s has choices 0 to 3; there is no choice -1.");
        assertThatThrownBy(() -> AnswerKey.grade(single, new Response.Choices(List.of(0, 1)), SURE))
                .hasMessage("Item s takes one choice, not 2.");
        assertThatThrownBy(() -> AnswerKey.grade(single, new Response.Text("B"), SURE))
                .hasMessage("Item s takes one choice index, counted from 0.");
        assertThatThrownBy(() -> AnswerKey.grade(single, new Response.Choices(List.of(2)), Optional.of(4)))
                .hasMessage("A confidence is 1 (a guess), 2 (fairly sure) or 3 (sure); item s got 4.");
        assertThatThrownBy(() -> AnswerKey.grade(single, new Response.Choices(List.of(2)), Optional.empty()))
                .hasMessage("Item s needs a confidence: 1 (a guess), 2 (fairly sure) or 3 (sure).");
        assertThatThrownBy(() -> AnswerKey.grade(shortItem("t", "week-1"), new Response.Text("  "), SURE))
                .hasMessage("Item t takes a written answer (text).");
        assertThatThrownBy(() -> AnswerKey.grade(capability("c", List.of("w1-t1"), "week-1"), new Response.Level(6),
                Optional.empty())).hasMessage("Item c is an \"I can …\" statement: rate it 1 (not yet) to 5 (with confidence).");
    }
}
