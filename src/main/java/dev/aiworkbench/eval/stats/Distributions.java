package dev.aiworkbench.eval.stats;

/**
 * The few distribution functions the statistics need, written out so the package has no dependency:
 * normal quantile and tail, Student's t quantile, and the Binomial(m, ½) probabilities behind McNemar's
 * exact test. Accuracy is far beyond what a report prints (checked against scipy in the tests).
 */
final class Distributions {
    private static final double LN2 = Math.log(2);
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private Distributions() {
    }

    /** The z with P(Z ≤ z) = p: Acklam's rational approximation, relative error below 1.2e-9. */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed, not " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** The two-sided normal p-value P(|Z| ≥ |z|), through erfc (Numerical Recipes' erfcc, relative error below 1.2e-7). */
    static double normalTwoSided(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return Math.min(1, erfc);
    }

    /** The t with P(T ≤ t) = p for Student's t with df degrees of freedom (bisection on the exact CDF). */
    static double studentQuantile(double p, double df) {
        if (!(p > 0 && p < 1) || !(df > 0)) {
            throw new IllegalArgumentException("p must be in (0, 1) and df positive, not p=" + p + ", df=" + df);
        }
        if (p < 0.5) {
            return -studentQuantile(1 - p, df);
        }
        double tail = 1 - p;
        double hi = 1;
        while (studentUpperTail(hi, df) > tail) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (studentUpperTail(mid, df) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(T ≥ t) for t ≥ 0: ½·I_{df/(df+t²)}(df/2, ½). */
    static double studentUpperTail(double t, double df) {
        return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** P(X ≤ k) and P(X = k) for X ~ Binomial(m, ½), summed in log space so large m cannot underflow. */
    static double[] binomialHalf(int m, int k) {
        if (m < 0 || k < 0 || k > m) {
            throw new IllegalArgumentException("need 0 ≤ k ≤ m, not k=" + k + ", m=" + m);
        }
        double logPmf = -m * LN2;
        double cdf = 0;
        for (int i = 0; i < k; i++) {
            cdf += Math.exp(logPmf);
            logPmf += Math.log(m - i) - Math.log(i + 1);
        }
        double pmf = Math.exp(logPmf);
        return new double[] {Math.min(1, cdf + pmf), pmf};
    }

    static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        double y = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (y + i);
        }
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** The regularised incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }
}
