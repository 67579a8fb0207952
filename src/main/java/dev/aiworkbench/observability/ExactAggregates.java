package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The aggregates computed from the calls themselves (model_call), percentiles exactly by SQLite's
 * {@code percentile_cont}: for ranges of few calls, and where the rollups cannot answer (errors only, days
 * of a zone whose offset is not whole hours, histogram bounds that are not sketch bucket edges).
 */
final class ExactAggregates {
    private static final String OK_ONLY = "CASE WHEN outcome = 'ok' THEN %s END";
    private static final String MEASURES = "COUNT(*), COALESCE(SUM(outcome = 'error'), 0), "
            + "COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), TOTAL(cost_usd), "
            + percentiles("ttft_ms") + ", " + percentiles("total_ms") + ", "
            + "percentile_cont(" + OK_ONLY.formatted("tokens_per_second") + ", 0.5)";

    private final Database database;

    ExactAggregates(Database database) {
        this.database = database;
    }

    private static String percentiles(String column) {
        String ok = OK_ONLY.formatted(column);
        return "percentile_cont(" + ok + ", 0.5), percentile_cont(" + ok + ", 0.95), percentile_cont(" + ok + ", 0.99)";
    }

    UsageGroup total(TimeRange range, CallFilter filter) {
        CallQuery query = new CallQuery(range, filter);
        String sql = "SELECT 'all', " + MEASURES + " FROM model_call " + query.where();
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                query.bind(s, 1);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return group(r, 1);
                }
            }
        });
    }

    List<UsageGroup> groups(TimeRange range, GroupBy by, ZoneId zone, CallFilter filter) {
        CallQuery query = new CallQuery(range, filter);
        String sql = "SELECT " + CallQuery.key(by, "started_at") + " AS k, " + MEASURES + " FROM model_call "
                + query.where() + " GROUP BY k ORDER BY k";
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = CallQuery.bindKey(s, by, zone, range, 1);
                query.bind(s, next);
                List<UsageGroup> groups = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        groups.add(group(r, 1));
                    }
                }
                return groups;
            }
        });
    }

    /** One point per day and key, for a key other than the day. */
    List<DailyGroup> daily(TimeRange range, GroupBy by, ZoneId zone, CallFilter filter) {
        CallQuery query = new CallQuery(range, filter);
        String sql = "SELECT " + CallQuery.key(GroupBy.DAY, "started_at") + " AS d, " + CallQuery.key(by, "started_at")
                + " AS k, " + MEASURES + " FROM model_call " + query.where() + " GROUP BY d, k ORDER BY d, k";
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = CallQuery.bindKey(s, GroupBy.DAY, zone, range, 1);
                query.bind(s, next);
                List<DailyGroup> points = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        points.add(new DailyGroup(LocalDate.parse(r.getString(1)), group(r, 2)));
                    }
                }
                return points;
            }
        });
    }

    LatencyHistogram histogram(TimeRange range, LatencyMeasure measure, List<Double> upperBoundsMs, CallFilter filter) {
        CallQuery query = new CallQuery(range, filter);
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < upperBoundsMs.size(); i++) {
            bucket.append(" WHEN ").append(measure.column()).append(" <= ? THEN ").append(i);
        }
        bucket.append(" ELSE ").append(upperBoundsMs.size()).append(" END");
        String sql = "SELECT " + bucket + " AS b, COUNT(*) FROM model_call " + query.where() + " AND outcome = 'ok' AND "
                + measure.column() + " IS NOT NULL GROUP BY b";
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = 1;
                for (double bound : upperBoundsMs) {
                    s.setDouble(next++, bound);
                }
                query.bind(s, next);
                Long[] counts = new Long[upperBoundsMs.size() + 1];
                Arrays.fill(counts, 0L);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts[r.getInt(1)] = r.getLong(2);
                    }
                }
                return new LatencyHistogram(upperBoundsMs, List.of(counts));
            }
        });
    }

    private static UsageGroup group(ResultSet r, int first) throws SQLException {
        return new UsageGroup(r.getString(first), r.getLong(first + 1), r.getLong(first + 2), r.getLong(first + 3),
                r.getLong(first + 4), r.getDouble(first + 5),
                new Percentiles(real(r, first + 6), real(r, first + 7), real(r, first + 8)),
                new Percentiles(real(r, first + 9), real(r, first + 10), real(r, first + 11)), real(r, first + 12));
    }

    static Double real(ResultSet r, int index) throws SQLException {
        double value = r.getDouble(index);
        return r.wasNull() ? null : value;
    }
}
