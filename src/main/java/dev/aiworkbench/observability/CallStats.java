package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the kept calls add up to, for the usage report, the dashboard and the metrics endpoint. Every aggregate,
 * percentiles included, is computed by SQLite ({@code percentile_cont}), so a screen over a million calls reads a
 * few rows, not a million.
 */
public final class CallStats {
    private static final String OK_ONLY = "CASE WHEN outcome = 'ok' THEN %s END";
    private static final String MEASURES = "COUNT(*), COALESCE(SUM(outcome = 'error'), 0), "
            + "COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), TOTAL(cost_usd), "
            + percentiles("ttft_ms") + ", " + percentiles("total_ms") + ", "
            + "percentile_cont(" + OK_ONLY.formatted("tokens_per_second") + ", 0.5)";
    private static final String ROW = "id, started_at, feature, operation, provider, model, prompt_id, prompt_version, "
            + "eval_run_id, eval_item_key, eval_repeat, input_tokens, output_tokens, ttft_ms, total_ms, tokens_per_second, "
            + "cost_usd, outcome, error_kind, playground_run_key";

    private final Database database;

    public CallStats(Database database) {
        this.database = database;
    }

    private static String percentiles(String column) {
        String ok = OK_ONLY.formatted(column);
        return "percentile_cont(" + ok + ", 0.5), percentile_cont(" + ok + ", 0.95), percentile_cont(" + ok + ", 0.99)";
    }

    /** The totals of the range and one group per key, ordered by key. */
    public UsageReport report(TimeRange range, GroupBy by, ZoneId zone) {
        List<UsageGroup> groups = groups(range, by, zone, CallFilter.ALL);
        UsageGroup all = total(range, CallFilter.ALL);
        return new UsageReport(range.from(), range.to(), by, all.calls(), all.errors(), all.costUsd(), groups);
    }

