package dev.aiworkbench.eval.stats;

/**
 * The inputs of the interval for a paired difference in pass rate, candidate − baseline, and the interval itself:
 * Newcombe's (1998) method 10, the "square-and-add" (MOVER) interval for paired proportions that the reference
 * (§5.2) recommends over Wald. It recombines the two rates' Wilson limits (l, u) with their correlation φ:
 * <pre>
 * L = Δ − √((p_c − l_c)² − 2φ(p_c − l_c)(u_b − p_b) + (u_b − p_b)²)
 * U = Δ + √((u_c − p_c)² − 2φ(u_c − p_c)(p_b − l_b) + (p_b − l_b)²)
 * </pre>
 * Unlike Wald it does not collapse to zero width when no item changed. φ is Newcombe's corrected phi coefficient:
 * A = n·Σx_i·y_i − Σx_i·Σy_i (for 0/1 verdicts the familiar ad − bc), φ = (A − n/2)/√(Σx(n−Σx)·Σy(n−Σy)) when
 * A &gt; n/2, 0 when 0 ≤ A ≤ n/2, A/√(…) when A &lt; 0, and 0 when a margin is empty (as in Fagerland, Lydersen &amp;
 * Laake's {@code Newcombe_square_and_add_CI_paired_2x2}). Written over per-item values it also covers pass fractions
 * from repeats, where, like the Wilson limits (see {@link PassRate}), it is conservative. With clusters each rate's
 * Wilson limits use its clustered effective n and φ is the clustered covariance over √(V_b·V_c),
 * V = p(1−p)/n_eff, so the interval's variance is the clustered variance of the paired difference.
 */
public record PairedRates(double baselineRate, double baselineEffectiveItems, double candidateRate,
                          double candidateEffectiveItems, double phi) {

    public double delta() {
        return candidateRate - baselineRate;
    }

    /** The interval for Δ at the given confidence (0.95 for 95%), cut to [−1, 1]. */
    public Interval interval(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), not " + confidence);
        }
        double z = Distributions.normalQuantile(1 - (1 - confidence) / 2);
        Interval c = Wilson.interval(candidateRate * candidateEffectiveItems, candidateEffectiveItems, z);
        Interval b = Wilson.interval(baselineRate * baselineEffectiveItems, baselineEffectiveItems, z);
        double cDown = candidateRate - c.low();
        double cUp = c.high() - candidateRate;
        double bDown = baselineRate - b.low();
        double bUp = b.high() - baselineRate;
        double low = delta() - Math.sqrt(Math.max(0, cDown * cDown - 2 * phi * cDown * bUp + bUp * bUp));
        double high = delta() + Math.sqrt(Math.max(0, cUp * cUp - 2 * phi * cUp * bDown + bDown * bDown));
        return new Interval(low, high).clip(-1, 1);
    }

    static PairedRates of(double[] baseline, double[] candidate, Clusters groups) {
        int n = baseline.length;
        double pb = StandardErrors.mean(baseline);
        double pc = StandardErrors.mean(candidate);
        if (!groups.clustered) {
            return new PairedRates(pb, n, pc, n, newcombePhi(baseline, candidate));
        }
        double nb = PassRate.effectiveItems(baseline, groups);
        double nc = PassRate.effectiveItems(candidate, groups);
        double vb = pb * (1 - pb) / nb;
        double vc = pc * (1 - pc) / nc;
        double phi = 0;
        if (groups.count >= 2 && vb > 0 && vc > 0) {
            double covariance = StandardErrors.clusteredCovariance(baseline, candidate, groups);
            phi = Math.max(-1, Math.min(1, covariance / Math.sqrt(vb * vc)));
        }
        return new PairedRates(pb, nb, pc, nc, phi);
    }

    private static double newcombePhi(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxy += x[i] * y[i];
        }
        double margins = sx * (n - sx) * sy * (n - sy);
        if (!(margins > 0)) {
            return 0;
        }
        double a = n * sxy - sx * sy;
        double corrected = a > n / 2.0 ? a - n / 2.0 : a >= 0 ? 0 : a;
        return Math.max(-1, Math.min(1, corrected / Math.sqrt(margins)));
    }
}
