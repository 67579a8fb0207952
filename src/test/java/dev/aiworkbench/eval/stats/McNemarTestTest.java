package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * McNemar's exact and mid-p. By hand for b=7, c=2: X ~ Binomial(9, ½), P[X ≤ 2] = (1 + 9 + 36)/512 = 46/512, exact
 * p = 2·46/512 = 0.1796875 (issue 4: 0.1797), P[X = 2] = 36/512, mid-p = 0.1796875 − 0.0703125 = 0.109375. The
 * others from scipy {@code binomtest(min(b, c), b + c, 0.5).pvalue} and {@code binom.pmf}.
 */
class McNemarTestTest {
    @Test
    void sevenAgainstTwo() {
        McNemarTest test = McNemarTest.of(7, 2);
        assertThat(test.pExact()).isCloseTo(0.1796875, within(1e-12));
        assertThat(test.pMid()).isCloseTo(0.109375, within(1e-12));
        assertThat(test.explain()).isEqualTo(
                "b=7, c=2: exact two-sided p=0.18 (Binomial(9, 0.5), tail doubled), mid-p=0.11");
    }

    @Test
    void otherTablesMatchScipy() {
        assertThat(McNemarTest.of(14, 2).pExact()).isCloseTo(0.004180908203125, within(1e-12));
        assertThat(McNemarTest.of(14, 2).pMid()).isCloseTo(0.002349853515625, within(1e-12));
        assertThat(McNemarTest.of(0, 10).pExact()).isCloseTo(0.001953125, within(1e-12));
        assertThat(McNemarTest.of(30, 12).pExact()).isCloseTo(0.007915897334896727, within(1e-12));
        assertThat(McNemarTest.of(30, 12).pMid()).isCloseTo(0.0054015726545912895, within(1e-12));
    }

    @Test
    void equalAndEmptyDiscordanceGiveOne() {
        assertThat(McNemarTest.of(5, 5).pExact()).isEqualTo(1.0);
        assertThat(McNemarTest.of(5, 5).pMid()).isCloseTo(1.0, within(1e-12));
        assertThat(McNemarTest.of(0, 0).pExact()).isEqualTo(1.0);
        assertThat(McNemarTest.of(0, 0).pMid()).isEqualTo(1.0);
        assertThat(McNemarTest.of(0, 0).explain()).contains("no discordant item");
    }
}
