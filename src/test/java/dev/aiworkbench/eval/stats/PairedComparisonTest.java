package dev.aiworkbench.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedComparisonTest {
    @Test
    void itemsAreMatchedByKeyAndUnmatchedOnesAreCounted() {
        List<ItemOutcome> baseline = new ArrayList<>(Fixtures.baseline(80, 7, 2, 11));
        List<ItemOutcome> candidate = new ArrayList<>(Fixtures.candidate(80, 7, 2, 11));
        java.util.Collections.reverse(candidate);
        baseline.add(Fixtures.single("only-baseline", true));
        candidate.add(Fixtures.single("only-candidate", false));
        candidate.add(Fixtures.single("another", false));
        PairedComparison cmp = PairedComparison.of(baseline, candidate, 0.05, 1_000, 1);
        assertThat(cmp.items()).isEqualTo(100);
        assertThat(cmp.onlyInBaseline()).isEqualTo(1);
        assertThat(cmp.onlyInCandidate()).isEqualTo(2);
        assertThat(cmp.mcnemar().b()).isEqualTo(7);
        assertThat(cmp.mcnemar().c()).isEqualTo(2);
        assertThat(cmp.delta()).isCloseTo(-0.05, within(1e-12));
        assertThat(cmp.baselinePassRate()).isCloseTo(0.87, within(1e-12));
        assertThat(cmp.pClustered()).isNull();
        assertThat(cmp.mde().drop()).isCloseTo(0.0830605326, within(1e-8));
        assertThat(cmp.explain()).contains("Paired over 100 items", "87.0% (baseline) → 82.0% (candidate)",
                "change -5.0 points", "b=7, c=2: exact two-sided p=0.18", "1 baseline and 2 candidate items");
    }

    @Test
    void thePairedScoreBootstrapIsReproducibleAndUsesTheSameItemsForBothRuns() {
        List<ItemOutcome> baseline = new ArrayList<>();
        List<ItemOutcome> candidate = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int i = 0; i < 80; i++) {
            double s = random.nextDouble(0.2, 0.9);
            baseline.add(ItemOutcome.of("k" + i, null, 1, 1, 0, s));
            candidate.add(ItemOutcome.of("k" + i, null, 1, 1, 0, s + 0.05));
        }
        ScoreDifference diff = PairedComparison.of(baseline, candidate, 0.05, 10_000, 3).scoreDelta();
        // every item gained exactly 0.05: pairing leaves no spread, so the interval is the point itself
        assertThat(diff.delta()).isCloseTo(0.05, within(1e-12));
        assertThat(diff.ci95().low()).isCloseTo(0.05, within(1e-9));
        assertThat(diff.ci95().high()).isCloseTo(0.05, within(1e-9));
        assertThat(PairedComparison.of(baseline, candidate, 0.05, 10_000, 3).scoreDelta()).isEqualTo(diff);
        assertThat(diff.explain()).contains("paired percentile bootstrap over items");
    }

    @Test
    void clustersGiveTheDurkalskiPValueAndWiderIntervals() {
        List<ItemOutcome> baseline = new ArrayList<>();
        List<ItemOutcome> candidate = new ArrayList<>();
        // 10 clusters of 6 items; in clusters 0-3 every item fell (b), in cluster 4 every item rose (c)
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 6; j++) {
                String key = k + "-" + j;
                boolean base = k < 4 || k >= 5 && j < 4;
                boolean cand = k == 4 || k >= 5 && j < 4;
                baseline.add(ItemOutcome.of(key, "c" + k, 1, base ? 1 : 0, 0, base ? 1 : 0));
                candidate.add(ItemOutcome.of(key, "c" + k, 1, cand ? 1 : 0, 0, cand ? 1 : 0));
            }
        }
        PairedComparison cmp = PairedComparison.of(baseline, candidate, 0.05, 1_000, 1);
        assertThat(cmp.clusters()).isEqualTo(10);
        assertThat(cmp.mcnemar().b()).isEqualTo(24);
        assertThat(cmp.mcnemar().c()).isEqualTo(6);
        // Σ_k (c_k − b_k) = 6 − 24 = −18, Σ_k (c_k − b_k)² = 4·36 + 36 = 180: z = −18/√180 = −1.342, p = 0.1797 (scipy norm.sf)
        assertThat(cmp.pClustered()).isCloseTo(0.179712, within(1e-5));
        assertThat(cmp.gateP()).isEqualTo(cmp.pClustered());
        assertThat(cmp.mcnemar().pExact()).isLessThan(0.01);
        PairedComparison unclustered = PairedComparison.of(strip(baseline), strip(candidate), 0.05, 1_000, 1);
        assertThat(cmp.deltaCi95().width()).isGreaterThan(unclustered.deltaCi95().width());
        assertThat(cmp.mde().drop()).isGreaterThan(unclustered.mde().drop());
    }

    private static List<ItemOutcome> strip(List<ItemOutcome> items) {
        return items.stream().map(i -> ItemOutcome.of(i.key(), null, i.runs(), i.passes(), 0, i.meanScore())).toList();
    }

    @Test
    void repeatedItemsCompareTheirPassFractions() {
        List<ItemOutcome> baseline = List.of(ItemOutcome.of("a", null, 3, 3, 0, 1), ItemOutcome.of("b", null, 3, 2, 0, .7),
                ItemOutcome.of("c", null, 3, 1, 0, .3));
        List<ItemOutcome> candidate = List.of(ItemOutcome.of("a", null, 3, 2, 0, .8), ItemOutcome.of("b", null, 3, 2, 0, .7),
                ItemOutcome.of("c", null, 3, 3, 0, 1));
        PairedComparison cmp = PairedComparison.of(baseline, candidate, 0.05, 1_000, 1);
        assertThat(cmp.passFractions()).isTrue();
        assertThat(cmp.mcnemar().b()).isEqualTo(1);
        assertThat(cmp.mcnemar().c()).isEqualTo(1);
        assertThat(cmp.delta()).isCloseTo((2 + 2 + 3 - 3 - 2 - 1) / 9.0, within(1e-12));
        assertThat(cmp.deltaMethod()).contains("per-item pass fractions");
    }

    @Test
    void runsWithNoItemInCommonCannotBeCompared() {
        assertThatThrownBy(() -> PairedComparison.of(List.of(Fixtures.single("a", true)),
                List.of(Fixtures.single("b", true)), 0.05, 100, 1)).hasMessageContaining("no item in common");
    }
}
