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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the kept calls add up to, for the usage report, the dashboard and the metrics endpoint. Every aggregate is
 * computed in SQL and read on the database's reading connection, so a long one never holds up the call recorder.
 *
 * <p>A range of few calls (at most {@link #EXACT_LIMIT}) is aggregated from the calls themselves, percentiles exactly
 * ({@code percentile_cont}). A larger one reads the rollups (by UTC day and by hour) for its whole days and hours, and
 * the calls only for the partial hours at its edges: counts, errors, tokens and cost stay exact, and percentiles
 * (latency and tokens per second) come from merged sketches, each within {@link Percentiles#RELATIVE_ERROR} (0.99%)
 * of the exact figure and marked {@link Percentiles#approximate()}. Days are the zone's days at the end of the range;
 * in a zone whose offset is not whole hours (India, Nepal …) hours do not make days, so grouping by day reads the
 * calls. A histogram is exact either way: its bounds are sketch bucket edges (the defaults are) or it reads the calls.
 */
public final class CallStats {
    /**
     * The most calls a range may hold to be aggregated exactly from the calls. Reading 20,000 calls with
     * percentile_cont takes tens of milliseconds here, the order of reading a month of rollups.
     */
    static final long EXACT_LIMIT = 20_000;
    private static final String ROW = "id, started_at, feature, operation, provider, model, prompt_id, prompt_version, "
            + "eval_run_id, eval_item_key, eval_repeat, input_tokens, output_tokens, ttft_ms, total_ms, tokens_per_second, "
            + "cost_usd, outcome, error_kind, playground_run_key";

    private final Database database;
    private final ExactAggregates exact;
    private final RollupAggregates rollups;
    private final long exactLimit;

    public CallStats(Database database) {
        this(database, EXACT_LIMIT);
    }

    /** @param exactLimit the most calls a range may hold to be aggregated from the calls themselves */
    CallStats(Database database, long exactLimit) {
        this.database = database;
        this.exact = new ExactAggregates(database);
        this.rollups = new RollupAggregates(database);
        this.exactLimit = exactLimit;
    }

    /** The totals of the range and one group per key, ordered by key. */
    public UsageReport report(TimeRange range, GroupBy by, ZoneId zone) {
        List<UsageGroup> groups = groups(range, by, zone, CallFilter.ALL);
        UsageGroup all = total(range, CallFilter.ALL);
        return new UsageReport(range.from(), range.to(), by, all.calls(), all.errors(), all.costUsd(), groups);
    }

    /** All the range's calls that pass the filter, as one group (its key is "all"). */
    public UsageGroup total(TimeRange range, CallFilter filter) {
        if (fromCalls(range, filter)) {
            return exact.total(range, filter);
        }
        List<RollupAggregates.Keyed> all = rollups.groups(range, List.of(), ZoneOffset.UTC, filter);
        return all.isEmpty() ? exact.total(range, filter) : all.getFirst().group();
    }

    /** One group per key among the range's calls that pass the filter, ordered by key. */
    public List<UsageGroup> groups(TimeRange range, GroupBy by, ZoneId zone, CallFilter filter) {
        if (fromCalls(range, filter) || !hoursMakeDays(by, zone, range)) {
            return exact.groups(range, by, zone, filter);
        }
        return rollups.groups(range, List.of(by), zone, filter).stream().map(RollupAggregates.Keyed::group).toList();
    }

    /** One point per day and key: the series of a chart of cost, calls or latency by model or feature. */
    public List<DailyGroup> daily(TimeRange range, GroupBy by, ZoneId zone, CallFilter filter) {
        if (by == GroupBy.DAY) {
            return groups(range, by, zone, filter).stream()
                    .map(g -> new DailyGroup(LocalDate.parse(g.key()), g)).toList();
        }
        if (fromCalls(range, filter) || !hoursMakeDays(GroupBy.DAY, zone, range)) {
            return exact.daily(range, by, zone, filter);
        }
        return rollups.groups(range, List.of(GroupBy.DAY, by), zone, filter).stream()
                .map(k -> new DailyGroup(LocalDate.parse(k.key().getFirst()), k.group())).toList();
    }

    /** How the calls that ended well spread over latency buckets (upper bounds in milliseconds, ascending). */
    public LatencyHistogram histogram(TimeRange range, LatencyMeasure measure, List<Double> upperBoundsMs,
                                      CallFilter filter) {
        for (int i = 1; i < upperBoundsMs.size(); i++) {
            if (upperBoundsMs.get(i) <= upperBoundsMs.get(i - 1)) {
                throw new IllegalArgumentException("histogram bounds rise: " + upperBoundsMs);
            }
        }
        if (fromCalls(range, filter) || !upperBoundsMs.stream().allMatch(QuantileSketch::isEdge)) {
            return exact.histogram(range, measure, upperBoundsMs, filter);
        }
        return rollups.histogram(range, measure, upperBoundsMs, filter);
    }

    /** The calls behind a point of a chart, newest first, at most {@code limit} of them. */
    public List<StoredCall> calls(TimeRange range, CallFilter filter, int limit) {
        CallQuery query = new CallQuery(range, filter);
        String sql = "SELECT " + ROW + " FROM model_call " + query.where() + " ORDER BY started_at DESC, id DESC LIMIT ?";
        return database.read(c -> {
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
        return database.read(c -> {
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
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ROW + " FROM model_call WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(stored(r)) : Optional.empty();
                }
            }
        });
    }

    /** Whether the range holds so few calls (or asks for errors only) that the calls themselves answer. */
    private boolean fromCalls(TimeRange range, CallFilter filter) {
        return filter.errorsOnly() || rollups.callsAtMost(range, filter) <= exactLimit;
    }

    /** Days from hours need the zone's offset to be whole hours. */
    private static boolean hoursMakeDays(GroupBy by, ZoneId zone, TimeRange range) {
        return by != GroupBy.DAY || CallQuery.offsetSeconds(zone, range) % 3600 == 0;
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
}
