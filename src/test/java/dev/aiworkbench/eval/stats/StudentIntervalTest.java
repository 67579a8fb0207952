package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The quality series' interval for a mean, against values worked out by hand (t quantiles from tables). */
class StudentIntervalTest {

    @Test
    void meanPlusOrMinusTTimesTheStandardError() {
        // scores 0.4 0.5 0.6 0.5 0.4 0.6 0.5 0.5: mean 0.5, sum of squared deviations 0.04, s² = 0.04/7,
        // SE = √(s²/8) = 0.0267261, t(0.975, 7) = 2.364624 → half-width 0.0631974
        Interval ci = StudentInterval.mean95(8, 0.5, 0.255);

        assertThat(ci.low()).isCloseTo(0.4368026, within(1e-6));
        assertThat(ci.high()).isCloseTo(0.5631974, within(1e-6));
    }

    @Test
    void theIntervalStaysWithinZeroAndOne() {
        // scores 1 .5 1 .5 1 1: mean 0.8333, E[x²] 0.75, s² = 6/5 × (0.75 − 0.69444) = 0.0666667,
        // SE = 0.1054093, t(0.975, 5) = 2.570582 → 0.833333 ± 0.270963
        Interval ci = StudentInterval.mean95(6, 5.0 / 6, 0.75);

        assertThat(ci.low()).isCloseTo(0.5623703, within(1e-6));
        assertThat(ci.high()).isEqualTo(1.0);
    }

    @Test
    void oneItemSaysNothingOfTheSpreadAndAllEqualScoresHaveNoWidth() {
        assertThat(StudentInterval.mean95(1, 0.7, 0.49)).isEqualTo(new Interval(0, 1));
        Interval same = StudentInterval.mean95(5, 0.6, 0.36);
        assertThat(same.low()).isCloseTo(0.6, within(1e-6));
        assertThat(same.high()).isCloseTo(0.6, within(1e-6));
    }

    @Test
    void aMeanOutsideTheScoreRangeIsRefused() {
        assertThatThrownBy(() -> StudentInterval.mean95(0, 0.5, 0.25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentInterval.mean95(3, 1.5, 2.25)).isInstanceOf(IllegalArgumentException.class);
    }
}
