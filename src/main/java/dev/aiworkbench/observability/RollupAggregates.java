package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregates from the rollups: the whole UTC days of a range from call_rollup_day, its other whole hours from
 * call_rollup_hour, the partial hours at its edges from the calls themselves (model_call, by its started_at index),
 * so counts and sums are exact. Percentiles come from the merged sketches, within
 * {@link QuantileSketch#RELATIVE_ACCURACY}, and say so ({@link Percentiles#approximate()}). Day keys need a zone whose
 * offset is whole hours: a learner's day is then a UTC day with the offset's hours moved (see {@link #sources}).
 */
final class RollupAggregates {
    private final Database database;

    RollupAggregates(Database database) {
        this.database = database;
    }

    /** A group and its key, one part per key asked for ("all" when none was). */
    record Keyed(List<String> key, UsageGroup group) {
    }

    /** At least the calls of the range that pass the filter's labels: the rollups of every hour it touches. */
    long callsAtMost(TimeRange range, CallFilter filter) {
        RollupSpan span = RollupSpan.of(range, true);
        CallQuery query = new CallQuery(range, filter);
        Statement statement = new Statement();
        statement.sql.append("SELECT COALESCE(SUM(n), 0) FROM (");
        String union = "";
        for (RollupSpan.Part part : span.parts()) {
            statement.sql.append(union).append("SELECT calls AS n");
            statement.from(new Source(part, "+0 seconds", 1, null), query);
            union = " UNION ALL ";
        }
        for (TimeRange edge : span.edges()) {
            statement.sql.append(union).append("SELECT calls AS n FROM call_rollup_hour WHERE start >= ? AND start < ?");
            statement.parameters.add(RollupPeriod.HOUR.start(edge.from()));
            statement.parameters.add(Timestamps.format(edge.to()));
            statement.labels(query);
            union = " UNION ALL ";
        }
        statement.sql.append(")");
        return database.read(c -> {
            try (PreparedStatement s = statement.prepare(c); ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        });
    }

    /** One group per distinct key (the keys in the order given), ordered by key; no keys give one group, "all". */
    List<Keyed> groups(TimeRange range, List<GroupBy> keys, ZoneId zone, CallFilter filter) {
        int offsetSeconds = CallQuery.offsetSeconds(zone, range);
        String offset = CallQuery.offsetModifier(offsetSeconds);
        List<Source> sources = sources(RollupSpan.of(range, true), keys, offsetSeconds);
        List<TimeRange> edges = RollupSpan.of(range, true).edges();
        CallQuery query = new CallQuery(range, filter);
        return database.read(c -> {
            Map<List<String>, Sketches> sketches = sketches(c, sources, edges, keys, offset, query);
            Statement counts = new Statement();
            counts.sql.append("SELECT ");
            counts.sql.append(names(keys)).append(", SUM(n), SUM(e), SUM(i), SUM(o), TOTAL(u) FROM (");
            String union = "";
            for (Source source : sources) {
                counts.sql.append(union).append("SELECT ");
                counts.keys(keys, "start", source.dayOffset());
                counts.sql.append(", ").append(source.weight()).append(" * calls AS n, ").append(source.weight())
                        .append(" * errors AS e, ").append(source.weight()).append(" * input_tokens AS i, ")
                        .append(source.weight()).append(" * output_tokens AS o, ").append(source.weight())
                        .append(" * cost_usd AS u");
                counts.from(source, query);
                union = " UNION ALL ";
            }
            for (TimeRange edge : edges) {
                counts.sql.append(union).append("SELECT ");
                union = " UNION ALL ";
                counts.keys(keys, "started_at", offset);
                counts.sql.append(", 1 AS n, outcome = 'error' AS e, COALESCE(input_tokens, 0) AS i, "
                        + "COALESCE(output_tokens, 0) AS o, cost_usd AS u FROM model_call WHERE started_at >= ? "
                        + "AND started_at < ?");
                counts.range(edge);
                counts.labels(query);
            }
            // a day whose every call moved to the neighbouring day is no group, as with the calls themselves
            counts.sql.append(") GROUP BY ").append(names(keys)).append(" HAVING SUM(n) > 0 ORDER BY ")
                    .append(names(keys));
            List<Keyed> groups = new ArrayList<>();
            try (PreparedStatement s = counts.prepare(c); ResultSet r = s.executeQuery()) {
                int parts = Math.max(1, keys.size());
                while (r.next()) {
                    List<String> key = new ArrayList<>(parts);
                    for (int i = 1; i <= parts; i++) {
                        key.add(r.getString(i));
                    }
                    Sketches of = sketches.getOrDefault(key, new Sketches());
                    groups.add(new Keyed(key, new UsageGroup(key.getLast(), r.getLong(parts + 1), r.getLong(parts + 2),
                            r.getLong(parts + 3), r.getLong(parts + 4), r.getDouble(parts + 5),
                            of.ttft.percentiles(), of.total.percentiles(), of.tps.quantile(0.5))));
                }
            }
            return groups;
        });
    }

    /** The histogram of one measure; every bound must be a sketch bucket edge ({@link QuantileSketch#isEdge}). */
    LatencyHistogram histogram(TimeRange range, LatencyMeasure measure, List<Double> upperBoundsMs, CallFilter filter) {
        RollupSpan span = RollupSpan.of(range, true);
        CallQuery query = new CallQuery(range, filter);
        String column = measure == LatencyMeasure.TIME_TO_FIRST_TOKEN ? "ttft_sketch" : "total_sketch";
        return database.read(c -> {
            QuantileSketch sketch = new QuantileSketch();
            for (RollupSpan.Part part : span.parts()) {
                Statement rollups = new Statement();
                rollups.sql.append("SELECT ").append(column);
                rollups.from(new Source(part, "+0 seconds", 1, null), query);
                try (PreparedStatement s = rollups.prepare(c); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sketch.addStored(r.getBytes(1));
                    }
                }
            }
            for (TimeRange edge : span.edges()) {
                Statement calls = new Statement();
                calls.sql.append("SELECT ").append(measure.column()).append(" FROM model_call WHERE started_at >= ? "
                        + "AND started_at < ? AND outcome = 'ok' AND ").append(measure.column()).append(" IS NOT NULL");
                calls.range(edge);
                calls.labels(query);
                try (PreparedStatement s = calls.prepare(c); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sketch.add(r.getDouble(1));
                    }
                }
            }
            List<Long> counts = new ArrayList<>();
            for (long count : sketch.histogram(upperBoundsMs)) {
                counts.add(count);
            }
            return new LatencyHistogram(upperBoundsMs, counts);
        });
    }

    /** Each key's sketches: the stored ones merged (subtracted for a negative weight), and the edges' calls added. */
    private static Map<List<String>, Sketches> sketches(Connection c, List<Source> sources, List<TimeRange> edges,
                                                        List<GroupBy> keys, String offset, CallQuery query)
            throws SQLException {
        Map<List<String>, Sketches> sketches = new HashMap<>();
        int parts = Math.max(1, keys.size());
        for (Source source : sources) {
            Statement rollups = new Statement();
            rollups.sql.append("SELECT ");
            rollups.keys(keys, "start", source.dayOffset());
            rollups.sql.append(", ttft_sketch, total_sketch, tps_sketch");
            rollups.from(source, query);
            try (PreparedStatement s = rollups.prepare(c); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Sketches of = sketches.computeIfAbsent(key(r, parts), k -> new Sketches());
                    of.ttft.addStored(r.getBytes(parts + 1), source.weight());
                    of.total.addStored(r.getBytes(parts + 2), source.weight());
                    of.tps.addStored(r.getBytes(parts + 3), source.weight());
                }
            }
        }
        for (TimeRange edge : edges) {
            Statement calls = new Statement();
            calls.sql.append("SELECT ");
            calls.keys(keys, "started_at", offset);
            calls.sql.append(", ttft_ms, total_ms, tokens_per_second FROM model_call WHERE started_at >= ? "
                    + "AND started_at < ? AND outcome = 'ok'");
            calls.range(edge);
            calls.labels(query);
            try (PreparedStatement s = calls.prepare(c); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Sketches of = sketches.computeIfAbsent(key(r, parts), k -> new Sketches());
                    addIfPresent(of.ttft, ExactAggregates.real(r, parts + 1));
                    of.total.add(r.getDouble(parts + 2));
                    addIfPresent(of.tps, ExactAggregates.real(r, parts + 3));
                }
            }
        }
        return sketches;
    }

    private static void addIfPresent(QuantileSketch sketch, Double value) {
        if (value != null) {
            sketch.add(value);
        }
    }

    private static List<String> key(ResultSet r, int parts) throws SQLException {
        List<String> key = new ArrayList<>(parts);
        for (int i = 1; i <= parts; i++) {
            key.add(r.getString(i));
        }
        return key;
    }

    /**
     * Where a grouping's rollups come from. Keyed by a learner's day off UTC, a UTC day's rollup is counted under its
     * UTC date, and the hours of it that belong to the neighbouring local day are moved there: subtracted under the
     * UTC date and added under the local one (sketch counts subtract exactly). That reads the offset's hours of each
     * day, not all 24.
     */
    private static List<Source> sources(RollupSpan span, List<GroupBy> keys, int offsetSeconds) {
        String offset = CallQuery.offsetModifier(offsetSeconds);
        boolean shifted = keys.contains(GroupBy.DAY) && offsetSeconds != 0;
        Integer movedHours = shifted ? offsetSeconds / 3600 : null;
        List<Source> sources = new ArrayList<>();
        for (RollupSpan.Part part : span.parts()) {
            if (part.period() == RollupPeriod.HOUR || !shifted) {
                sources.add(new Source(part, offset, 1, null));
                continue;
            }
            sources.add(new Source(part, "+0 seconds", 1, null));
            RollupSpan.Part hours = new RollupSpan.Part(RollupPeriod.HOUR, part.from(), part.to());
            sources.add(new Source(hours, "+0 seconds", -1, movedHours));
            sources.add(new Source(hours, offset, 1, movedHours));
        }
        return sources;
    }

    /**
     * Rollup rows of a part, their day key computed at the given offset, counted with the weight.
     *
     * @param movedBy when set, only the hours of a UTC day that fall in another day at this offset (whole hours)
     */
    record Source(RollupSpan.Part part, String dayOffset, int weight, Integer movedBy) {
    }

    private static String names(List<GroupBy> keys) {
        if (keys.isEmpty()) {
            return "k0";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            names.append(i == 0 ? "" : ", ").append('k').append(i);
        }
        return names.toString();
    }

    /** The three sketches of one group. */
    private static final class Sketches {
        final QuantileSketch ttft = new QuantileSketch();
        final QuantileSketch total = new QuantileSketch();
        final QuantileSketch tps = new QuantileSketch();
    }

    /** SQL written with its parameters in order. */
    private static final class Statement {
        final StringBuilder sql = new StringBuilder();
        final List<String> parameters = new ArrayList<>();

        void keys(List<GroupBy> keys, String timeColumn, String offset) {
            if (keys.isEmpty()) {
                sql.append("'all' AS k0");
                return;
            }
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(CallQuery.key(keys.get(i), timeColumn)).append(" AS k").append(i);
                if (keys.get(i) == GroupBy.DAY) {
                    parameters.add(offset);
                }
            }
        }

        /** " FROM" the source's table, its periods, the hours it moves and the labels. */
        void from(Source source, CallQuery query) {
            RollupSpan.Part part = source.part();
            sql.append(" FROM ").append(part.period().table()).append(" WHERE start >= ? AND start < ?");
            parameters.add(Timestamps.format(part.from()));
            parameters.add(Timestamps.format(part.to()));
            // the UTC hour of day, compared as text: ahead of UTC the last hours move, behind it the first ones
            if (source.movedBy() != null && source.movedBy() > 0) {
                sql.append(" AND substr(start, 12, 2) >= ?");
                parameters.add("%02d".formatted(24 - source.movedBy()));
            } else if (source.movedBy() != null) {
                sql.append(" AND substr(start, 12, 2) < ?");
                parameters.add("%02d".formatted(-source.movedBy()));
            }
            labels(query);
        }

        void range(TimeRange range) {
            parameters.add(Timestamps.format(range.from()));
            parameters.add(Timestamps.format(range.to()));
        }

        void labels(CallQuery query) {
            sql.append(query.labels());
            CallFilter filter = query.filter();
            for (String value : new String[] {filter.feature(), filter.provider(), filter.model(), filter.operation()}) {
                if (value != null) {
                    parameters.add(value);
                }
            }
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            return s;
        }
    }
}
