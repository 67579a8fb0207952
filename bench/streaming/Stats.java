package dev.aiworkbench.bench.streaming;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics and the summary-row format shared by the streaming harnesses. */
final class Stats {
    private Stats() {
    }

    /** The p-th percentile (0..100) by nearest rank on a sorted copy; NaN when empty. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (p == 50) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        return percentile(values, 50);
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

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1024.0 / 1024.0);
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    /**
     * One row of the summary table that bench/streaming.sh prints: what, measured, baseline in the
     * same run, budget, verdict ("" for an informational row).
     */
    static void row(String what, String measured, String baseline, String budget, String verdict) {
        System.out.println(String.join("|", "SUMMARY", what, measured, baseline, budget, verdict));
    }
}
