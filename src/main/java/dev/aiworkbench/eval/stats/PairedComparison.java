package dev.aiworkbench.eval.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A candidate run against its baseline on the same items, matched by item key (items in only one run are counted and
 * left out). Everything is per item: each item's pass fraction (its pass or fail when run once) and mean score.
 * <ul>
 *   <li>b, c: items whose verdict fell (baseline pass, candidate fail) or rose; with repeats, items whose pass
 *       fraction fell or rose. McNemar's exact test on them is then the sign test, which it is for K = 1.</li>
 *   <li>Δ = candidate − baseline pass rate ((c − b)/n when K = 1) with Newcombe's interval ({@link PairedRates}).</li>
 *   <li>With clusters (some cluster holds two items), {@code pClustered} is Durkalski et al.'s (Stat Med 2003)
 *       cluster-adjusted McNemar statistic, z = Σ_k (c_k − b_k) / √(Σ_k (c_k − b_k)²), two-sided normal p; the gate
 *       uses it instead of the exact p, which assumes independent items.</li>
 *   <li>The score difference with a paired bootstrap ({@link ScoreDifference}) and the minimum detectable drop
 *       ({@link MinimumDetectableDrop}).</li>
 * </ul>
 *
 * @param items          paired items (n)
 * @param clusters       clusters among them; 0 when the data are not clustered
 * @param onlyInBaseline baseline items with no candidate result, left out
 * @param onlyInCandidate candidate items with no baseline result, left out
 * @param passFractions  some item ran more than once and its verdict is a pass fraction
 * @param rates          the two pass rates and what the interval for their difference is built from
 * @param delta          candidate − baseline pass rate
 * @param deltaCi95      95% interval for delta
 * @param pClustered     the cluster-adjusted p, or null when not clustered
 * @param alpha          the alpha of the minimum detectable drop
 */
