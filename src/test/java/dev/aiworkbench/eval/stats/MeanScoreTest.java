package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeanScoreTest {
    private static double[] scores(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return random.doubles(n).map(u -> Math.min(1, 0.3 + 0.6 * u * u)).toArray();
    }

    @Test
    void theBootstrapIsReproducibleWithTheSameSeedAndVariesWithAnother() {
        double[] values = scores(60, 3);
        MeanScore first = MeanScore.of(values, Collections.nCopies(60, null), 10_000, 42);
        MeanScore again = MeanScore.of(values, Collections.nCopies(60, null), 10_000, 42);
        MeanScore other = MeanScore.of(values, Collections.nCopies(60, null), 10_000, 43);
        assertThat(again).isEqualTo(first);
        assertThat(other.ci95()).isNotEqualTo(first.ci95());
        assertThat(first.resamples()).isEqualTo(10_000);
        assertThat(first.seed()).isEqualTo(42);
    }

    @Test
    void theBootstrapIntervalAgreesWithTheNormalIntervalForAModerateSample() {
        double[] values = scores(400, 11);
        MeanScore score = MeanScore.of(values);
        double mean = Arrays.stream(values).average().orElseThrow();
        assertThat(score.mean()).isCloseTo(mean, within(1e-12));
        assertThat(score.standardError()).isCloseTo(StandardErrors.plain(values), within(1e-15));
        assertThat(score.ci95().low()).isCloseTo(mean - 1.96 * score.standardError(), within(0.004));
        assertThat(score.ci95().high()).isCloseTo(mean + 1.96 * score.standardError(), within(0.004));
        assertThat(score.explain()).startsWith("mean score " + String.format(java.util.Locale.ROOT, "%.3f", mean)
                + " over 400 items, 95% interval ").contains("percentile bootstrap over items, 10,000 resamples, seed 20241119");
    }

    @Test
    void clustersUseTheClusteredStandardErrorWithTOnClustersMinusOneDegrees() {
        double[] values = {.9, .8, .85, .95, .5, .6, .55, .45, .7, .75, .8, .65, .3, .4, .35, .45};
        var clusters = Arrays.asList("a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d");
        MeanScore score = MeanScore.of(values, clusters, 10_000, 1);
        // numpy: mean 0.625, clustered SE 0.10992, t(0.975, 3) = 3.18245 → 0.27517 to 0.97483
        assertThat(score.clusters()).isEqualTo(4);
        assertThat(score.ci95().low()).isCloseTo(0.2751720839, within(1e-8));
        assertThat(score.ci95().high()).isCloseTo(0.9748279161, within(1e-8));
        assertThat(score.explain()).contains("16 items in 4 clusters", "t with 3 df", "clustered standard error 0.110");
    }
}
