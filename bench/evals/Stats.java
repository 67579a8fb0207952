package dev.aiworkbench.bench.evals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics and the summary-row format of bench/evals.sh (the same rows as bench/streaming.sh). */
final class Stats {
    private Stats() {
    }

    /** The median of a sorted copy (the mean of the two middle values for an even count); NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static double[] toArray(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }

    static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    /**
     * One row of the summary table that bench/evals.sh prints: what, measured, baseline in the same
     * run, budget, verdict ("" or "info" for a row that is not a budget).
     */
    static void row(String what, String measured, String baseline, String budget, String verdict) {
        System.out.println(String.join("|", "SUMMARY", what, measured, baseline, budget, verdict));
    }
}