public record PairedComparison(int items, int clusters, int onlyInBaseline, int onlyInCandidate,
                               boolean passFractions, PairedRates rates, double delta, Interval deltaCi95,
                               String deltaMethod, McNemarTest mcnemar, Double pClustered, ScoreDifference scoreDelta,
                               MinimumDetectableDrop mde, double alpha) {

    public static PairedComparison of(RunSummary baseline, RunSummary candidate, double alpha, long seed) {
        return of(baseline.items(), candidate.items(), alpha, Bootstrap.DEFAULT_RESAMPLES, seed);
    }

    /** @throws IllegalArgumentException when the runs have no item in common */
    public static PairedComparison of(List<ItemOutcome> baseline, List<ItemOutcome> candidate, double alpha,
                                      int resamples, long seed) {
        Map<String, ItemOutcome> byKey = new HashMap<>();
        baseline.forEach(item -> byKey.put(item.key(), item));
        List<ItemOutcome[]> pairs = new ArrayList<>();
        for (ItemOutcome item : candidate) {
            ItemOutcome partner = byKey.get(item.key());
            if (partner != null) {
                pairs.add(new ItemOutcome[] {partner, item});
            }
        }
        int n = pairs.size();
        if (n == 0) {
            throw new IllegalArgumentException("the baseline and the candidate have no item in common");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<String> keys = new ArrayList<>(n);
        int b = 0;
        int c = 0;
        boolean fractions = false;
        for (int i = 0; i < n; i++) {
            ItemOutcome base = pairs.get(i)[0];
            ItemOutcome cand = pairs.get(i)[1];
            x[i] = base.passFraction();
            y[i] = cand.passFraction();
            xs[i] = base.meanScore();
            ys[i] = cand.meanScore();
            keys.add(cand.cluster() != null ? cand.cluster() : base.cluster());
            b += y[i] < x[i] ? 1 : 0;
            c += y[i] > x[i] ? 1 : 0;
            fractions |= base.runs() > 1 || cand.runs() > 1;
        }
        Clusters groups = Clusters.of(keys);
        PairedRates rates = PairedRates.of(x, y, groups);
        Interval ci = rates.interval(0.95);
        String method = groups.clustered ? "Newcombe's method 10 at clustered effective sample sizes"
                : fractions ? "Newcombe's method 10 over per-item pass fractions" : "Newcombe's method 10";
        double effective = n / differenceDesignEffect(x, y, groups);
        return new PairedComparison(n, groups.clustered ? groups.count : 0, baseline.size() - n, candidate.size() - n,
                fractions, rates, rates.delta(), ci, method, McNemarTest.of(b, c),
                groups.clustered ? durkalski(x, y, groups) : null,
                ScoreDifference.of(xs, ys, groups, resamples, seed),
                MinimumDetectableDrop.of(n, Math.min(n, effective), b + c, alpha, MinimumDetectableDrop.DEFAULT_POWER),
                alpha);
    }

    public double baselinePassRate() {
        return rates.baselineRate();
    }

    public double candidatePassRate() {
        return rates.candidateRate();
    }

    /** The p the gate tests with: the cluster-adjusted p when clustered, else McNemar's exact p. */
    public double gateP() {
        return pClustered != null ? pClustered : mcnemar.pExact();
    }

    /** What {@link #gateP()} is, in words: "exact p" or "cluster-adjusted p". */
    public String gatePLabel() {
        return pClustered != null ? "cluster-adjusted p" : "exact p";
    }

    /** The comparison in a few sentences, for a report. */
    public String explain() {
        StringBuilder text = new StringBuilder("Paired over ").append(items).append(" items");
        if (clusters > 0) {
            text.append(" in ").append(clusters).append(" clusters");
        }
        text.append(": pass rate ").append(Fmt.pct(baselinePassRate())).append(" (baseline) → ")
                .append(Fmt.pct(candidatePassRate())).append(" (candidate), change ").append(Fmt.signedPoints(delta))
                .append(" points, 95% interval ").append(Fmt.signedPoints(deltaCi95.low())).append(" to ")
                .append(Fmt.signedPoints(deltaCi95.high())).append(" points (").append(deltaMethod).append("). ");
        text.append(passFractions ? "b counts items whose pass fraction fell, c those whose fraction rose; "
                : "b counts items that passed in the baseline and failed in the candidate, c the reverse; ");
        text.append(mcnemar.explain());
        if (pClustered != null) {
            text.append("; ").append(Fmt.p("cluster-adjusted p", pClustered)).append(" (Durkalski)");
        }
        text.append(". Scores: ").append(scoreDelta.explain()).append(". Power: ").append(mde.explain()).append('.');
        if (onlyInBaseline + onlyInCandidate > 0) {
            text.append(' ').append(leftOut());
        }
        return text.toString();
    }

    /** The sentence about unmatched items, or an empty string. */
    public String leftOut() {
        if (onlyInBaseline + onlyInCandidate == 0) {
            return "";
        }
        return onlyInBaseline + " baseline and " + onlyInCandidate
                + " candidate items have no partner in the other run and are left out of the comparison.";
    }

    private static double durkalski(double[] x, double[] y, Clusters groups) {
        double[] perCluster = new double[groups.count];
        for (int i = 0; i < x.length; i++) {
            perCluster[groups.index[i]] += Math.signum(y[i] - x[i]);
        }
        double sum = 0;
        double squares = 0;
        for (double s : perCluster) {
            sum += s;
            squares += s * s;
        }
        return squares == 0 ? 1 : Distributions.normalTwoSided(sum / Math.sqrt(squares));
    }

    /** deff of the mean per-item difference: clustered variance over plain variance, at least 1. */
    private static double differenceDesignEffect(double[] x, double[] y, Clusters groups) {
        if (!groups.clustered) {
            return 1;
        }
        if (groups.count < 2) {
            return x.length;
        }
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i] - x[i];
        }
        double plain = StandardErrors.plain(d);
        if (plain == 0) {
            return 1;
        }
        double clustered = StandardErrors.clustered(d, groups);
        return Math.max(1, clustered * clustered / (plain * plain));
    }
}
