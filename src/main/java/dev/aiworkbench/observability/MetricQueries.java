package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The kept calls summed per label set, for the metrics endpoint: counts at or under each histogram bound, sums and
 * counts, all in SQL.
 */
final class MetricQueries {
    /** A label set's distribution: {@code atOrBelow.get(i)} values at or under {@code bounds.get(i)}. */
    record Distribution(List<String> labels, long count, double sum, List<Long> atOrBelow) {
    }

    /** A label set's total. */
    record Total(List<String> labels, double value) {
    }

    private final Database database;

    MetricQueries(Database database) {
        this.database = database;
    }

    /**
     * The distribution of an expression per label set, over the rows where it is not null.
     *
     * @param labelColumns the columns that make a label set, in order
     * @param value        a SQL expression over one row, in the unit of the bounds
     */
    List<Distribution> distribution(List<String> labelColumns, String value, List<Double> bounds) {
        String labels = String.join(", ", labelColumns);
        StringBuilder sql = new StringBuilder("SELECT ").append(labels).append(", COUNT(*), TOTAL(").append(value)
                .append(")");
        for (int i = 0; i < bounds.size(); i++) {
            sql.append(", SUM(").append(value).append(" <= ?)");
        }
        sql.append(" FROM model_call WHERE ").append(value).append(" IS NOT NULL GROUP BY ").append(labels)
                .append(" ORDER BY ").append(labels);
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < bounds.size(); i++) {
                    s.setDouble(i + 1, bounds.get(i));
                }
                List<Distribution> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    int n = labelColumns.size();
                    while (r.next()) {
                        List<Long> atOrBelow = new ArrayList<>(bounds.size());
                        for (int i = 0; i < bounds.size(); i++) {
                            atOrBelow.add(r.getLong(n + 3 + i));
                        }
                        rows.add(new Distribution(labels(r, n), r.getLong(n + 1), r.getDouble(n + 2), atOrBelow));
                    }
                }
                return rows;
            }
        });
    }

    /** The sum of an expression per label set (rows where it is null add nothing). */
    List<Total> total(List<String> labelColumns, String value) {
        String labels = String.join(", ", labelColumns);
        String sql = "SELECT " + labels + ", TOTAL(" + value + ") FROM model_call GROUP BY " + labels + " ORDER BY "
                + labels;
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                List<Total> rows = new ArrayList<>();
                int n = labelColumns.size();
                while (r.next()) {
                    rows.add(new Total(labels(r, n), r.getDouble(n + 1)));
                }
                return rows;
            }
        });
    }

    private static List<String> labels(ResultSet r, int n) throws java.sql.SQLException {
        List<String> values = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            values.add(r.getString(i));
        }
        return values;
    }
}
