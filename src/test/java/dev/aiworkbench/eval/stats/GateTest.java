package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import static dev.aiworkbench.eval.stats.GateDecision.Decision.BLOCK;
import static dev.aiworkbench.eval.stats.GateDecision.Decision.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gate decisions. p-values from scipy {@code binomtest}: b=10, c=2 → 0.0386; b=9, c=2 → 0.0654; b=6, c=0 → 0.03125;
 * b=30, c=5 → 1.5e-5. Non-inferiority intervals from the Newcombe evaluation described in {@link PairedRatesTest}.
 */
class GateTest {
    private static final GateSpec DEFAULT = GateSpec.defaults();
    private static final GateSpec NON_INFERIORITY = new GateSpec("run-41", 0.02, 0.05, GateMode.NON_INFERIORITY);

    @Test
    void clearPass() {
        GateDecision decision = Gate.decide(DEFAULT, Fixtures.compare(160, 3, 4, 33));
        assertThat(decision.decision()).isEqualTo(PASS);
        assertThat(decision.mode()).isEqualTo(GateMode.SIGNIFICANT_DROP);
        assertThat(decision.reason()).isEqualTo("the pass rate rose 0.5 points (81.5% → 82.0%; b=3, c=4): no drop to block");
    }

    @Test
    void clearBlock() {
        GateDecision decision = Gate.decide(DEFAULT, Fixtures.compare(140, 30, 5, 25));
        assertThat(decision.decision()).isEqualTo(BLOCK);
        assertThat(decision.passed()).isFalse();
        assertThat(decision.reason()).isEqualTo("the pass rate fell 12.5 points (85.0% → 72.5%), more than the"
                + " 2.0-point limit, and b=30, c=5, exact p<0.0001 is below alpha 0.05: a significant drop");
    }

    @Test
    void aLargeDropThatIsNotSignificantPassesAndSaysWhatTheSuiteCouldDetect() {
        GateDecision decision = Gate.decide(DEFAULT, Fixtures.compare(80, 7, 2, 11));
        assertThat(decision.decision()).isEqualTo(PASS);
        assertThat(decision.reason()).isEqualTo("b=7, c=2, exact p=0.18: not significant at alpha 0.05, so the"
                + " 5.0-point drop (87.0% → 82.0%) may be noise; the smallest drop this suite can detect is 8.3 points");
        assertThat(decision.warnings()).containsExactly("Underpowered: the smallest drop this suite can detect is 8.3"
                + " points (80% power, alpha 0.05), so a drop of 2.0 points would usually go unnoticed; about 1,764"
                + " items would be needed at this discordance.");
    }

    @Test
    void borderlineOnSignificance() {
        assertThat(Gate.decide(DEFAULT, Fixtures.compare(80, 10, 2, 8)).decision()).isEqualTo(BLOCK); // p = 0.0386
        assertThat(Gate.decide(DEFAULT, Fixtures.compare(80, 9, 2, 9)).decision()).isEqualTo(PASS);   // p = 0.0654
    }

    @Test
    void borderlineOnTheMargin() {
        // b=6, c=0: p = 0.031 < 0.05; a drop of exactly 6/300 = 2.0 points is not more than the limit
        GateDecision atLimit = Gate.decide(DEFAULT, Fixtures.compare(250, 6, 0, 44));
        assertThat(atLimit.decision()).isEqualTo(PASS);
        assertThat(atLimit.reason()).isEqualTo("the pass rate fell 2.0 points (85.3% → 83.3%; b=6, c=0), not more"
                + " than the 2.0-point limit");
        assertThat(Gate.decide(DEFAULT, Fixtures.compare(249, 6, 0, 44)).decision()).isEqualTo(BLOCK);
    }

