package dev.aiworkbench.ui.assess;

import java.util.Locale;

/** Numbers as the Assess screen writes them. */
final class Figures {
    private Figures() {
    }

    /** A mean CBM mark with its sign: "+1.25", "−0.50". */
    static String mean(double value) {
        String text = String.format(Locale.ROOT, "%.2f", Math.abs(value));
        return (value < 0 ? "−" : value > 0 ? "+" : "") + text;
    }

    /** A share as a whole percentage: "83%". */
    static String percent(double share) {
        return Double.isNaN(share) ? "–" : Math.round(share * 100) + "%";
    }
}
