package dev.aiworkbench.eval.stats;

/**
 * How a gate's tolerated drop is measured. "A drop of more than 2%" is ambiguous: two percentage points of pass rate,
 * or two percent of the baseline's pass rate (1.6 points when the baseline passes 80%). A suite says which by the
 * key it writes.
 */
public enum DropScale {
    /** {@code maxDrop: 0.02}: the pass rate may fall at most two percentage points. */
    POINTS("maxDrop"),
    /** {@code maxRelativeDrop: 0.02}: the pass rate may fall at most 2% of the baseline's pass rate. */
    RELATIVE("maxRelativeDrop");

    private final String configKey;

    DropScale(String configKey) {
        this.configKey = configKey;
    }

    /** The key of the gate section (and of the JSON report's gate spec) that holds the limit on this scale. */
    public String configKey() {
        return configKey;
    }
}