    @Test
    void noDiscordantItemPassesAndStillReportsPower() {
        GateDecision decision = Gate.decide(DEFAULT, Fixtures.compare(85, 0, 0, 15));
        assertThat(decision.decision()).isEqualTo(PASS);
        assertThat(decision.reason()).isEqualTo("b=0, c=0: no item changed its verdict, so the pass rate is unchanged"
                + " at 85.0% and there is no drop to block; the smallest drop this suite can detect is 4.8 points");
    }

    @Test
    void nonInferiorityPassesWhenTheWholeIntervalIsAboveTheMargin() {
        GateDecision decision = Gate.decide(NON_INFERIORITY, Fixtures.compare(850, 5, 6, 139));
        assertThat(decision.decision()).isEqualTo(PASS);
        assertThat(decision.mode()).isEqualTo(GateMode.NON_INFERIORITY);
        assertThat(decision.reason()).isEqualTo("the 95% interval for the change in pass rate, -0.6 to +0.8 points"
                + " (Newcombe's method 10; 85.5% → 85.6%, b=5, c=6), lies above -2.0 points: the candidate is shown to"
                + " be at most 2.0 points worse than the baseline");
        assertThat(decision.warnings()).isEmpty();
    }

    @Test
    void nonInferiorityBlocksASmallSuiteEvenWhenNothingGotWorse() {
        GateDecision decision = Gate.decide(NON_INFERIORITY, Fixtures.compare(40, 1, 1, 8));
        assertThat(decision.decision()).isEqualTo(BLOCK);
        assertThat(decision.reason()).startsWith("the 95% interval for the change in pass rate, -8.0 to +8.0 points")
                .contains("reaches down to -2.0 points or below", "too small to show non-inferiority at this margin");
        assertThat(Gate.decide(DEFAULT, Fixtures.compare(40, 1, 1, 8)).decision()).isEqualTo(PASS);
    }

    @Test
    void noBaselinePassesWithAWarning() {
        GateDecision decision = Gate.withoutBaseline(DEFAULT, "no earlier run of this suite passed its gate");
        assertThat(decision.decision()).isEqualTo(PASS);
        assertThat(decision.reason()).startsWith("no baseline to compare with (no earlier run of this suite passed its"
                + " gate): there is nothing to gate against, so the gate passes");
        assertThat(decision.warnings()).containsExactly(
                "The gate compared nothing: no baseline run was available for 'last-passed'.");
        assertThat(Gate.withoutBaseline(NON_INFERIORITY, null).reason()).contains("baseline 'run-41' was not found");
    }

    @Test
    void smallSuitesAndUnmatchedItemsAreWarnedAbout() {
        GateDecision decision = Gate.decide(DEFAULT, Fixtures.compare(15, 2, 1, 2));
        assertThat(decision.warnings()).first().asString()
                .isEqualTo("Small sample: the comparison rests on 20 items; below 30 its interval and p-value mean little.");
        assertThat(decision.explain()).startsWith("Gate (significant-drop) passed: b=2, c=1, exact p=1: not significant");
    }

    @Test
    void theSpecHasTheIssuesDefaultsAndRefusesNonsense() {
        GateSpec spec = GateSpec.of(null, null, null, null);
        assertThat(spec).isEqualTo(new GateSpec("last-passed", 0.02, 0.05, GateMode.SIGNIFICANT_DROP));
        assertThat(spec.rule()).isEqualTo("block when the pass rate falls more than 2.0 points and the fall is"
                + " significant at alpha 0.05");
        assertThat(NON_INFERIORITY.rule()).isEqualTo("pass only when the 95% interval for the change in pass rate lies"
                + " above -2.0 points");
        assertThat(GateMode.fromConfig("non-inferiority")).isEqualTo(GateMode.NON_INFERIORITY);
        assertThatThrownBy(() -> GateMode.fromConfig("strict")).hasMessageContaining("significant-drop or non-inferiority");
        assertThatThrownBy(() -> new GateSpec("x", 2, 0.05, null)).hasMessageContaining("maxDrop");
        assertThatThrownBy(() -> new GateSpec("x", 0.02, 0, null)).hasMessageContaining("alpha");
    }
}
