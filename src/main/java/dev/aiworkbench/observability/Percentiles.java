package dev.aiworkbench.observability;

/**
 * The 50th, 95th and 99th percentiles of a measure, interpolated between the two nearest values as SQL's
 * {@code percentile_cont} does; each null when no call has the measure.
 *
 * @param approximate true when they were read from latency sketches (a range of many calls): each is then within
 *                    {@link #RELATIVE_ERROR} of the exact figure, which a screen shows as "≈"
 */
public record Percentiles(Double p50, Double p95, Double p99, boolean approximate) {
    public static final Percentiles NONE = new Percentiles(null, null, null);
    /** The largest relative error of approximate percentiles: 0.99%. */
    public static final double RELATIVE_ERROR = QuantileSketch.RELATIVE_ACCURACY;

    /** Exact percentiles. */
    public Percentiles(Double p50, Double p95, Double p99) {
        this(p50, p95, p99, false);
    }
}
