package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Connor's approximation solved for the drop. Reference values: scipy {@code brentq} on
 * √n·δ − z_{1−α/2}√ψ − z_{0.8}√(ψ − δ²), and the reference §5.2 (6–9 points at n = 100, ψ = 5–10%; about 980
 * and 1,960 items for a 2-point drop).
 */
class MinimumDetectableDropTest {
    private static MinimumDetectableDrop mde(int n, int discordant) {
        return MinimumDetectableDrop.of(n, n, discordant, 0.05, 0.8);
    }

    @Test
    void theReferenceFigures() {
        assertThat(mde(100, 5).drop()).isCloseTo(0.0619096657, within(1e-8));
        assertThat(mde(100, 10).drop()).isCloseTo(0.0875534889, within(1e-8));
        assertThat(mde(500, 25).drop()).isCloseTo(0.0279498464, within(1e-8));
        assertThat(mde(100, 9).drop()).isCloseTo(0.0830605326, within(1e-8));
        assertThat(mde(100, 9).atAlpha(0.1).drop()).isCloseTo(0.0738179670, within(1e-8));
        assertThat(mde(100, 5).itemsNeeded(0.02)).isEqualTo(979);
        assertThat(mde(100, 10).itemsNeeded(0.02)).isEqualTo(1960);
    }

    @Test
    void itShrinksAsTheSuiteGrows() {
        double previous = 1;
        for (int n : new int[] {20, 50, 100, 200, 500, 1000, 5000}) {
            double drop = mde(n, n / 10).drop();
            assertThat(drop).isLessThan(previous);
            previous = drop;
        }
    }

    @Test
    void noDiscordanceAssumesTheRuleOfThree() {
        MinimumDetectableDrop none = mde(100, 0);
        assertThat(none.discordanceAssumed()).isTrue();
        assertThat(none.discordance()).isCloseTo(0.03, within(1e-12));
        assertThat(none.drop()).isCloseTo(0.0479550209, within(1e-8));
        assertThat(none.explain()).contains("no item changed its verdict", "rule of three", "4.8 points");
    }

    @Test
    void aTinySuiteCannotDetectAnything() {
        MinimumDetectableDrop tiny = mde(3, 1);
        assertThat(tiny.anyDropDetectable()).isFalse();
        assertThat(tiny.explain()).contains("no drop can be detected");
    }

    @Test
    void clusteringRaisesIt() {
        assertThat(MinimumDetectableDrop.of(100, 40, 9, 0.05, 0.8).drop()).isGreaterThan(mde(100, 9).drop());
        assertThat(MinimumDetectableDrop.of(100, 50, 5, 0.05, 0.8).itemsNeeded(0.02)).isEqualTo(1958);
    }
}
