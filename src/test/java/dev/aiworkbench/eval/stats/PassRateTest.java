package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Wilson intervals. Reference values: issue 4 and the reference §5.2 (17/20 → 64.0–94.8%, 850/1000 → 82.7–87.1%,
 * 5/5 → 56.6–100%), and scipy 1.17 {@code binomtest(k, n).proportion_ci(method="wilson")}.
 */
class PassRateTest {
    @Test
    void seventeenOfTwentyIsSixtyFourToNinetyFiveByWilson() {
        PassRate rate = PassRate.of(20, 17);
        assertThat(rate.rate()).isEqualTo(0.85);
        assertThat(rate.ci95().low()).isCloseTo(0.6395811353, within(1e-9));
        assertThat(rate.ci95().high()).isCloseTo(0.9476312541, within(1e-9));
        assertThat(rate.explain()).isEqualTo("17 of 20 passed: 85.0%, 95% interval 64.0% to 94.8% (Wilson)");
    }

    @Test
    void noneAndAllPassingGiveOneSidedIntervalsThatAreNotZeroWidth() {
        Interval none = PassRate.of(10, 0).ci95();
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.2775327999, within(1e-9)); // z²/(n+z²) = 3.8415/13.8415
        Interval all = PassRate.of(10, 10).ci95();
        assertThat(all.low()).isCloseTo(0.7224672001, within(1e-9));
        assertThat(all.high()).isEqualTo(1.0);
    }

    @Test
    void theReferenceChecksHold() {
        assertThat(PassRate.of(5, 5).ci95().low()).isCloseTo(0.5655175352, within(1e-9));
        Interval large = PassRate.of(1000, 850).ci95();
        assertThat(large.low()).isCloseTo(0.8265313416, within(1e-9));
        assertThat(large.high()).isCloseTo(0.8707899275, within(1e-9));
    }

    @Test
    void fractionalPassesFromRepeatsUseWilsonOverItemsNotRuns() {
        double[] fractions = {1, 1, 1, 2 / 3.0, 1 / 3.0, 1, 0, 1, 1, 2 / 3.0};
        PassRate rate = PassRate.of(fractions, Collections.nCopies(10, null), 3);
        // Wilson with k = 7.667 and n = 10, the formula evaluated in Python
        assertThat(rate.items()).isEqualTo(10);
        assertThat(rate.passes()).isCloseTo(7.6666667, within(1e-6));
        assertThat(rate.ci95().low()).isCloseTo(0.4578711470, within(1e-9));
        assertThat(rate.ci95().high()).isCloseTo(0.9274446930, within(1e-9));
        assertThat(rate.method()).isEqualTo("Wilson over per-item pass fractions");
        assertThat(rate.explain()).contains("10 items, up to 3 runs each", "76.7%", "the unit is the item");
    }

    @Test
    void withoutFlakyItemsRepeatsGiveExactlyTheSingleRunInterval() {
        double[] stable = {1, 1, 1, 1, 1, 1, 1, 0, 0, 1};
        PassRate repeated = PassRate.of(stable, Collections.nCopies(10, null), 5);
        assertThat(repeated.ci95()).isEqualTo(PassRate.of(10, 8).ci95());
        assertThat(repeated.ci95().width()).isGreaterThan(PassRate.of(50, 40).ci95().width());
    }

    @Test
    void clustersShrinkTheEffectiveSampleSize() {
        // 16 items in 4 clusters of 4 that pass or fail together: deff = 5.333, n_eff = 3 (computed with numpy)
        double[] x = {1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0};
        List<String> clusters = Arrays.asList("a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d");
        PassRate rate = PassRate.of(x, clusters, 1);
        assertThat(rate.clusters()).isEqualTo(4);
        assertThat(rate.effectiveItems()).isCloseTo(3.0, within(1e-9));
        assertThat(rate.standardError()).isCloseTo(0.2886751346, within(1e-9));
        assertThat(rate.ci95().low()).isCloseTo(0.1253344719, within(1e-9));
        assertThat(rate.ci95().high()).isCloseTo(0.8746655281, within(1e-9));
        assertThat(rate.explain()).contains("the 16 items in 4 clusters count as 3.0 independent items");
        assertThat(rate.ci95().width()).isGreaterThan(PassRate.of(16, 8).ci95().width());
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> PassRate.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassRate.of(5, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
