package dev.aiworkbench.assessment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    @Test
    void eachLevelHasItsAccuracyWilsonIntervalAndTheBandWhereItPays() {
        Calibration calibration = Calibration.of(List.of(new ConfidenceTally(1, 4, 2), new ConfidenceTally(2, 10, 8),
                new ConfidenceTally(3, 6, 6)));

        CalibrationLevel fairly = calibration.levels().get(1);
        assertThat(fairly.accuracy()).isEqualTo(0.8);
        // Wilson 95% for 8 of 10: (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n), worked out by hand.
        assertThat(fairly.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(fairly.high()).isCloseTo(0.9433, within(1e-4));
        assertThat(calibration.levels()).extracting(CalibrationLevel::bandLow).containsExactly(0.0, 2.0 / 3, 0.8);
        assertThat(calibration.levels()).extracting(CalibrationLevel::bandHigh).containsExactly(2.0 / 3, 0.8, 1.0);
        assertThat(calibration.graded()).isEqualTo(20);
        assertThat(calibration.correct()).isEqualTo(16);
        assertThat(calibration.cbmTotal()).isEqualTo(2 * 1 + 2 * 0 + 8 * 2 + 2 * -2 + 6 * 3);
        assertThat(calibration.cbmMean()).isEqualTo(32 / 20.0);
        assertThat(calibration.verdict()).isEqualTo(Calibration.Verdict.WELL_CALIBRATED);
    }

    @Test
    void tallyingSeveralAttemptsAddsThemLevelByLevel() {
        Calibration calibration = Calibration.of(List.of(new ConfidenceTally(3, 2, 1), new ConfidenceTally(3, 3, 3)));

        assertThat(calibration.levels().get(2).n()).isEqualTo(5);
        assertThat(calibration.levels().get(2).correct()).isEqualTo(4);
        assertThat(calibration.levels().get(0).accuracy()).isNaN();
    }

    @Test
    void beingSureAndOftenWrongIsOverConfidence() {
        Calibration calibration = Calibration.of(List.of(new ConfidenceTally(3, 20, 9)));

        assertThat(calibration.levels().get(2).overConfident()).isTrue();
        assertThat(calibration.verdict()).isEqualTo(Calibration.Verdict.OVER_CONFIDENT);
        assertThat(calibration.advice()).startsWith("You were sure more often than you were right");
    }

    @Test
    void guessingAndAlmostAlwaysRightIsUnderConfidence() {
        Calibration calibration = Calibration.of(List.of(new ConfidenceTally(1, 20, 19)));

        assertThat(calibration.verdict()).isEqualTo(Calibration.Verdict.UNDER_CONFIDENT);
    }

    @Test
    void bothAtOnceIsMixedAndTooFewAnswersTellNothing() {
        assertThat(Calibration.of(List.of(new ConfidenceTally(1, 20, 19), new ConfidenceTally(3, 20, 9))).verdict())
                .isEqualTo(Calibration.Verdict.MIXED);
        assertThat(Calibration.of(List.of(new ConfidenceTally(3, 9, 0))).verdict())
                .isEqualTo(Calibration.Verdict.TOO_FEW_ANSWERS);
        assertThat(Calibration.of(List.of()).cbmMean()).isZero();
    }
}
