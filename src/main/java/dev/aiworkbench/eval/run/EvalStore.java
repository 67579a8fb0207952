package dev.aiworkbench.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.JsonColumns;
import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Timestamps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Eval runs and their cases in SQLite. Each write is one transaction, so a case is kept the moment its
 * transaction commits; cases that land together may share one.
 */
public final class EvalStore {
    private static final String RUN_COLUMNS = "id, suite_key, suite_file, description, prompt_label, provider_id, model, "
            + "model_digest, prompt_hash, dataset_hash, assertions_hash, options_hash, repeat, total_cases, state, "
            + "started_at, finished_at, gate_decision, gate_reason, pass_rate, pass_rate_low, pass_rate_high, items, failure";

    private final Database database;

    public EvalStore(Database database) {
        this.database = database;
    }

    /** Stores a run of its own, or a cell of a matrix run (whose own row {@link #insertMatrix} stored first). */
    void insert(EvalRun run) {
        insert(run, null);
    }

    /** Stores a matrix run's own row: the run its {@code cells} cells name. */
    void insertMatrix(EvalRun run, int cells) {
        insert(run, cells);
    }

    private void insert(EvalRun run, Integer cells) {
        database.inTransaction(c -> Sql.bind(database, "INSERT INTO eval_run (" + RUN_COLUMNS + ", matrix_run, cell, "
                        + "cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.id(), run.suiteKey(),
                run.suiteFile(), run.description(), run.promptLabel(), run.providerId(), run.model(),
                run.fingerprint().modelDigest(), run.fingerprint().promptHash(), run.fingerprint().datasetHash(),
                run.fingerprint().assertionsHash(), run.fingerprint().optionsHash(), run.repeat(), run.totalCases(),
                run.state().id(), run.startedAt(), run.finishedAt(), run.gateDecision(), run.gateReason(),
                run.passRate(), run.passRateLow(), run.passRateHigh(), run.items(), run.failure(),
                run.matrixRunId().orElse(null), run.matrixRunId().isPresent() ? run.cell() : null, cells).executeUpdate());
    }

    /** Records how a run ended and what it measured (its report writes the figures and the gate). */
    public void record(EvalRun run) {
        database.inTransaction(c -> Sql.bind(database, "UPDATE eval_run SET state = ?, finished_at = ?, gate_decision = ?, "
                        + "gate_reason = ?, pass_rate = ?, pass_rate_low = ?, pass_rate_high = ?, items = ?, failure = ? "
                        + "WHERE id = ?", run.state().id(), run.finishedAt(), run.gateDecision(), run.gateReason(),
                run.passRate(), run.passRateLow(), run.passRateHigh(), run.items(), run.failure(), run.id())
                .executeUpdate());
    }

    /** Marks a run as running again, for a resume. */
    void reopen(String runId) {
        database.inTransaction(c -> Sql.bind(database, "UPDATE eval_run SET state = 'running', finished_at = NULL, "
                + "failure = NULL WHERE id = ?", runId).executeUpdate());
    }

