package dev.aiworkbench.observability;

import java.util.Locale;

/** How budgets write their figures, the same on every machine. */
final class BudgetFigures {
    private BudgetFigures() {
    }

    /** Whole cents as cents ($0.50), smaller amounts to four places (a local model's call costs a fraction of one). */
    static String usd(double usd) {
        boolean cents = Math.abs(usd * 100 - Math.rint(usd * 100)) < 1e-9;
        return String.format(Locale.ROOT, cents || Math.abs(usd) >= 100 ? "%.2f" : "%.4f", usd);
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
