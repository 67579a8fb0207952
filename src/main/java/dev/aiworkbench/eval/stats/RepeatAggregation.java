package dev.aiworkbench.eval.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trials aggregated per item first (reference §5.2, "Repeat runs"): K repeats of n items are n observations, never
 * K·n, since pooling them makes a handful of items look like a large sample (dotnet/skills PR #1027: p = 1/4096
 * pooled, 1/16 correct). Each item gets its pass fraction, pass^K (all runs passed) and a flaky flag.
 *
 * @param items        items with at least one run that did not error, in first-seen order
 * @param erroredItems keys of items whose every trial errored, left out of all figures
 * @param repeats      the most runs (errored ones included) any item had
 */
public record RepeatAggregation(List<ItemOutcome> items, List<String> erroredItems, int repeats) {
    public RepeatAggregation {
        items = List.copyOf(items);
        erroredItems = List.copyOf(erroredItems);
    }

    public static RepeatAggregation of(List<Trial> trials) {
        Map<String, List<Trial>> byItem = new LinkedHashMap<>();
        for (Trial trial : trials) {
            byItem.computeIfAbsent(trial.itemKey(), k -> new ArrayList<>()).add(trial);
        }
        List<ItemOutcome> items = new ArrayList<>();
        List<String> errored = new ArrayList<>();
        int repeats = 0;
        for (Map.Entry<String, List<Trial>> entry : byItem.entrySet()) {
            String key = entry.getKey();
            List<Trial> runs = entry.getValue();
            repeats = Math.max(repeats, runs.size());
            String cluster = runs.get(0).cluster();
            int valid = 0;
            int passes = 0;
            int errors = 0;
            double scores = 0;
            for (Trial trial : runs) {
                if (!Objects.equals(trial.cluster(), cluster)) {
                    throw new IllegalArgumentException("item " + key + " is in cluster " + cluster + " and in "
                            + trial.cluster() + ": an item belongs to one cluster");
                }
                if (trial.error()) {
                    errors++;
                    continue;
                }
                valid++;
                passes += trial.pass() ? 1 : 0;
                scores += trial.score();
            }
            if (valid == 0) {
                errored.add(key);
            } else {
                items.add(ItemOutcome.of(key, cluster, valid, passes, errors, scores / valid));
            }
        }
        return new RepeatAggregation(items, errored, repeats);
    }

    public List<String> flakyItems() {
        return items.stream().filter(ItemOutcome::flaky).map(ItemOutcome::key).toList();
    }
}
