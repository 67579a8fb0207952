package dev.aiworkbench.eval.stats;

/** A closed interval [low, high], e.g. a 95% confidence interval; JSON writers emit it as {@code [low, high]}. */
public record Interval(double low, double high) {
    public Interval {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("an interval needs finite low ≤ high, not [" + low + ", " + high + "]");
        }
    }

    public double width() {
        return high - low;
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    /** This interval cut to [min, max]: estimates of rates and scores never leave their range. */
    Interval clip(double min, double max) {
        double lo = Math.min(Math.max(low, min), max);
        double hi = Math.max(Math.min(high, max), min);
        return new Interval(lo, hi);
    }
}
