package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RepeatAggregationTest {
    private static List<Trial> threeRunsEach() {
        return List.of(
                Trial.passed("a", 1), Trial.passed("a", 0.9), Trial.passed("a", 0.8),
                Trial.passed("b", 1), Trial.failed("b", 0.2), Trial.passed("b", 0.9),
                Trial.failed("c", 0), Trial.failed("c", 0.1), Trial.failed("c", 0.2),
                Trial.errored("d"), Trial.passed("d", 1), Trial.failed("d", 0.5),
                Trial.errored("e"), Trial.errored("e"), Trial.errored("e"));
    }

    @Test
    void itemsGetPassFractionPassKAndAFlakyFlag() {
        RepeatAggregation aggregation = RepeatAggregation.of(threeRunsEach());
        assertThat(aggregation.repeats()).isEqualTo(3);
        assertThat(aggregation.items()).extracting(ItemOutcome::key).containsExactly("a", "b", "c", "d");
        ItemOutcome a = aggregation.items().get(0);
        ItemOutcome b = aggregation.items().get(1);
        ItemOutcome c = aggregation.items().get(2);
        ItemOutcome d = aggregation.items().get(3);
        assertThat(a.allPassed()).isTrue();
        assertThat(a.flaky()).isFalse();
        assertThat(a.meanScore()).isCloseTo(0.9, within(1e-12));
        assertThat(b.passFraction()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(b.allPassed()).isFalse();
        assertThat(b.flaky()).isTrue();
        assertThat(c.flaky()).isFalse();
        assertThat(c.passFraction()).isZero();
        assertThat(d.runs()).isEqualTo(2);
        assertThat(d.errors()).isEqualTo(1);
        assertThat(d.flaky()).isTrue();
        assertThat(aggregation.flakyItems()).containsExactly("b", "d");
        assertThat(aggregation.erroredItems()).containsExactly("e");
        assertThat(b.explain()).isEqualTo("item b: 2 of 3 runs passed (flaky), mean score 0.700");
        assertThat(d.explain()).endsWith("1 errored run left out");
    }

    @Test
    void repeatsAreNeverPooledAsKTimesNSamples() {
        RunSummary summary = RunSummary.of(threeRunsEach());
        assertThat(summary.n()).isEqualTo(4);
        assertThat(summary.passRate().items()).isEqualTo(4);
        // mean of the per-item fractions (1 + 2/3 + 0 + 1/2)/4, not 6 of 11 runs
        assertThat(summary.passRate().rate()).isCloseTo((1 + 2 / 3.0 + 0 + 0.5) / 4, within(1e-12));
        assertThat(summary.allRunsPassRate().rate()).isCloseTo(0.25, within(1e-12));
        assertThat(summary.flakyItems()).containsExactly("b", "d");
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).startsWith("Small sample: the pass rate rests on 4 items"))
                .anySatisfy(w -> assertThat(w).startsWith("1 item errored in every run"));
        assertThat(summary.explain()).contains("pass^3", "2 flaky items");
    }

    @Test
    void repeatsOfStableItemsDoNotNarrowTheInterval() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 5; k++) {
                trials.add(i < 8 ? Trial.passed("q" + i, 1) : Trial.failed("q" + i, 0));
            }
        }
        assertThat(RunSummary.of(trials).passRate().ci95()).isEqualTo(PassRate.of(10, 8).ci95());
    }

    @Test
    void anItemBelongsToOneCluster() {
        List<Trial> trials = List.of(Trial.passed("a", 1).inCluster("x"), Trial.passed("a", 1).inCluster("y"));
        assertThatThrownBy(() -> RepeatAggregation.of(trials)).hasMessageContaining("belongs to one cluster");
    }

    @Test
    void aRunWithNothingButErrorsHasNothingToMeasure() {
        assertThatThrownBy(() -> RunSummary.of(List.of(Trial.errored("a"))))
                .hasMessageContaining("nothing to measure");
    }
}
