package dev.aiworkbench.observability;

import java.util.List;

/**
 * How many calls fell in each latency bucket: {@code counts.get(i)} calls took at most {@code upperBoundsMs.get(i)}
 * and more than the bound before; the last count is the calls above every bound.
 */
public record LatencyHistogram(List<Double> upperBoundsMs, List<Long> counts) {
    /** Bounds doubling from 10 ms to about 82 s: the OpenTelemetry GenAI conventions' buckets, in milliseconds. */
    public static final List<Double> DEFAULT_BOUNDS_MS = List.of(10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 640.0, 1280.0,
            2560.0, 5120.0, 10240.0, 20480.0, 40960.0, 81920.0);

    public LatencyHistogram {
        upperBoundsMs = List.copyOf(upperBoundsMs);
        counts = List.copyOf(counts);
        if (counts.size() != upperBoundsMs.size() + 1) {
            throw new IllegalArgumentException("a histogram has one count per bound and one above them all");
        }
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
