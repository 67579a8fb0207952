package dev.aiworkbench.ui.observability;

import java.util.Locale;

/** How the dashboard writes its figures: counts with separators, milliseconds, dollars, percentages. */
final class DashTexts {
    /** Written where a measure is unknown (no call had it), never as a zero. */
    static final String UNKNOWN = "—";

    private DashTexts() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 1234567 → "1.23M", 45600 → "45.6k", 950 → "950". */
    static String tokens(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return count(n);
    }

    /** Cents for amounts of a dollar or more, four decimals below (local models cost fractions of a cent). */
    static String usd(double amount) {
        return String.format(Locale.ROOT, amount >= 1 || amount == 0 ? "$%,.2f" : "$%.4f", amount);
    }

    static String usd(Double amount) {
        return amount == null ? UNKNOWN : usd(amount.doubleValue());
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** 850 → "850 ms", 12345 → "12.3 s". */
    static String ms(Double millis) {
        if (millis == null) {
            return UNKNOWN;
        }
        return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String perSecond(Double rate) {
        return rate == null ? UNKNOWN : String.format(Locale.ROOT, "%.1f tok/s", rate);
    }

    static String number(Integer n) {
        return n == null ? UNKNOWN : count(n);
    }

    /** A histogram bucket's name from its upper bound: "≤ 640 ms", "≤ 1.3 s", the last "> 82 s". */
    static String bound(double upperMs) {
        return upperMs >= 1000 ? String.format(Locale.ROOT, "%.3g s", upperMs / 1000).replaceAll("\\.?0+ s$", " s")
                : String.format(Locale.ROOT, "%.0f ms", upperMs);
    }
}
