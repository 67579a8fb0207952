package dev.aiworkbench.eval.stats;

import java.util.List;

/**
 * The paired difference in mean score, candidate − baseline, over the same items: d_i = s_cand,i − s_base,i, with a
 * paired percentile bootstrap over items (the same resampled items for both runs), or mean ± t × clustered SE of the
 * d_i when items share clusters (see {@link Means}). Pairing removes the between-item variance the two runs share
 * (reference §5.1, point 4).
 */
public record ScoreDifference(int items, int clusters, double baselineMean, double candidateMean, double delta,
                              double standardError, Interval ci95, String method, int resamples, long seed) {

    /** @param clusters each item's cluster key, null for an item without one */
    public static ScoreDifference of(double[] baseline, double[] candidate, List<String> clusters, int resamples,
                                     long seed) {
        if (baseline.length != candidate.length || clusters.size() != baseline.length) {
            throw new IllegalArgumentException("baseline, candidate and cluster keys must cover the same items");
        }
        return of(baseline, candidate, Clusters.of(clusters), resamples, seed);
    }

    static ScoreDifference of(double[] baseline, double[] candidate, Clusters groups, int resamples, long seed) {
        double[] d = new double[baseline.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = candidate[i] - baseline[i];
        }
        Means.Estimate e = Means.of(d, groups, resamples, seed, -1, 1);
        String method = groups.clustered ? e.method() : "paired " + e.method();
        return new ScoreDifference(d.length, e.clusters(), StandardErrors.mean(baseline),
                StandardErrors.mean(candidate), e.mean(), e.standardError(), e.ci95(), method, resamples, seed);
    }

    /** e.g. "mean score 0.812 → 0.790, change -0.022, 95% interval -0.051 to +0.006 (paired percentile bootstrap …)". */
    public String explain() {
        return "mean score " + Fmt.score(baselineMean) + " → " + Fmt.score(candidateMean) + ", change "
                + Fmt.signedScore(delta) + ", 95% interval " + Fmt.signedScore(ci95.low()) + " to "
                + Fmt.signedScore(ci95.high()) + " (" + method + "); standard error " + Fmt.score(standardError);
    }
}
