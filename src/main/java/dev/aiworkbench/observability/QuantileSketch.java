package dev.aiworkbench.observability;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A mergeable quantile sketch with relative accuracy (DDSketch's idea, Masson et al. 2019): counts of log-spaced
 * buckets, bucket i holding the values in (10·γ^(i−1), 10·γ^i] with γ = 2^(1/35). Every value read back is the
 * bucket's centre, within {@link #RELATIVE_ACCURACY} (0.99%) of any value in the bucket, and the OpenTelemetry
 * latency bounds 10·2^k ms are bucket edges, so a histogram over them is exact. Values of 0 or less share one bucket
 * that reads back as 0.
 *
 * <p>The stored form (the rollup tables' sketch columns, written by SQL in migration V9 too) is 6 bytes a bucket in
 * ascending order: the bucket as a signed 16-bit and its count as an unsigned 32-bit integer, big-endian.
 * {@link #bucket} must stay the same computation as that SQL: ceil(35·log2(v / 10) − 1e-9).
 */
final class QuantileSketch {
    /** Buckets per doubling. */
    private static final int PER_DOUBLING = 35;
    private static final double GAMMA = Math.pow(2, 1.0 / PER_DOUBLING);
    /** (γ − 1) / (γ + 1): the largest relative distance from a bucket's centre to a value in it. */
    static final double RELATIVE_ACCURACY = (GAMMA - 1) / (GAMMA + 1);
    private static final double ORIGIN = 10.0;
    /** Keeps a value that sits on a bucket edge (10·2^k) in the bucket below in SQL and Java alike. */
    private static final double EDGE_TOLERANCE = 1e-9;
    static final int ZERO_BUCKET = Short.MIN_VALUE;
    private static final int ENTRY_BYTES = 6;
    private static final double LN2 = Math.log(2);

    /** counts[i] is the count of bucket offset + i. */
    private long[] counts = new long[0];
    private int offset;
    private long total;

    static int bucket(double value) {
        if (value <= 0) {
            return ZERO_BUCKET;
        }
        double index = Math.ceil(PER_DOUBLING * (Math.log(value / ORIGIN) / LN2) - EDGE_TOLERANCE);
        return (int) Math.max(Short.MIN_VALUE + 1, Math.min(Short.MAX_VALUE, index));
    }

    /** The value a bucket reads back as: the point equally far, relatively, from both its edges. */
    static double centre(int bucket) {
        return bucket == ZERO_BUCKET ? 0 : ORIGIN * Math.pow(GAMMA, bucket) * 2 / (GAMMA + 1);
    }

    /** The bucket's upper edge, which belongs to it. */
    static double upperEdge(int bucket) {
        return bucket == ZERO_BUCKET ? 0 : ORIGIN * Math.pow(GAMMA, bucket);
    }

    /** Whether a bound is a bucket edge, so that no bucket straddles it. */
    static boolean isEdge(double bound) {
        if (bound <= 0) {
            return false;
        }
        double index = PER_DOUBLING * (Math.log(bound / ORIGIN) / LN2);
        return Math.abs(index - Math.rint(index)) < 1e-6;
    }

    void add(double value) {
        add(bucket(value), 1);
    }

    void add(int bucket, long count) {
        if (counts.length == 0) {
            counts = new long[16];
            offset = bucket - 8;
        } else if (bucket < offset || bucket >= offset + counts.length) {
            int low = Math.min(offset, bucket);
            int high = Math.max(offset + counts.length, bucket + 1);
            int spare = (high - low) / 2 + 1;
            long[] grown = new long[high - low + 2 * spare];
            int newOffset = low - spare;
            System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
            counts = grown;
            offset = newOffset;
        }
        counts[bucket - offset] += count;
        total += count;
    }

    /** Adds a stored sketch (null is an empty one). */
    void addStored(byte[] stored) {
        addStored(stored, 1);
    }

    /**
     * Adds a stored sketch's counts times the weight: −1 takes out a part of what was added before (an hour of a
     * day), which leaves exactly the sketch of the rest.
     */
    void addStored(byte[] stored, int weight) {
        if (stored == null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        while (buffer.remaining() >= ENTRY_BYTES) {
            add(buffer.getShort(), weight * Integer.toUnsignedLong(buffer.getInt()));
        }
    }

    void addAll(QuantileSketch other) {
        for (int i = 0; i < other.counts.length; i++) {
            if (other.counts[i] != 0) {
                add(other.offset + i, other.counts[i]);
            }
        }
    }

    long count() {
        return total;
    }

    /** The stored form, or null when empty. */
    byte[] stored() {
        int buckets = (int) Arrays.stream(counts).filter(c -> c != 0).count();
        if (buckets == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(buckets * ENTRY_BYTES);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                buffer.putShort((short) (offset + i));
                buffer.putInt((int) counts[i]);
            }
        }
        return buffer.array();
    }

    /**
     * The quantile as SQL's percentile_cont defines it (position q·(n−1) from 0, interpolated between the values
     * around it), from the buckets' centres; null when empty. Each of the two values is within the relative accuracy,
     * so their interpolation is too.
     */
    Double quantile(double q) {
        if (total == 0) {
            return null;
        }
        double position = q * (total - 1);
        long below = (long) Math.floor(position);
        double lower = valueAt(below);
        double upper = below + 1 < total ? valueAt(below + 1) : lower;
        return lower + (position - below) * (upper - lower);
    }

    /** p50, p95 and p99, marked approximate; none when empty. */
    Percentiles percentiles() {
        return total == 0 ? Percentiles.NONE : new Percentiles(quantile(0.5), quantile(0.95), quantile(0.99), true);
    }

    /** The centre of the bucket holding the value of the given rank (from 0, ascending). */
    private double valueAt(long rank) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > rank) {
                return centre(offset + i);
            }
        }
        throw new IllegalStateException("rank " + rank + " of " + total);
    }

    /** Counts per histogram bucket: each bound must be a bucket edge ({@link #isEdge}) or the counts are not exact. */
    long[] histogram(List<Double> upperBounds) {
        long[] result = new long[upperBounds.size() + 1];
        int bound = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double edge = upperEdge(offset + i);
            while (bound < upperBounds.size() && edge > upperBounds.get(bound) * (1 + 1e-9)) {
                bound++;
            }
            result[bound] += counts[i];
        }
        return result;
    }
}
