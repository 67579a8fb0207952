package dev.aiworkbench.eval.stats;

/**
 * The {@code gate} section of a suite.
 *
 * @param baseline a run id, or {@value #LAST_PASSED}: the most recent run of the suite that passed its gate
 * @param maxDrop  the largest tolerated fall in pass rate, a fraction: 0.02 is 2 points on the {@link DropScale#POINTS}
 *                 scale, and 2% of the baseline's pass rate on the {@link DropScale#RELATIVE} one
 * @param scale    how maxDrop is measured
 * @param alpha    the significance level (two-sided); non-inferiority uses the (1 − alpha) interval
 */
public record GateSpec(String baseline, double maxDrop, DropScale scale, double alpha, GateMode mode) {
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
        if (scale == null) {
            scale = DropScale.POINTS;
        }
        if (!(maxDrop >= 0 && maxDrop < 1)) {
            throw new IllegalArgumentException(scale.configKey() + " is a fraction in [0, 1) (0.02 = "
                    + (scale == DropScale.POINTS ? "2 points" : "2% of the baseline's pass rate") + "), not " + maxDrop);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), not " + alpha);
        }
    }

    /** A limit in percentage points, as most suites write it. */
    public GateSpec(String baseline, double maxDrop, double alpha, GateMode mode) {
        this(baseline, maxDrop, DropScale.POINTS, alpha, mode);
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

    /** The tolerated drop in pass rate, as a fraction (points / 100), for a baseline that passed this share. */
    public double dropLimit(double baselinePassRate) {
        return scale == DropScale.POINTS ? maxDrop : maxDrop * baselinePassRate;
    }

    /** The limit in a reason: "the 2.0-point limit", or "the 1.6-point limit (2% of the baseline's 80.0%)". */
    String limitWords(double baselinePassRate) {
        return "the " + Fmt.points(dropLimit(baselinePassRate)) + "-point limit" + relativeNote(baselinePassRate);
    }

    /** For a relative limit, where its points came from: " (2% of the baseline's 80.0%)"; empty for points. */
    String relativeNote(double baselinePassRate) {
        return scale == DropScale.POINTS ? ""
                : " (" + Fmt.plain(100 * maxDrop) + "% of the baseline's " + Fmt.pct(baselinePassRate) + ")";
    }

    /** The rule in words, e.g. "block when the pass rate falls more than 2.0 points and the fall is significant at alpha 0.05". */
    public String rule() {
        String drop = scale == DropScale.POINTS ? Fmt.points(maxDrop) + " points"
                : Fmt.plain(100 * maxDrop) + "% of the baseline's pass rate";
        return switch (mode) {
            case SIGNIFICANT_DROP -> "block when the pass rate falls more than " + drop
                    + " and the fall is significant at alpha " + Fmt.plain(alpha);
            case NON_INFERIORITY -> "pass only when the " + Fmt.plain(100 * (1 - alpha))
                    + "% interval for the change in pass rate lies above -" + drop;
        };
    }
}
