package dev.aiworkbench.eval.stats;

/**
 * A 95% interval for a mean of scores in [0, 1] from its sufficient statistics alone, for figures aggregated in SQL
 * (the quality series): mean ± t(0.975, n−1) × s/√n with the sample standard deviation s, cut to [0, 1]. With fewer
 * than two items nothing is known of the spread, so the interval is the whole range.
 */
public final class StudentInterval {
    private StudentInterval() {
    }

    /**
     * @param n             items behind the mean
     * @param mean          their mean
     * @param meanOfSquares the mean of their squares
     */
    public static Interval mean95(int n, double mean, double meanOfSquares) {
        if (n < 1 || !(mean >= 0 && mean <= 1) || !Double.isFinite(meanOfSquares)) {
            throw new IllegalArgumentException("a mean of scores needs n ≥ 1 and a mean in [0, 1], not n=" + n
                    + ", mean=" + mean);
        }
        if (n < 2) {
            return new Interval(0, 1);
        }
        // n/(n−1) × (E[x²] − E[x]²), kept at 0 or above against rounding
        double variance = Math.max(0, (meanOfSquares - mean * mean) * n / (n - 1));
        double half = Distributions.studentQuantile(0.975, n - 1) * Math.sqrt(variance / n);
        return new Interval(mean - half, mean + half).clip(0, 1);
    }
}
