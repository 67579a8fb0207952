package dev.aiworkbench.eval.stats;

import java.util.Locale;

/**
 * The one rule for intervals of means (mean score, mean score difference): without clusters a percentile bootstrap
 * over items ({@link Bootstrap}); with clusters mean ± t_{0.975, C−1} × clustered SE, the cluster-robust interval
 * with C − 1 degrees of freedom (Cameron &amp; Miller 2015) so that a handful of clusters is not read as a large sample.
 */
final class Means {
    private Means() {
    }

    record Estimate(double mean, double standardError, Interval ci95, String method, int clusters) {
    }

    static Estimate of(double[] values, Clusters clusters, int resamples, long seed, double min, double max) {
        double mean = StandardErrors.mean(values);
        if (clusters.clustered && clusters.count < 2) {
            return new Estimate(mean, StandardErrors.plain(values), new Interval(min, max),
                    "every item is in one cluster, so no interval can be estimated: the whole range is shown", 1);
        }
        if (clusters.clustered) {
            int df = clusters.count - 1;
            double se = StandardErrors.clustered(values, clusters);
            double t = Distributions.studentQuantile(0.975, df);
            Interval ci = new Interval(mean - t * se, mean + t * se).clip(min, max);
            String method = String.format(Locale.ROOT, "mean ± %.3f × clustered standard error, t with %d df", t, df);
            return new Estimate(mean, se, ci, method, clusters.count);
        }
        Interval ci = Bootstrap.percentileOfMean(values, 0.95, resamples, seed).clip(min, max);
        String method = "percentile bootstrap over items, " + Fmt.integerGrouped(resamples) + " resamples, seed " + seed;
        return new Estimate(mean, StandardErrors.plain(values), ci, method, 0);
    }
}
