package dev.aiworkbench.eval.stats;

/**
 * The {@code gate} section of a suite.
 *
 * @param baseline a run id, or {@value #LAST_PASSED}: the most recent run of the suite that passed its gate
 * @param maxDrop  the largest tolerated fall in pass rate, a fraction (0.02 = 2 points)
 * @param alpha    the significance level (two-sided); non-inferiority uses the (1 − alpha) interval
 */
public record GateSpec(String baseline, double maxDrop, double alpha, GateMode mode) {
    public static final String LAST_PASSED = "last-passed";
    public static final double DEFAULT_MAX_DROP = 0.02;
    public static final double DEFAULT_ALPHA = 0.05;

    public GateSpec {
        if (baseline == null || baseline.isBlank()) {
            baseline = LAST_PASSED;
        }
        if (mode == null) {
            mode = GateMode.SIGNIFICANT_DROP;
        }
        if (!(maxDrop >= 0 && maxDrop < 1)) {
            throw new IllegalArgumentException("maxDrop is a fraction in [0, 1) (0.02 = 2 points), not " + maxDrop);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), not " + alpha);
        }
    }

    /** last-passed, 0.02, 0.05, significant-drop. */
    public static GateSpec defaults() {
        return new GateSpec(LAST_PASSED, DEFAULT_MAX_DROP, DEFAULT_ALPHA, GateMode.SIGNIFICANT_DROP);
    }

    /** For config readers: any null takes its default. */
    public static GateSpec of(String baseline, Double maxDrop, Double alpha, GateMode mode) {
        return new GateSpec(baseline, maxDrop == null ? DEFAULT_MAX_DROP : maxDrop,
                alpha == null ? DEFAULT_ALPHA : alpha, mode);
    }

    public boolean baselineIsLastPassed() {
        return LAST_PASSED.equals(baseline);
    }

    /** The rule in words, e.g. "block when the pass rate falls more than 2.0 points and the fall is significant at alpha 0.05". */
    public String rule() {
        return switch (mode) {
            case SIGNIFICANT_DROP -> "block when the pass rate falls more than " + Fmt.points(maxDrop)
                    + " points and the fall is significant at alpha " + Fmt.plain(alpha);
            case NON_INFERIORITY -> "pass only when the " + Fmt.plain(100 * (1 - alpha))
                    + "% interval for the change in pass rate lies above -" + Fmt.points(maxDrop) + " points";
        };
    }
}
