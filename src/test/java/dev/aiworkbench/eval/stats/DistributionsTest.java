package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The hand-written distribution functions against scipy 1.17 (norm.ppf, t.ppf, binom, norm.sf). */
class DistributionsTest {
    @Test
    void normalQuantilesMatchScipy() {
        assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959963985, within(1e-8));
        assertThat(Distributions.normalQuantile(0.8)).isCloseTo(0.841621234, within(1e-8));
        assertThat(Distributions.normalQuantile(0.95)).isCloseTo(1.644853627, within(1e-8));
        assertThat(Distributions.normalQuantile(0.995)).isCloseTo(2.575829304, within(1e-8));
        assertThat(Distributions.normalQuantile(0.025)).isCloseTo(-1.959963985, within(1e-8));
    }

    @Test
    void studentQuantilesMatchScipy() {
        assertThat(Distributions.studentQuantile(0.975, 1)).isCloseTo(12.70620474, within(1e-6));
        assertThat(Distributions.studentQuantile(0.975, 3)).isCloseTo(3.182446305, within(1e-7));
        assertThat(Distributions.studentQuantile(0.975, 4)).isCloseTo(2.77644511, within(1e-7));
        assertThat(Distributions.studentQuantile(0.975, 9)).isCloseTo(2.26215716, within(1e-7));
        assertThat(Distributions.studentQuantile(0.975, 29)).isCloseTo(2.04522964, within(1e-7));
    }

    @Test
    void binomialHalfIsExactForSmallCountsAndDoesNotUnderflowForLargeOnes() {
        double[] nine = Distributions.binomialHalf(9, 2);
        assertThat(nine[0]).isCloseTo(46.0 / 512, within(1e-15));
        assertThat(nine[1]).isCloseTo(36.0 / 512, within(1e-15));
        double[] large = Distributions.binomialHalf(4000, 2000);
        assertThat(large[0]).isCloseTo(0.5 + large[1] / 2, within(1e-12));
        assertThat(large[1]).isCloseTo(0.012615, within(1e-6));
    }

    @Test
    void twoSidedNormalPMatchesScipy() {
        assertThat(Distributions.normalTwoSided(1.96)).isCloseTo(0.0499958, within(1e-6));
        assertThat(Distributions.normalTwoSided(-3)).isCloseTo(0.0026998, within(1e-6));
        assertThat(Distributions.normalTwoSided(0)).isEqualTo(1.0, within(1e-7));
    }
}
