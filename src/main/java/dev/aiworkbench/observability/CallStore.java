package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The model_call table: batches of calls written in one transaction with their running totals (model_call_series)
 * and their rollups by hour and day (CallRollups), and pruning by age, which takes the rollups along and leaves the running
 * totals alone.
 */
final class CallStore {
    private static final String INSERT = "INSERT INTO model_call (started_at, feature, operation, provider, model, "
            + "prompt_id, prompt_version, eval_run_id, eval_item_key, eval_repeat, input_tokens, output_tokens, ttft_ms, "
            + "total_ms, tokens_per_second, cost_usd, outcome, error_kind, playground_run_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database database;
    private final CallRollups rollups;

    CallStore(Database database) {
        this.database = database;
        this.rollups = new CallRollups(database);
    }

    /** Prices and writes the calls in one transaction; returns them priced. */
    List<PricedCall> insert(List<ModelCall> calls, CallPricing pricing) {
        List<PricedCall> priced = new ArrayList<>(calls.size());
        for (ModelCall call : calls) {
            OptionalDouble cost = pricing.costUsd(call.provider(), call.model(), usage(call));
            priced.add(new PricedCall(call, cost.isPresent() ? cost.getAsDouble() : null));
        }
        database.inTransaction(c -> {
            long before;
            try (ResultSet last = database.statement("SELECT COALESCE(MAX(id), 0) FROM model_call").executeQuery()) {
                before = last.next() ? last.getLong(1) : 0;
            }
            PreparedStatement s = database.statement(INSERT);
            for (PricedCall row : priced) {
                bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
            // The write lock is held, by this process alone: the rows above the last id are exactly this batch.
            for (MetricSeries series : MetricSeries.values()) {
                PreparedStatement rollUp = database.statement(series.rollUp());
                rollUp.setLong(1, before);
                rollUp.executeUpdate();
            }
            rollups.add(priced);
            return null;
        });
        return priced;
    }

    /** Deletes the calls that started before the instant; returns how many. */
    int deleteBefore(Instant cutoff) {
        return database.inTransaction(c -> {
            PreparedStatement s = database.statement("DELETE FROM model_call WHERE started_at < ?");
            s.setString(1, Timestamps.format(cutoff));
            int deleted = s.executeUpdate();
            rollups.pruneBefore(cutoff);
            return deleted;
        });
    }

    private static Usage usage(ModelCall call) {
        return new Usage(optional(call.inputTokens()), optional(call.outputTokens()), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static void bind(PreparedStatement s, PricedCall row) throws SQLException {
        ModelCall call = row.call();
        CallTag tag = call.tag();
        s.setString(1, Timestamps.format(call.startedAt()));
        s.setString(2, tag.feature().id());
        s.setString(3, call.operation().id());
        s.setString(4, call.provider());
        s.setString(5, call.model());
        s.setString(6, tag.promptId());
        setInteger(s, 7, tag.promptVersion());
        s.setString(8, tag.evalRunId());
        s.setString(9, tag.evalItemKey());
        setInteger(s, 10, tag.evalRepeat());
        setInteger(s, 11, call.inputTokens());
        setInteger(s, 12, call.outputTokens());
        setDouble(s, 13, call.ttftMs());
        s.setDouble(14, call.totalMs());
        setDouble(s, 15, call.tokensPerSecond());
        setDouble(s, 16, row.costUsd());
        s.setString(17, call.outcome().id());
        s.setString(18, call.errorKind());
        s.setString(19, tag.playgroundRunKey());
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.REAL);
        } else {
            s.setDouble(index, value);
        }
    }
}
