package dev.aiworkbench.ui.playground;

import java.util.Locale;

/** How a run's numbers read on screen; "unknown" where the server gave none, never 0. */
final class Figures {
    private Figures() {
    }

    static String millis(Long value) {
        return value == null ? "unknown" : value + " ms";
    }

    static String count(Integer value) {
        return value == null ? "unknown" : String.valueOf(value);
    }

    static String usd(double value) {
        return value == 0 ? "$0" : String.format(Locale.ROOT, value < 0.01 ? "$%.6f" : "$%.4f", value);
    }
}
