package dev.aiworkbench.observability;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the rollups (tables call_rollup_hour and call_rollup_day, see migration V9) in step with model_call: the
 * calls of a batch are added in the transaction that inserts them, and pruning takes the rollups with the calls.
 * Used only inside {@link Database#inTransaction}.
 */
final class CallRollups {
    private static final String KEY = "start = ? AND feature = ? AND operation = ? AND provider = ? AND model = ?";
    private static final String SKETCHES = "SELECT ttft_sketch, total_sketch, tps_sketch FROM %s WHERE " + KEY;
    private static final String UPSERT = "INSERT INTO %s (start, feature, operation, provider, model, calls, "
            + "errors, input_tokens, input_counted, output_tokens, output_counted, cost_usd, cost_counted, ttft_sketch, "
            + "total_sketch, tps_sketch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (start, feature, operation, provider, model) DO UPDATE SET calls = calls + excluded.calls, "
            + "errors = errors + excluded.errors, input_tokens = input_tokens + excluded.input_tokens, "
            + "input_counted = input_counted + excluded.input_counted, "
            + "output_tokens = output_tokens + excluded.output_tokens, "
            + "output_counted = output_counted + excluded.output_counted, cost_usd = cost_usd + excluded.cost_usd, "
            + "cost_counted = cost_counted + excluded.cost_counted, ttft_sketch = excluded.ttft_sketch, "
            + "total_sketch = excluded.total_sketch, tps_sketch = excluded.tps_sketch";
    /**
     * The rollups of the calls in [?, ?) into a period's table, computed from model_call as migration V9 backfills
     * them: the table, the period's start of started_at, and the bucket ({@link QuantileSketch#bucket}) in SQL.
     */
    private static final String REBUILD = """
            INSERT INTO %s
            WITH base AS (
                SELECT %s AS start, feature, operation, provider, model, outcome,
                       input_tokens, output_tokens, cost_usd, ttft_ms, total_ms, tokens_per_second
                FROM model_call WHERE started_at >= ? AND started_at < ?
            ), cells AS (
                SELECT start, feature, operation, provider, model, measure, %s AS bucket, COUNT(*) AS n
                FROM (
                    SELECT start, feature, operation, provider, model, 'ttft' AS measure, ttft_ms AS v FROM base
                    WHERE outcome = 'ok' AND ttft_ms IS NOT NULL
                    UNION ALL
                    SELECT start, feature, operation, provider, model, 'total', total_ms FROM base WHERE outcome = 'ok'
                    UNION ALL
                    SELECT start, feature, operation, provider, model, 'tps', tokens_per_second FROM base
                    WHERE outcome = 'ok' AND tokens_per_second IS NOT NULL
                )
                GROUP BY start, feature, operation, provider, model, measure, bucket
            ), sketches AS (
                SELECT start, feature, operation, provider, model,
                       unhex(group_concat(CASE WHEN measure = 'ttft' THEN printf('%%04X%%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS ttft,
                       unhex(group_concat(CASE WHEN measure = 'total' THEN printf('%%04X%%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS total,
                       unhex(group_concat(CASE WHEN measure = 'tps' THEN printf('%%04X%%08X', bucket & 65535, n) END, '' ORDER BY bucket)) AS tps
                FROM cells GROUP BY start, feature, operation, provider, model
            )
            SELECT start, feature, operation, provider, model, COUNT(*), SUM(outcome = 'error'),
                   COALESCE(SUM(input_tokens), 0), COUNT(input_tokens), COALESCE(SUM(output_tokens), 0), COUNT(output_tokens),
                   TOTAL(cost_usd), COUNT(cost_usd), s.ttft, s.total, s.tps
            FROM base LEFT JOIN sketches s USING (start, feature, operation, provider, model)
            GROUP BY start, feature, operation, provider, model""";

    private final Database database;

    CallRollups(Database database) {
        this.database = database;
    }

    /** {@link QuantileSketch#bucket} in SQL, as migration V9 computes it, of the value of an expression. */
    static String bucket(String value) {
        return "CASE WHEN %1$s <= 0 THEN -32768 ELSE max(-32767, min(32767, CAST(ceil(35 * log2(%1$s / 10.0) - 1e-9) "
                .formatted(value) + "AS INTEGER))) END";
    }

    /** Adds a batch of calls just inserted into model_call. */
    void add(List<PricedCall> calls) throws SQLException {
        for (RollupPeriod period : RollupPeriod.values()) {
            Map<Key, Totals> byKey = new LinkedHashMap<>();
            for (PricedCall priced : calls) {
                ModelCall call = priced.call();
                byKey.computeIfAbsent(new Key(period.start(call.startedAt()), call.tag().feature().id(),
                        call.operation().id(), call.provider(), call.model()), k -> new Totals()).add(priced);
            }
            for (Map.Entry<Key, Totals> entry : byKey.entrySet()) {
                keep(period, entry.getKey(), entry.getValue());
            }
        }
    }

    private void keep(RollupPeriod period, Key key, Totals totals) throws SQLException {
        PreparedStatement read = database.statement(SKETCHES.formatted(period.table()));
        key.bind(read);
        try (ResultSet r = read.executeQuery()) {
            if (r.next()) {
                totals.ttft.addStored(r.getBytes(1));
                totals.total.addStored(r.getBytes(2));
                totals.tps.addStored(r.getBytes(3));
            }
        }
        PreparedStatement write = database.statement(UPSERT.formatted(period.table()));
        key.bind(write);
        write.setLong(6, totals.calls);
        write.setLong(7, totals.errors);
        write.setLong(8, totals.inputTokens);
        write.setLong(9, totals.inputCounted);
        write.setLong(10, totals.outputTokens);
        write.setLong(11, totals.outputCounted);
        write.setDouble(12, totals.costUsd);
        write.setLong(13, totals.costCounted);
        setSketch(write, 14, totals.ttft);
        setSketch(write, 15, totals.total);
        setSketch(write, 16, totals.tps);
        write.executeUpdate();
    }

    /**
     * Drops the rollups of the calls before the cutoff, which the caller has just deleted in the same transaction;
     * the hour and the day the cutoff falls in are rolled up again from the calls left in them.
     */
    void pruneBefore(Instant cutoff) throws SQLException {
        for (RollupPeriod period : RollupPeriod.values()) {
            PreparedStatement drop = database.statement("DELETE FROM " + period.table() + " WHERE start < ?");
            drop.setString(1, period.start(cutoff));
            drop.executeUpdate();
            Instant start = period.startOf(cutoff);
            rebuild(period, start, period.next(start));
        }
    }

    /** Rolls the periods that start from {@code from} up to {@code to} up again from their calls, as V9 did. */
    void rebuild(RollupPeriod period, Instant from, Instant to) throws SQLException {
        PreparedStatement drop = database.statement("DELETE FROM " + period.table() + " WHERE start >= ? AND start < ?");
        drop.setString(1, Timestamps.format(from));
        drop.setString(2, Timestamps.format(to));
        drop.executeUpdate();
        PreparedStatement rebuild = database.statement(REBUILD.formatted(period.table(), period.startSql("started_at"),
                bucket("v")));
        rebuild.setString(1, Timestamps.format(from));
        rebuild.setString(2, Timestamps.format(to));
        rebuild.executeUpdate();
    }

    private static void setSketch(PreparedStatement s, int index, QuantileSketch sketch) throws SQLException {
        byte[] stored = sketch.stored();
        if (stored == null) {
            s.setNull(index, Types.BLOB);
        } else {
            s.setBytes(index, stored);
        }
    }

    private record Key(String start, String feature, String operation, String provider, String model) {
        void bind(PreparedStatement s) throws SQLException {
            s.setString(1, start);
            s.setString(2, feature);
            s.setString(3, operation);
            s.setString(4, provider);
            s.setString(5, model);
        }
    }

    /** One key's share of a batch. */
    private static final class Totals {
        long calls;
        long errors;
        long inputTokens;
        long inputCounted;
        long outputTokens;
        long outputCounted;
        double costUsd;
        long costCounted;
        final QuantileSketch ttft = new QuantileSketch();
        final QuantileSketch total = new QuantileSketch();
        final QuantileSketch tps = new QuantileSketch();

        void add(PricedCall priced) {
            ModelCall call = priced.call();
            calls++;
            if (call.outcome() == CallOutcome.ERROR) {
                errors++;
            }
            if (call.inputTokens() != null) {
                inputTokens += call.inputTokens();
                inputCounted++;
            }
            if (call.outputTokens() != null) {
                outputTokens += call.outputTokens();
                outputCounted++;
            }
            if (priced.costUsd() != null) {
                costUsd += priced.costUsd();
                costCounted++;
            }
            if (call.outcome() == CallOutcome.OK) {
                if (call.ttftMs() != null) {
                    ttft.add(call.ttftMs());
                }
                total.add(call.totalMs());
                if (call.tokensPerSecond() != null) {
                    tps.add(call.tokensPerSecond());
                }
            }
        }
    }
}