    /**
     * Keeps cases that landed together in one transaction: all of them or none. The runner's writer
     * passes what landed while it was writing the previous ones, so under load a commit (and its write
     * of the table's pages) serves several cases, and when they come one at a time each gets its own.
     */
    void putCases(String runId, List<CaseResult> results) {
        // Written as JSON before the transaction, so the database lock is held for the inserts only.
        String[] vars = new String[results.size()];
        String[] assertions = new String[results.size()];
        for (int i = 0; i < results.size(); i++) {
            vars[i] = json(results.get(i).vars());
            assertions[i] = json(results.get(i).assertions());
        }
        database.inTransaction(c -> {
            for (int i = 0; i < results.size(); i++) {
                CaseResult result = results.get(i);
                Sql.bind(database, "INSERT OR REPLACE INTO eval_case (run_id, item_key, repeat_index, "
                                + "description, cluster, vars, prompt, output, pass, score, error, assertions, latency_ms, "
                                + "prompt_tokens, output_tokens, attempts, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                + "?, ?, ?, ?, ?, ?)", runId, result.itemKey(), result.repeatIndex(), result.description(),
                        result.cluster(), vars[i], result.prompt(), result.output(), result.pass(), result.score(),
                        result.error(), assertions[i], result.latencyMs(), result.promptTokens(), result.outputTokens(),
                        result.attempts(), result.finishedAt()).executeUpdate();
            }
            return null;
        });
    }

    public Optional<EvalRun> run(String id) {
        return database.inTransaction(c -> {
            try (ResultSet r = Sql.bind(database, "SELECT " + RUN_COLUMNS + " FROM eval_run WHERE id = ?", id).executeQuery()) {
                return r.next() ? Optional.of(run(r)) : Optional.empty();
            }
        });
    }

    /**
     * Runs, newest first. Of a key: the runs that measured it, runs of their own and cells of matrix runs alike (a
     * matrix run's own row measures nothing). When {@code suiteKey} is null: every run as the history lists it, a
     * matrix run as its own row without its cells ({@link #cells}).
     */
    public List<EvalRun> runs(String suiteKey, int limit) {
        return database.inTransaction(c -> {
            List<EvalRun> runs = new ArrayList<>();
            String where = suiteKey == null ? " WHERE matrix_run IS NULL" : " WHERE suite_key = ? AND cells IS NULL";
            Object[] parameters = suiteKey == null ? new Object[] {limit} : new Object[] {suiteKey, limit};
            try (ResultSet r = Sql.bind(database, "SELECT " + RUN_COLUMNS + " FROM eval_run" + where
                    + " ORDER BY started_at DESC, id DESC LIMIT ?", parameters).executeQuery()) {
                while (r.next()) {
                    runs.add(run(r));
                }
            }
            return runs;
        });
    }

    /** Finished runs of the suite with a pass rate, started in [from, to), oldest first: the pass-rate series. */
    public List<EvalRun> finishedRuns(String suiteKey, Instant from, Instant to) {
        return database.inTransaction(c -> {
            List<EvalRun> runs = new ArrayList<>();
            try (ResultSet r = Sql.bind(database, "SELECT " + RUN_COLUMNS + " FROM eval_run WHERE suite_key = ? "
                    + "AND state = 'finished' AND pass_rate IS NOT NULL AND started_at >= ? AND started_at < ? "
                    + "ORDER BY started_at, id", suiteKey, from, to).executeQuery()) {
                while (r.next()) {
                    runs.add(run(r));
                }
            }
            return runs;
        });
    }

    /**
     * Per finished run of the suite started in [from, to), oldest first, the recorded mean of each of the given
     * assertion types (see {@link #recordMeasures}); a run without an assertion of a type has no row for it.
     */
    public List<MeasureAggregate> measures(String suiteKey, Instant from, Instant to, List<String> assertionTypes) {
        if (assertionTypes.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(suiteKey, from, to));
        parameters.addAll(assertionTypes);
        String sql = "SELECT r.id, r.started_at, q.measure, q.items, q.mean, q.mean_of_squares FROM eval_run r "
                + "JOIN eval_quality q ON q.run_id = r.id WHERE r.suite_key = ? AND r.state = 'finished' "
                + "AND r.started_at >= ? AND r.started_at < ? AND q.measure IN (" + marks(assertionTypes.size())
                + ") ORDER BY r.started_at, r.id, q.measure";
        return aggregates(sql, parameters.toArray());
    }

    /**
     * One run's mean score of each of the given assertion types (as written: {@code context-faithfulness}, not its
     * {@code not-} form), aggregated now from its stored cases: each case's scores of a type averaged, then each
     * item's cases (its repeats), then the items. Assertions that errored are left out.
     */
    public List<MeasureAggregate> measures(String runId, List<String> assertionTypes) {
        if (assertionTypes.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(runId));
        parameters.addAll(assertionTypes);
        // The column is named measure: json_each has a column called type, which GROUP BY would take instead.
        String sql = """
                WITH per_case AS (
                    SELECT json_extract(a.value, '$.type') AS measure, c.item_key,
                           AVG(json_extract(a.value, '$.score')) AS score
                    FROM eval_case c, json_each(c.assertions) a
                    WHERE c.run_id = ?1 AND json_extract(a.value, '$.type') IN (%s)
                      AND json_extract(a.value, '$.error') = 0
                    GROUP BY measure, c.item_key, c.repeat_index
                ), per_item AS (
                    SELECT measure, AVG(score) AS score FROM per_case GROUP BY measure, item_key
                )
                SELECT r.id, r.started_at, per_item.measure, COUNT(*), AVG(per_item.score),
                       AVG(per_item.score * per_item.score)
                FROM eval_run r, per_item WHERE r.id = ?1
                GROUP BY per_item.measure ORDER BY per_item.measure""".formatted(marks(assertionTypes.size()));
        return aggregates(sql, parameters.toArray());
    }

    /** What {@link #recordMeasures} keeps for the run. */
    public List<MeasureAggregate> recordedMeasures(String runId) {
        return aggregates("SELECT r.id, r.started_at, q.measure, q.items, q.mean, q.mean_of_squares FROM eval_run r "
                + "JOIN eval_quality q ON q.run_id = r.id WHERE r.id = ? ORDER BY q.measure", new Object[] {runId});
    }

    /** Keeps a run's measures for the quality series, in place of any it had, in one transaction. */
    public void recordMeasures(String runId, List<MeasureAggregate> measures) {
        database.inTransaction(c -> {
            Sql.bind(database, "DELETE FROM eval_quality WHERE run_id = ?", runId).executeUpdate();
            for (MeasureAggregate measure : measures) {
                Sql.bind(database, "INSERT INTO eval_quality (run_id, measure, items, mean, mean_of_squares) "
                        + "VALUES (?, ?, ?, ?, ?)", runId, measure.assertionType(), measure.items(), measure.mean(),
                        measure.meanOfSquares()).executeUpdate();
            }
            return null;
        });
    }

    private List<MeasureAggregate> aggregates(String sql, Object[] parameters) {
        return database.inTransaction(c -> {
            List<MeasureAggregate> rows = new ArrayList<>();
            try (ResultSet r = Sql.bind(database, sql, parameters).executeQuery()) {
                while (r.next()) {
                    rows.add(new MeasureAggregate(r.getString(1), Sql.instant(r, 2), r.getString(3), r.getInt(4),
                            r.getDouble(5), r.getDouble(6)));
                }
            }
            return rows;
        });
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The suite keys that have runs (a matrix run's are its cells'), the one run most recently first. */
    public List<String> suiteKeys() {
        return database.inTransaction(c -> {
            List<String> keys = new ArrayList<>();
            try (ResultSet r = Sql.bind(database, "SELECT suite_key FROM eval_run WHERE cells IS NULL GROUP BY suite_key "
                    + "ORDER BY MAX(started_at) DESC, suite_key").executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1));
                }
            }
            return keys;
        });
    }

    /** Each suite's newest finished run that has a pass rate, by suite key. */
    public List<EvalRun> latestFinished() {
        return database.inTransaction(c -> {
            List<EvalRun> runs = new ArrayList<>();
            try (ResultSet r = Sql.bind(database, "SELECT " + RUN_COLUMNS + " FROM eval_run r WHERE state = 'finished' "
                    + "AND pass_rate IS NOT NULL AND id = (SELECT id FROM eval_run l WHERE l.suite_key = r.suite_key "
                    + "AND l.state = 'finished' AND l.pass_rate IS NOT NULL ORDER BY l.started_at DESC, l.id DESC "
                    + "LIMIT 1) ORDER BY suite_key").executeQuery()) {
                while (r.next()) {
                    runs.add(run(r));
                }
            }
            return runs;
        });
    }

    /** The cells of a matrix run, in order; empty for a run of its own. */
    public List<EvalRun> cells(String runId) {
        return database.inTransaction(c -> {
            List<EvalRun> cells = new ArrayList<>();
            try (ResultSet r = Sql.bind(database, "SELECT " + RUN_COLUMNS + " FROM eval_run WHERE matrix_run = ? "
                    + "ORDER BY cell", runId).executeQuery()) {
                while (r.next()) {
                    cells.add(run(r));
                }
            }
            return cells;
        });
    }

    /**
     * The newest finished run of the suite (or cell: a matrix run's own row is never one) whose gate passed and that
     * graded the same way.
     */
    public Optional<EvalRun> lastPassed(String suiteKey, String assertionsHash, String exceptRunId) {
        return database.inTransaction(c -> {
            try (ResultSet r = Sql.bind(database, "SELECT " + RUN_COLUMNS + " FROM eval_run WHERE suite_key = ? "
                    + "AND assertions_hash = ? AND state = 'finished' AND gate_decision = 'pass' AND id <> ? AND cells IS NULL "
                    + "ORDER BY started_at DESC, id DESC LIMIT 1", suiteKey, assertionsHash, exceptRunId).executeQuery()) {
                return r.next() ? Optional.of(run(r)) : Optional.empty();
            }
        });
    }

    /** Which cases of the run are kept, as {@link #caseKey}s, without reading the cases themselves. */
    Set<String> caseKeys(String runId) {
        return database.inTransaction(c -> {
            Set<String> keys = new HashSet<>();
            try (ResultSet r = Sql.bind(database, "SELECT item_key, repeat_index FROM eval_case WHERE run_id = ?", runId)
                    .executeQuery()) {
                while (r.next()) {
                    keys.add(caseKey(r.getString(1), r.getInt(2)));
                }
            }
            return keys;
        });
    }

    /** One case of a run: an item and which of its repeats. */
    static String caseKey(String itemKey, int repeatIndex) {
        return itemKey + "\u0000" + repeatIndex;
    }

    /** How many cases of the run are kept, without reading them. */
    public int caseCount(String runId) {
        return database.inTransaction(c -> {
            try (ResultSet r = Sql.bind(database, "SELECT COUNT(*) FROM eval_case WHERE run_id = ?", runId).executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    public List<CaseResult> cases(String runId) {
        return database.inTransaction(c -> {
            List<CaseResult> cases = new ArrayList<>();
            try (ResultSet r = Sql.bind(database, "SELECT item_key, repeat_index, description, cluster, vars, prompt, "
                    + "output, pass, score, error, assertions, latency_ms, prompt_tokens, output_tokens, attempts, "
                    + "finished_at FROM eval_case WHERE run_id = ? ORDER BY rowid", runId).executeQuery()) {
                while (r.next()) {
                    cases.add(new CaseResult(r.getString(1), r.getInt(2), r.getString(3), r.getString(4),
                            JsonColumns.mapper().readValue(r.getString(5), new TypeReference<Map<String, String>>() { }),
                            r.getString(6), r.getString(7), r.getInt(8) == 1, r.getDouble(9), r.getString(10),
                            JsonColumns.mapper().readValue(r.getString(11), new TypeReference<List<AssertionResult>>() { }),
                            Sql.nullableLong(r, 12), Sql.nullableInt(r, 13), Sql.nullableInt(r, 14), r.getInt(15),
                            Sql.instant(r, 16)));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("a stored case is not readable JSON: " + e.getOriginalMessage(), e);
            }
            return cases;
        });
    }

    private static EvalRun run(ResultSet r) throws SQLException {
        return new EvalRun(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), new Fingerprint(r.getString(9), r.getString(10), r.getString(11),
                r.getString(12), r.getString(8)), r.getInt(13), r.getInt(14), RunState.fromId(r.getString(15)),
                Sql.instant(r, 16), r.getString(17) == null ? null : Timestamps.parse(r.getString(17)), r.getString(18),
                r.getString(19), Sql.nullableDouble(r, 20), Sql.nullableDouble(r, 21), Sql.nullableDouble(r, 22),
                Sql.nullableInt(r, 23), r.getString(24));
    }

    private static String json(Object value) {
        try {
            return JsonColumns.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
