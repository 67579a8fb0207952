package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The running totals of model_call_series per label set, for the metrics endpoint: a few rows per label set, however
 * many calls were kept, and counters that pruning never lowers.
 */
final class MetricQueries {
    /** A label set's distribution: {@code counts.get(i)} values in bucket i (the last above every bound). */
    record Distribution(List<String> labels, long count, double sum, long[] counts) {
    }

    /** A label set's total. */
    record Total(List<String> labels, long count, double sum) {
    }

    private final Database database;

    MetricQueries(Database database) {
        this.database = database;
    }

    /** @param labelColumns columns of model_call_series that make a label set, in order */
    List<Distribution> distribution(MetricSeries series, List<String> labelColumns) {
        String labels = String.join(", ", labelColumns);
        String sql = "SELECT " + labels + ", bucket, SUM(count), TOTAL(sum) FROM model_call_series WHERE series = ? "
                + "GROUP BY " + labels + ", bucket ORDER BY " + labels + ", bucket";
        int buckets = series.bounds().size() + 1;
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, series.id());
                List<Distribution> rows = new ArrayList<>();
                int n = labelColumns.size();
                try (ResultSet r = s.executeQuery()) {
                    List<String> current = null;
                    long[] counts = null;
                    long count = 0;
                    double sum = 0;
                    while (r.next()) {
                        List<String> set = labels(r, n);
                        if (!set.equals(current)) {
                            if (current != null) {
                                rows.add(new Distribution(current, count, sum, counts));
                            }
                            current = set;
                            counts = new long[buckets];
                            count = 0;
                            sum = 0;
                        }
                        counts[r.getInt(n + 1)] += r.getLong(n + 2);
                        count += r.getLong(n + 2);
                        sum += r.getDouble(n + 3);
                    }
                    if (current != null) {
                        rows.add(new Distribution(current, count, sum, counts));
                    }
                }
                return rows;
            }
        });
    }

    /** The count and sum of a series per label set. */
    List<Total> total(MetricSeries series, List<String> labelColumns) {
        String labels = String.join(", ", labelColumns);
        String sql = "SELECT " + labels + ", SUM(count), TOTAL(sum) FROM model_call_series WHERE series = ? GROUP BY "
                + labels + " ORDER BY " + labels;
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, series.id());
                List<Total> rows = new ArrayList<>();
                int n = labelColumns.size();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Total(labels(r, n), r.getLong(n + 1), r.getDouble(n + 2)));
                    }
                }
                return rows;
            }
        });
    }

    private static List<String> labels(ResultSet r, int n) throws SQLException {
        List<String> values = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            values.add(r.getString(i));
        }
        return values;
    }
}
