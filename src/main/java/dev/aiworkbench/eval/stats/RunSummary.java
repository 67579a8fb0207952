package dev.aiworkbench.eval.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of one run: every trial aggregated per item, then the pass rate, the strict pass^K rate and the mean
 * score over items, each with its interval, plus the warnings a report must show.
 *
 * @param items          per-item outcomes (errored items excluded)
 * @param erroredItems   keys of items whose every trial errored
 * @param repeats        the most runs any item had
 * @param passRate       mean per-item pass fraction with its Wilson interval (the usual pass rate when K = 1)
 * @param allRunsPassRate share of items that passed every run (pass^K); equal to {@code passRate} when K = 1
 * @param meanScore      mean per-item score with its interval
 * @param flakyItems     keys of items whose runs disagreed
 * @param warnings       sentences to show: small sample, errored items
 */
public record RunSummary(List<ItemOutcome> items, List<String> erroredItems, int repeats, PassRate passRate,
                         PassRate allRunsPassRate, MeanScore meanScore, List<String> flakyItems,
                         List<String> warnings) {
    public RunSummary {
        items = List.copyOf(items);
        erroredItems = List.copyOf(erroredItems);
        flakyItems = List.copyOf(flakyItems);
        warnings = List.copyOf(warnings);
    }

    public static RunSummary of(List<Trial> trials) {
        return of(trials, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED);
    }

    /** @throws IllegalArgumentException when no item has a trial that did not error: there is nothing to measure */
    public static RunSummary of(List<Trial> trials, int resamples, long seed) {
        RepeatAggregation aggregation = RepeatAggregation.of(trials);
        List<ItemOutcome> items = aggregation.items();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no item has a result that is not an error ("
                    + aggregation.erroredItems().size() + " items errored): there is nothing to measure");
        }
        int n = items.size();
        double[] fractions = new double[n];
        double[] strict = new double[n];
        double[] scores = new double[n];
        List<String> clusters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ItemOutcome item = items.get(i);
            fractions[i] = item.passFraction();
            strict[i] = item.allPassed() ? 1 : 0;
            scores[i] = item.meanScore();
            clusters.add(item.cluster());
        }
        int repeats = aggregation.repeats();
        PassRate passRate = PassRate.of(fractions, clusters, repeats);
        PassRate allRuns = repeats > 1 ? PassRate.of(strict, clusters, 1) : passRate;
        MeanScore meanScore = MeanScore.of(scores, clusters, resamples, seed);
        List<String> warnings = new ArrayList<>();
        SmallSample.check(passRate).ifPresent(warnings::add);
        if (!aggregation.erroredItems().isEmpty()) {
            warnings.add(aggregation.erroredItems().size() + " item" + (aggregation.erroredItems().size() == 1 ? "" : "s")
                    + " errored in every run and " + (aggregation.erroredItems().size() == 1 ? "is" : "are")
                    + " left out of n: an error is neither a pass nor a fail.");
        }
        return new RunSummary(items, aggregation.erroredItems(), repeats, passRate, allRuns, meanScore,
                aggregation.flakyItems(), warnings);
    }

    public int n() {
        return items.size();
    }

    /** The figures in a few sentences, for a report or a tooltip. */
    public String explain() {
        StringBuilder text = new StringBuilder("Pass rate: ").append(passRate.explain()).append(".");
        if (repeats > 1) {
            text.append(" Passed every run (pass^").append(repeats).append("): ")
                    .append(Fmt.pct(allRunsPassRate.rate())).append(", 95% interval ")
                    .append(Fmt.pct(allRunsPassRate.ci95().low())).append(" to ")
                    .append(Fmt.pct(allRunsPassRate.ci95().high())).append("; ").append(flakyItems.size())
                    .append(" flaky item").append(flakyItems.size() == 1 ? "" : "s").append(".");
        }
        text.append(" Score: ").append(meanScore.explain()).append(".");
        warnings.forEach(w -> text.append(' ').append(w));
        return text.toString();
    }
}
