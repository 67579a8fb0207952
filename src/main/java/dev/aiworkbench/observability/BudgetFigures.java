package dev.aiworkbench.observability;

import java.util.Locale;

/** How budgets write their figures, the same on every machine. */
final class BudgetFigures {
    private BudgetFigures() {
    }

    /** Cents for amounts of a dollar or more, four places below (local models cost fractions of a cent). */
    static String usd(double usd) {
        return String.format(Locale.ROOT, Math.abs(usd) >= 1 ? "%.2f" : "%.4f", usd);
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
