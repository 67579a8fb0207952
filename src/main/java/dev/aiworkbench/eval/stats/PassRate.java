package dev.aiworkbench.eval.stats;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A pass rate over items with its Wilson 95% interval.
 * <p>
 * <b>Repeats.</b> With K runs per item the unit is still the item (reference §5.2: "average the K repeats of each
 * item first"): the rate is the mean of the per-item pass fractions and n is the number of items, never K·n. Its
 * interval is Wilson's with the fractional count Σ fractions. The reference gives a bootstrap for means of continuous
 * per-item values, and Wilson for pass rates; it does not settle per-item pass fractions, so the choice is Wilson, for
 * three reasons: (1) a value in [0, 1] with mean p has variance at most p(1−p), so Wilson's variance is an upper
 * bound and the interval is conservative, never too narrow; (2) a percentile bootstrap collapses to a zero-width
 * interval when every item has the same fraction (all 100%), and like the CLT it is too narrow below a few hundred
 * items (Bowyer et al. 2025, quoted in §5.1); (3) when no item is flaky the fractions are 0 or 1 and the interval is
 * exactly the ordinary Wilson interval of k passing items out of n. The mean score keeps the bootstrap.
 * <p>
 * <b>Clusters.</b> When items share clusters the interval is Wilson's at the effective sample size
 * n_eff = n / deff, deff = SE²_clustered / (p(1−p)/n), never above n (a design-effect adjustment in the manner of
 * Korn &amp; Graubard 1998). With every item passing, or every item failing, there is no variation from which to
 * measure clustering, and n_eff = n.
 *
 * @param items          n, the items behind the rate
 * @param passes         Σ per-item pass fractions (the number of passing items when each ran once)
 * @param repeats        the most runs any item had (1 for a single run)
 * @param clusters       clusters behind the interval; 0 when the data are not clustered
 * @param standardError  plain SE √(Σ(x−x̄)²/(n(n−1))), or the clustered SE
 * @param effectiveItems the n given to Wilson: n, or n / deff with clusters
 */
public record PassRate(int items, double passes, int repeats, int clusters, double rate, double standardError,
                       double effectiveItems, Interval ci95, String method) {

    /** {@code passes} of {@code items} passed, each item run once, no clusters. */
    public static PassRate of(int items, int passes) {
        if (items < 1 || passes < 0 || passes > items) {
            throw new IllegalArgumentException("need 0 ≤ passes ≤ items and items ≥ 1, not " + passes + " of " + items);
        }
        double[] fractions = new double[items];
        java.util.Arrays.fill(fractions, 0, passes, 1.0);
        return of(fractions, Collections.nCopies(items, null), 1);
    }

    /**
     * @param passFractions each item's pass fraction over its runs
     * @param clusters      each item's cluster key, null for an item without one
     * @param repeats       the most runs any item had
     */
    public static PassRate of(double[] passFractions, List<String> clusters, int repeats) {
        int n = passFractions.length;
        if (n == 0 || clusters.size() != n) {
            throw new IllegalArgumentException("need at least one item and one cluster key per item");
        }
        double passes = 0;
        boolean fractional = false;
        for (double f : passFractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("pass fractions must lie in [0, 1], not " + f);
            }
            passes += f;
            fractional |= f != 0 && f != 1;
        }
        Clusters groups = Clusters.of(clusters);
        double rate = passes / n;
        double nEff = effectiveItems(passFractions, groups);
        String method;
        double se;
        if (groups.clustered && groups.count >= 2) {
            se = StandardErrors.clustered(passFractions, groups);
            method = "Wilson at the clustered effective sample size";
        } else if (groups.clustered) {
            se = StandardErrors.plain(passFractions);
            method = "Wilson with every item in one cluster, counted as a single item";
        } else {
            se = StandardErrors.plain(passFractions);
            method = fractional ? "Wilson over per-item pass fractions" : "Wilson";
        }
        return new PassRate(n, passes, Math.max(1, repeats), groups.clustered ? groups.count : 0, rate, se, nEff,
                Wilson.interval95(rate * nEff, nEff), method);
    }

    /** n, or n / deff when clustered (see the class comment). */
    static double effectiveItems(double[] values, Clusters groups) {
        int n = values.length;
        if (!groups.clustered) {
            return n;
        }
        if (groups.count < 2) {
            return 1;
        }
        double rate = StandardErrors.mean(values);
        double bound = rate * (1 - rate) / n;
        if (bound <= 0) {
            return n;
        }
        double clusteredVariance = StandardErrors.clusteredCovariance(values, values, groups);
        double designEffect = clusteredVariance / bound;
        return designEffect > 1 ? n / designEffect : n;
    }

    /** e.g. "17 of 20 passed: 85.0%, 95% interval 64.0% to 94.8% (Wilson)". */
    public String explain() {
        String interval = "95% interval " + Fmt.pct(ci95.low()) + " to " + Fmt.pct(ci95.high());
        String text;
        if (repeats > 1) {
            text = items + " items, up to " + repeats + " runs each: mean pass fraction " + Fmt.pct(rate) + " ("
                    + Fmt.count(passes) + " of " + items + "), " + interval + " (" + method + "; the unit is the item,"
                    + " the runs are not independent samples)";
        } else {
            text = Fmt.count(passes) + " of " + items + " passed: " + Fmt.pct(rate) + ", " + interval + " (" + method + ")";
        }
        if (clusters > 0 && effectiveItems < items) {
            text += String.format(Locale.ROOT, "; the %d items in %d clusters count as %.1f independent items",
                    items, clusters, effectiveItems);
        } else if (clusters > 0) {
            text += "; the " + items + " items are in " + clusters + " clusters, which the data show no sign of"
                    + " making less independent (design effect at most 1)";
        }
        return text;
    }
}
