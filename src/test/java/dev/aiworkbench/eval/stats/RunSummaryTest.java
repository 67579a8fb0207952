package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTest {
    private static List<Trial> run(int n, int passes) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            trials.add(i < passes ? Trial.passed("q" + i, 0.9) : Trial.failed("q" + i, 0.3));
        }
        return trials;
    }

    @Test
    void aSmallSuiteCarriesTheSmallSampleSentence() {
        RunSummary summary = RunSummary.of(run(20, 17));
        assertThat(summary.passRate().explain()).isEqualTo("17 of 20 passed: 85.0%, 95% interval 64.0% to 94.8% (Wilson)");
        assertThat(summary.warnings()).containsExactly("Small sample: the pass rate rests on 20 items and its 95%"
                + " interval is 30.8 points wide (64.0% to 94.8%); read it as rough and do not take differences smaller"
                + " than that as real. An interval means little below 30 independent items or when wider than 20 points.");
        assertThat(summary.allRunsPassRate()).isEqualTo(summary.passRate());
    }

    @Test
    void aLargeSuiteWithANarrowIntervalHasNoWarning() {
        RunSummary summary = RunSummary.of(run(400, 340));
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.meanScore().mean()).isEqualTo(0.9 * 340 / 400 + 0.3 * 60 / 400, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void thirtyItemsWithAWideIntervalStillWarn() {
        RunSummary summary = RunSummary.of(run(40, 20));
        assertThat(summary.passRate().ci95().width()).isGreaterThan(0.2);
        assertThat(summary.warnings()).hasSize(1);
    }

    @Test
    void theSameTrialsAndSeedGiveTheSameSummary() {
        assertThat(RunSummary.of(run(50, 41), 10_000, 5)).isEqualTo(RunSummary.of(run(50, 41), 10_000, 5));
    }
}
