package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Newcombe's method 10 for paired proportions. Reference values: Newcombe's formula evaluated in Python on scipy's
 * Wilson limits, with the corrected phi of {@code contingencytables::Newcombe_square_and_add_CI_paired_2x2}
 * (Fagerland, Lydersen &amp; Laake); they agree with that package's published examples (Bentur et al. 2009,
 * −0.507 to −0.026) and with the worked example of Altman et al., Statistics with Confidence (2000), Table 6.2
 * (0.011 to 0.226).
 */
class PairedRatesTest {
    @Test
    void benturAirwayExample() {
        // table [[1, 1], [7, 12]]: candidate = rows, baseline = columns → both 1, c = 1, b = 7, neither 12
        PairedComparison cmp = Fixtures.compare(1, 7, 1, 12);
        assertThat(cmp.delta()).isCloseTo(-6.0 / 21, within(1e-12));
        assertThat(cmp.deltaCi95().low()).isCloseTo(-0.5069202267, within(1e-8));
        assertThat(cmp.deltaCi95().high()).isCloseTo(-0.0255591242, within(1e-8));
    }

    @Test
    void altmanTableSixTwo() {
        PairedComparison cmp = Fixtures.compare(14, 0, 5, 22);
        assertThat(cmp.deltaCi95().low()).isCloseTo(0.0114832414, within(1e-8));
        assertThat(cmp.deltaCi95().high()).isCloseTo(0.2264926844, within(1e-8));
    }

    @Test
    void cavoExample() {
        PairedComparison cmp = Fixtures.compare(59, 16, 6, 80);
        assertThat(cmp.deltaCi95().low()).isCloseTo(-0.1186211956, within(1e-8));
        assertThat(cmp.deltaCi95().high()).isCloseTo(-0.0046251139, within(1e-8));
    }

    @Test
    void noDiscordanceStillGivesAnIntervalThatReflectsN() {
        assertThat(Fixtures.compare(17, 0, 0, 3).deltaCi95().high()).isCloseTo(0.1441433419, within(1e-8));
        assertThat(Fixtures.compare(20, 0, 0, 0).deltaCi95().low()).isCloseTo(-0.1611251581, within(1e-8));
    }
}
