package dev.aiworkbench.eval.stats;

import java.util.ArrayList;
import java.util.List;

/** Paired runs built from the cells of a 2×2 table, one run per item. */
final class Fixtures {
    private Fixtures() {
    }

    /** Baseline items: {@code both} pass in both runs, {@code b} pass only here, {@code c} fail only here, {@code neither}. */
    static List<ItemOutcome> baseline(int both, int b, int c, int neither) {
        return items(both, b, c, neither, true);
    }

    static List<ItemOutcome> candidate(int both, int b, int c, int neither) {
        return items(both, b, c, neither, false);
    }

    static PairedComparison compare(int both, int b, int c, int neither) {
        return PairedComparison.of(baseline(both, b, c, neither), candidate(both, b, c, neither), 0.05, 2_000, 7L);
    }

    private static List<ItemOutcome> items(int both, int b, int c, int neither, boolean baseline) {
        List<ItemOutcome> items = new ArrayList<>();
        int key = 0;
        for (int i = 0; i < both; i++) {
            items.add(single("i" + key++, true));
        }
        for (int i = 0; i < b; i++) {
            items.add(single("i" + key++, baseline));
        }
        for (int i = 0; i < c; i++) {
            items.add(single("i" + key++, !baseline));
        }
        for (int i = 0; i < neither; i++) {
            items.add(single("i" + key++, false));
        }
        return items;
    }

    static ItemOutcome single(String key, boolean pass) {
        return ItemOutcome.of(key, null, 1, pass ? 1 : 0, 0, pass ? 1.0 : 0.0);
    }
}
