package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The gate's two readings of "a drop of more than N%": maxDrop in percentage points, maxRelativeDrop as a share of the
 * baseline's pass rate. The same paired runs decide differently when the scales differ, and every reason names the
 * limit in points and, for the relative form, where those points came from. p-values from scipy {@code binomtest}:
 * b=6, c=0 → 0.031; b=9, c=0 → 0.0039.
 */
class RelativeGateTest {

    @ParameterizedTest(name = "{0} {1} {2}: {3}/{4}/{5}/{6} → {7}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # 2.0 points fell from 85.3%: at the 2-point limit, over the 1.7-point relative one
            POINTS   | 0.02 | significant-drop | 250 | 6 | 0 |  44 | PASS  | not more than the 2.0-point limit
            RELATIVE | 0.02 | significant-drop | 250 | 6 | 0 |  44 | BLOCK | more than the 1.7-point limit (2% of the baseline's 85.3%), and b=6, c=0
            # 3.0 points fell from 80.0%: over a 2-point limit, under 5% of the baseline (4.0 points)
            POINTS   | 0.02 | significant-drop | 231 | 9 | 0 |  60 | BLOCK | more than the 2.0-point limit, and b=9, c=0
            RELATIVE | 0.05 | significant-drop | 231 | 9 | 0 |  60 | PASS  | not more than the 4.0-point limit (5% of the baseline's 80.0%)
            # a low baseline makes a relative limit tiny: 2% of 8.7% is 0.2 points
            RELATIVE | 0.02 | significant-drop |  20 | 6 | 0 | 274 | BLOCK | more than the 0.2-point limit (2% of the baseline's 8.7%)
            # non-inferiority takes its margin from the same limit
            RELATIVE | 0.04 | non-inferiority  | 850 | 5 | 6 | 139 | PASS  | lies above -3.4 points: the candidate is shown to be at most 3.4 points worse than the baseline (4% of the baseline's 85.5%)
            RELATIVE | 0.02 | non-inferiority  |  40 | 1 | 1 |   8 | BLOCK | reaches down to -1.6 points or below: it is not shown that the candidate is at most 1.6 points worse than the baseline (2% of the baseline's 82.0%)
            POINTS   | 0.02 | non-inferiority  |  40 | 1 | 1 |   8 | BLOCK | reaches down to -2.0 points or below: it is not shown that the candidate is at most 2.0 points worse than the baseline;
            """)
    void eachScaleDecidesAgainstItsOwnLimit(DropScale scale, double maxDrop, String mode, int both, int b, int c,
                                            int neither, GateDecision.Decision expected, String reason) {
        GateSpec spec = new GateSpec("run-1", maxDrop, scale, 0.05, GateMode.fromConfig(mode));
        GateDecision decision = Gate.decide(spec, Fixtures.compare(both, b, c, neither));
        assertThat(decision.decision()).isEqualTo(expected);
        assertThat(decision.reason()).contains(reason);
    }

    @ParameterizedTest(name = "{0} {1} of a baseline at {2} → {3} points")
    @CsvSource({
            "POINTS,   0.02, 0.80, 0.02",
            "POINTS,   0.02, 0.10, 0.02",
            "RELATIVE, 0.02, 0.80, 0.016",
            "RELATIVE, 0.02, 1.00, 0.02",
            "RELATIVE, 0.10, 0.50, 0.05",
            "RELATIVE, 0.02, 0.00, 0.0"})
    void theLimitInPoints(DropScale scale, double maxDrop, double baselinePassRate, double points) {
        GateSpec spec = new GateSpec("last-passed", maxDrop, scale, 0.05, GateMode.SIGNIFICANT_DROP);
        assertThat(spec.dropLimit(baselinePassRate)).isCloseTo(points, within(1e-12));
    }

    @Test
    void theRuleSaysWhichScaleItUses() {
        assertThat(new GateSpec("x", 0.02, DropScale.RELATIVE, 0.05, GateMode.SIGNIFICANT_DROP).rule())
                .isEqualTo("block when the pass rate falls more than 2% of the baseline's pass rate and the fall is"
                        + " significant at alpha 0.05");
        assertThat(new GateSpec("x", 0.05, DropScale.RELATIVE, 0.05, GateMode.NON_INFERIORITY).rule())
                .isEqualTo("pass only when the 95% interval for the change in pass rate lies above -5% of the"
                        + " baseline's pass rate");
        assertThat(new GateSpec("x", 0.02, 0.05, GateMode.SIGNIFICANT_DROP).scale()).isEqualTo(DropScale.POINTS);
        assertThat(new GateSpec("x", 0.02, null, 0.05, null)).isEqualTo(new GateSpec("x", 0.02, 0.05, GateMode.SIGNIFICANT_DROP));
        assertThatThrownBy(() -> new GateSpec("x", 1.5, DropScale.RELATIVE, 0.05, null))
                .hasMessageContaining("maxRelativeDrop").hasMessageContaining("2% of the baseline's pass rate");
    }
}
