package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sketch against exact figures on a large seeded sample, and its bucket in Java against the one in SQL. */
class QuantileSketchTest {
    @TempDir
    Path temp;

    @Test
    void quantiles_are_within_one_percent_of_percentile_cont_on_a_large_sample() {
        Random random = new Random(7);
        double[] values = new double[200_000];
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < values.length; i++) {
            // two modes, as a fast and a slow model make, over four orders of magnitude
            values[i] = (random.nextBoolean() ? 90 : 2400) * Math.exp(0.9 * random.nextGaussian());
            sketch.add(values[i]);
        }
        Arrays.sort(values);

        assertThat(QuantileSketch.RELATIVE_ACCURACY).isLessThan(0.01);
        for (double q : new double[] {0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1}) {
            double exact = percentileCont(values, q);
            assertThat(sketch.quantile(q)).as("q = " + q)
                    .isCloseTo(exact, within(QuantileSketch.RELATIVE_ACCURACY * exact));
        }
        assertThat(sketch.count()).isEqualTo(values.length);
    }

    @Test
    void a_sketch_stored_and_merged_in_parts_equals_the_whole() {
        Random random = new Random(11);
        QuantileSketch whole = new QuantileSketch();
        QuantileSketch merged = new QuantileSketch();
        for (int part = 0; part < 20; part++) {
            QuantileSketch piece = new QuantileSketch();
            for (int i = 0; i < 500; i++) {
                double value = part == 3 && i == 0 ? 0 : 1e-3 + 1e6 * Math.pow(random.nextDouble(), 6);
                piece.add(value);
                whole.add(value);
            }
            merged.addStored(piece.stored());
        }
        merged.addStored(null);

        assertThat(merged.stored()).isEqualTo(whole.stored());
        assertThat(merged.quantile(0)).isZero();
        assertThat(new QuantileSketch().stored()).isNull();
        assertThat(new QuantileSketch().quantile(0.5)).isNull();
        assertThat(new QuantileSketch().percentiles()).isEqualTo(Percentiles.NONE);
    }

    @Test
    void the_default_histogram_bounds_are_bucket_edges_so_the_histogram_is_exact() {
        assertThat(LatencyHistogram.DEFAULT_BOUNDS_MS).allMatch(QuantileSketch::isEdge);
        assertThat(QuantileSketch.isEdge(100)).isFalse();
        QuantileSketch sketch = new QuantileSketch();
        // each bound belongs to its own bucket, a hair above it to the next
        for (double value : new double[] {0, 10, 10.000001, 20, 39.99, 40, 40.0001, 1e6}) {
            sketch.add(value);
        }

        assertThat(sketch.histogram(List.of(10.0, 20.0, 40.0))).containsExactly(2, 2, 2, 2);
    }

    @Test
    void java_and_sql_put_every_value_in_the_same_bucket() {
        Random random = new Random(5);
        List<Double> values = new ArrayList<>(List.of(0.0, -1.0, 1e-300, 1e300, 10.0, 20.0, 81920.0, 5.0, 0.3125));
        for (int i = 0; i < 5_000; i++) {
            values.add(Math.exp(random.nextDouble() * 30 - 10));
        }
        for (int k = -12; k < 24; k++) {
            double edge = 10 * Math.pow(2, k);
            values.addAll(List.of(edge, Math.nextUp(edge), Math.nextDown(edge)));
        }

        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            List<Integer> inSql = database.read(c -> {
                List<Integer> buckets = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT " + CallRollups.bucket("v") + " FROM (SELECT ? AS v)")) {
                    for (double value : values) {
                        s.setDouble(1, value);
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            buckets.add(r.getInt(1));
                        }
                    }
                }
                return buckets;
            });
            assertThat(inSql).isEqualTo(values.stream().map(QuantileSketch::bucket).toList());
        }
    }

    /** SQL's percentile_cont: position q·(n−1) from 0, interpolated. */
    private static double percentileCont(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        double upper = below + 1 < sorted.length ? sorted[below + 1] : sorted[below];
        return sorted[below] + (position - below) * (upper - sorted[below]);
    }
}
