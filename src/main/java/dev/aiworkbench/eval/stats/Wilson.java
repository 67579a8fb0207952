package dev.aiworkbench.eval.stats;

/**
 * Wilson's score interval for a proportion (reference §5.2): centre = (p̂ + z²/2n)/(1 + z²/n),
 * half-width = z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n). Unlike the CLT (Wald) interval it stays inside [0, 1],
 * is never zero-width at 0/n or n/n, and keeps its coverage at the small n of golden datasets
 * (Bowyer, Aitchison &amp; Ivanova 2025). {@code passes} and {@code n} may be fractional: see {@link PassRate}.
 */
public final class Wilson {
    /** z for a two-sided 95% interval, the 0.975 quantile of the standard normal. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** The Wilson 95% interval for {@code passes} successes out of {@code n}. */
    public static Interval interval95(double passes, double n) {
        return interval(passes, n, Z95);
    }

    /** The Wilson interval with the given normal quantile z (1.96 for 95%). */
    public static Interval interval(double passes, double n, double z) {
        if (!(n > 0) || passes < 0 || passes > n || !Double.isFinite(n) || !Double.isFinite(passes)) {
            throw new IllegalArgumentException("Wilson needs n > 0 and 0 ≤ passes ≤ n, not " + passes + " of " + n);
        }
        double p = passes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // at 0/n the lower limit is exactly 0 and at n/n the upper exactly 1; rounding must not move them
        double low = passes == 0 ? 0 : centre - half;
        double high = passes == n ? 1 : centre + half;
        return new Interval(low, high).clip(0, 1);
    }
}
