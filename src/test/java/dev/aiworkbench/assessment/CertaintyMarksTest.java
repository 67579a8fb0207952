package dev.aiworkbench.assessment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certainty-based marking's table, and the FSRS grade each answer becomes. */
class CertaintyMarksTest {

    @ParameterizedTest
    @CsvSource({
            "true, 1, 1, HARD",
            "true, 2, 2, GOOD",
            "true, 3, 3, EASY",
            "false, 1, 0, AGAIN",
            "false, 2, -2, AGAIN",
            "false, 3, -6, AGAIN"})
    void eachAnswerScoresAndGradesByItsConfidence(boolean correct, int confidence, int score, Rating rating) {
        assertThat(CertaintyMarks.score(correct, confidence)).isEqualTo(score);
        assertThat(Rating.ofAnswer(correct, confidence)).isEqualTo(rating);
    }

    @Test
    void beingSureOnlyPaysWhenTheChanceOfBeingRightIsHigh() {
        // The expected score of each level at a 70% chance of being right: level 2 is the best bet, as CBM intends.
        double p = 0.7;
        double[] expected = new double[4];
        for (int confidence = 1; confidence <= 3; confidence++) {
            expected[confidence] = p * CertaintyMarks.score(true, confidence) + (1 - p) * CertaintyMarks.score(false, confidence);
        }
        assertThat(expected[2]).isGreaterThan(expected[1]).isGreaterThan(expected[3]);
    }

    @Test
    void aConfidenceOutsideOneToThreeIsRefused() {
        assertThatThrownBy(() -> CertaintyMarks.score(true, 0)).hasMessage("a confidence is 1, 2 or 3, not 0");
        assertThatThrownBy(() -> Rating.ofAnswer(false, 4)).hasMessage("a confidence is 1, 2 or 3, not 4");
    }
}
