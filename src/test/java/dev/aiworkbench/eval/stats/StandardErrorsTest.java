package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Plain and cluster-robust SEs (Miller 2024, Appendix A; Inspect's C/(C−1)); values computed with numpy. */
class StandardErrorsTest {
    private static final double[] SCORES = {.9, .8, .85, .95, .5, .6, .55, .45, .7, .75, .8, .65, .3, .4, .35, .45};
    private static final List<String> FOUR_CLUSTERS =
            Arrays.asList("a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d");

    @Test
    void plainIsTheSampleStandardDeviationOverRootN() {
        assertThat(StandardErrors.plain(SCORES)).isCloseTo(0.0512347538, within(1e-9));
    }

    @Test
    void clusteredEqualsPlainWhenEveryItemIsItsOwnCluster() {
        List<String> alone = Arrays.stream(SCORES).mapToObj(s -> (String) null).toList();
        List<String> unique = java.util.stream.IntStream.range(0, SCORES.length).mapToObj(i -> "k" + i).toList();
        assertThat(StandardErrors.clustered(SCORES, unique)).isCloseTo(StandardErrors.plain(SCORES), within(1e-15));
        assertThat(StandardErrors.clustered(SCORES, alone)).isCloseTo(StandardErrors.plain(SCORES), within(1e-15));
    }

    @Test
    void clusteredIsLargerWhenAClustersItemsMoveTogether() {
        double clustered = StandardErrors.clustered(SCORES, FOUR_CLUSTERS);
        assertThat(clustered).isCloseTo(0.1099242163, within(1e-9));
        assertThat(clustered / StandardErrors.plain(SCORES)).isGreaterThan(2);
    }

    @Test
    void oneClusterHasNoClusteredStandardError() {
        assertThatThrownBy(() -> StandardErrors.clustered(new double[] {1, 0}, List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
