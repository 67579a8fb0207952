package dev.aiworkbench.eval.stats;

import java.util.List;

/**
 * Standard errors of a mean over items (reference §5.1, Miller 2024, "Adding Error Bars to Evals").
 * <ul>
 *   <li>plain: SE = √( Σ(s_i − s̄)² / (n(n−1)) ), the CLT standard error with Bessel's correction;</li>
 *   <li>clustered: SE² = C/(C−1) · (1/n²) · Σ_c (Σ_{i∈c} (s_i − s̄))², the cluster-robust variance of the paper's
 *       Appendix A with Inspect's finite-cluster factor C/(C−1). With every item in its own cluster (C = n) this is
 *       exactly the plain SE; when items of a cluster move together the cross terms make it larger.</li>
 * </ul>
 */
public final class StandardErrors {
    private StandardErrors() {
    }

    public static double mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The plain standard error of the mean; 0 for a single value (no spread can be measured from one item). */
    public static double plain(double[] values) {
        int n = values.length;
        if (n < 2) {
            mean(values);
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / ((double) n * (n - 1)));
    }

    /**
     * The cluster-robust standard error of the mean. {@code clusters} holds each item's cluster key (null: the item
     * is a cluster of its own). Needs at least two clusters.
     */
    public static double clustered(double[] values, List<String> clusters) {
        if (clusters.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values but " + clusters.size() + " cluster keys");
        }
        return clustered(values, Clusters.of(clusters));
    }

    static double clustered(double[] values, Clusters clusters) {
        return Math.sqrt(clusteredCovariance(values, values, clusters));
    }

    /** The cluster-robust covariance of two means over the same items (their variance when x = y). */
    static double clusteredCovariance(double[] x, double[] y, Clusters clusters) {
        int c = clusters.count;
        if (c < 2) {
            throw new IllegalArgumentException("a clustered standard error needs at least two clusters, not " + c);
        }
        double n = x.length;
        return (double) c / (c - 1) * clusters.crossSum(x, y) / (n * n);
    }
}
