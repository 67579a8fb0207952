package dev.aiworkbench.eval.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The mean score over items (each item's score averaged over its repeats first) with its standard error and a 95%
 * interval: a seeded percentile bootstrap over items, or mean ± t × clustered SE when items share clusters
 * (see {@link Means}).
 *
 * @param items          items behind the mean
 * @param clusters       clusters behind the interval; 0 when the data are not clustered
 * @param standardError  plain SE, or the clustered SE when clustered
 * @param method         how the interval was computed, in words
 * @param resamples      bootstrap resamples (recorded even when the clustered rule was used instead)
 * @param seed           bootstrap seed
 */
public record MeanScore(int items, int clusters, double mean, double standardError, Interval ci95, String method,
                        int resamples, long seed) {

    /** Unclustered scores with the default 10,000 resamples and seed. */
    public static MeanScore of(double[] scores) {
        return of(scores, Collections.nCopies(scores.length, null), Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED);
    }

    /** @param clusters each item's cluster key, null for an item without one */
    public static MeanScore of(double[] scores, List<String> clusters, int resamples, long seed) {
        if (clusters.size() != scores.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + clusters.size() + " cluster keys");
        }
        if (Arrays.stream(scores).anyMatch(s -> !(s >= 0 && s <= 1))) {
            throw new IllegalArgumentException("scores must lie in [0, 1]");
        }
        Means.Estimate e = Means.of(scores, Clusters.of(clusters), resamples, seed, 0, 1);
        return new MeanScore(scores.length, e.clusters(), e.mean(), e.standardError(), e.ci95(), e.method(), resamples,
                seed);
    }

    /** e.g. "mean score 0.723 over 20 items, 95% interval 0.651 to 0.790 (percentile bootstrap …); standard error 0.035". */
    public String explain() {
        String over = clusters > 0 ? items + " items in " + clusters + " clusters" : items + " items";
        return "mean score " + Fmt.score(mean) + " over " + over + ", 95% interval " + Fmt.score(ci95.low()) + " to "
                + Fmt.score(ci95.high()) + " (" + method + "); " + (clusters > 0 ? "clustered " : "")
                + "standard error " + Fmt.score(standardError);
    }
}