    /** All the range's calls that pass the filter, as one group (its key is "all"). */
    public UsageGroup total(TimeRange range, CallFilter filter) {
        Query query = new Query(range, filter);
        String sql = "SELECT 'all', " + MEASURES + " FROM model_call " + query.where();
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                query.bind(s, 1);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return group(r, 1);
                }
            }
        });
    }

    /** One group per key among the range's calls that pass the filter, ordered by key. */
    public List<UsageGroup> groups(TimeRange range, GroupBy by, ZoneId zone, CallFilter filter) {
        Query query = new Query(range, filter);
        String key = key(by);
        String sql = "SELECT " + key + " AS k, " + MEASURES + " FROM model_call " + query.where() + " GROUP BY k ORDER BY k";
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = bindKey(s, by, zone, range, 1);
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

    /** One point per day and key: the series of a chart of cost, calls or latency by model or feature. */
    public List<DailyGroup> daily(TimeRange range, GroupBy by, ZoneId zone, CallFilter filter) {
        if (by == GroupBy.DAY) {
            return groups(range, by, zone, filter).stream()
                    .map(g -> new DailyGroup(LocalDate.parse(g.key()), g)).toList();
        }
        Query query = new Query(range, filter);
        String sql = "SELECT " + key(GroupBy.DAY) + " AS d, " + key(by) + " AS k, " + MEASURES + " FROM model_call "
                + query.where() + " GROUP BY d, k ORDER BY d, k";
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = bindKey(s, GroupBy.DAY, zone, range, 1);
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

    /** How the calls that ended well spread over latency buckets (upper bounds in milliseconds, ascending). */
    public LatencyHistogram histogram(TimeRange range, LatencyMeasure measure, List<Double> upperBoundsMs,
                                      CallFilter filter) {
        for (int i = 1; i < upperBoundsMs.size(); i++) {
            if (upperBoundsMs.get(i) <= upperBoundsMs.get(i - 1)) {
                throw new IllegalArgumentException("histogram bounds rise: " + upperBoundsMs);
            }
        }
        Query query = new Query(range, filter);
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < upperBoundsMs.size(); i++) {
            bucket.append(" WHEN ").append(measure.column()).append(" <= ? THEN ").append(i);
        }
        bucket.append(" ELSE ").append(upperBoundsMs.size()).append(" END");
        String sql = "SELECT " + bucket + " AS b, COUNT(*) FROM model_call " + query.where() + " AND outcome = 'ok' AND "
                + measure.column() + " IS NOT NULL GROUP BY b";
        return database.inTransaction(c -> {
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

    /** The calls behind a point of a chart, newest first, at most {@code limit} of them. */
    public List<StoredCall> calls(TimeRange range, CallFilter filter, int limit) {
        Query query = new Query(range, filter);
        String sql = "SELECT " + ROW + " FROM model_call " + query.where() + " ORDER BY started_at DESC, id DESC LIMIT ?";
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = query.bind(s, 1);
                s.setInt(next, limit);
                List<StoredCall> calls = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        calls.add(stored(r));
                    }
                }
                return calls;
            }
        });
    }

    /** The calls an eval run made, the judge's included, in the order they started. */
    public List<StoredCall> callsOfEvalRun(String runId) {
        String sql = "SELECT " + ROW + " FROM model_call WHERE eval_run_id = ? ORDER BY started_at, id";
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, runId);
                List<StoredCall> calls = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        calls.add(stored(r));
                    }
                }
                return calls;
            }
        });
    }

    public Optional<StoredCall> call(long id) {
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ROW + " FROM model_call WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(stored(r)) : Optional.empty();
                }
            }
        });
    }

    private static String key(GroupBy by) {
        return switch (by) {
            case MODEL -> "model";
            case FEATURE -> "feature";
            case PROVIDER -> "provider";
            case OPERATION -> "operation";
            case DAY -> "date(started_at, ?)";
        };
    }

    /** Binds the zone's offset for a day key (at the end of the range: a day is the zone's day then). */
    private static int bindKey(PreparedStatement s, GroupBy by, ZoneId zone, TimeRange range, int index)
            throws SQLException {
        if (by != GroupBy.DAY) {
            return index;
        }
        int seconds = zone.getRules().getOffset(range.to()).getTotalSeconds();
        s.setString(index, (seconds >= 0 ? "+" : "") + seconds + " seconds");
        return index + 1;
    }

    private static UsageGroup group(ResultSet r, int first) throws SQLException {
        return new UsageGroup(r.getString(first), r.getLong(first + 1), r.getLong(first + 2), r.getLong(first + 3),
                r.getLong(first + 4), r.getDouble(first + 5),
                new Percentiles(real(r, first + 6), real(r, first + 7), real(r, first + 8)),
                new Percentiles(real(r, first + 9), real(r, first + 10), real(r, first + 11)), real(r, first + 12));
    }

    private static Double real(ResultSet r, int index) throws SQLException {
        double value = r.getDouble(index);
        return r.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet r, int index) throws SQLException {
        int value = r.getInt(index);
        return r.wasNull() ? null : value;
    }

    private static StoredCall stored(ResultSet r) throws SQLException {
        CallTag tag = new CallTag(CallFeature.of(r.getString(3)), r.getString(7), integer(r, 8), r.getString(9),
                r.getString(10), integer(r, 11), r.getString(20));
        ModelCall call = new ModelCall(Timestamps.parse(r.getString(2)), tag, Operation.of(r.getString(4)),
                r.getString(5), r.getString(6), integer(r, 12), integer(r, 13), real(r, 14), r.getDouble(15),
                real(r, 16), CallOutcome.of(r.getString(18)), r.getString(19));
        return new StoredCall(r.getLong(1), call, real(r, 17));
    }

    /** The WHERE clause of a range and a filter, and its parameters in order. */
    private record Query(TimeRange range, CallFilter filter) {
        String where() {
            StringBuilder where = new StringBuilder("WHERE started_at >= ? AND started_at < ?");
            if (filter.feature() != null) {
                where.append(" AND feature = ?");
            }
            if (filter.provider() != null) {
                where.append(" AND provider = ?");
            }
            if (filter.model() != null) {
                where.append(" AND model = ?");
            }
            if (filter.operation() != null) {
                where.append(" AND operation = ?");
            }
            if (filter.errorsOnly()) {
                where.append(" AND outcome = 'error'");
            }
            return where.toString();
        }

        /** Binds from the index on; returns the next free index. */
        int bind(PreparedStatement s, int index) throws SQLException {
            s.setString(index++, Timestamps.format(range.from()));
            s.setString(index++, Timestamps.format(range.to()));
            for (String value : new String[] {filter.feature(), filter.provider(), filter.model(), filter.operation()}) {
                if (value != null) {
                    s.setString(index++, value);
                }
            }
            return index;
        }
    }
}
