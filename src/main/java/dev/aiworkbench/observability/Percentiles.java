package dev.aiworkbench.observability;

/**
 * The 50th, 95th and 99th percentiles of a measure, interpolated between the two nearest values as SQL's
 * {@code percentile_cont} does; each null when no call has the measure.
 */
public record Percentiles(Double p50, Double p95, Double p99) {
    public static final Percentiles NONE = new Percentiles(null, null, null);
}
