package dev.aiworkbench.eval.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats of the explanations, locale-independent so reports read the same everywhere. */
final class Fmt {
    private Fmt() {
    }

    /** 0.85 → "85.0%". */
    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** 0.061 → "6.1" (percentage points). */
    static String points(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    /** -0.05 → "-5.0", 0.03 → "+3.0" (percentage points, always signed). */
    static String signedPoints(double fraction) {
        return String.format(Locale.ROOT, "%+.1f", 100 * fraction + 0.0);
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value + 0.0);
    }

    static String signedScore(double value) {
        return String.format(Locale.ROOT, "%+.3f", value + 0.0);
    }

    /** A p-value after its label, to two significant digits: "exact p=0.18", "exact p=0.0042", "exact p<0.0001". */
    static String p(String label, double p) {
        if (p < 0.0001) {
            return label + "<0.0001";
        }
        return label + "=" + BigDecimal.valueOf(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** A setting such as alpha as written: 0.05 → "0.05". */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A count that may be fractional (passes averaged over repeats): 17.0 → "17", 16.333 → "16.33". */
    static String count(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String integerGrouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
