package dev.aiworkbench.testing;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Sql;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A data folder's database seeded for budget checks, row by row, with figures a test works out by hand: model
 * calls (time, model, time to first token, cost, outcome) and finished eval runs with their gate decision, pass rate
 * and faithfulness.
 */
public final class BudgetSeed implements AutoCloseable {
    private final Database database;

    private BudgetSeed(Database database) {
        this.database = database;
    }

    /** Opens (and migrates) the database of a data folder; close it before a workbench opens the folder. */
    public static BudgetSeed open(Path dataFolder) {
        return new BudgetSeed(Database.open(dataFolder.resolve("workbench.db")));
    }

    /** A chat call; {@code cost} null for an unknown cost, {@code outcome} ok or error. */
    public BudgetSeed call(String at, String model, double ttftMs, Double cost, String outcome) {
        database.inTransaction(c -> Sql.bind(database, "INSERT INTO model_call (started_at, feature, operation, provider, "
                + "model, input_tokens, output_tokens, ttft_ms, total_ms, cost_usd, outcome, error_kind) VALUES (?, "
                + "'eval', 'chat', 'ollama', ?, 10, 5, ?, ?, ?, ?, ?)", Instant.parse(at), model, ttftMs, ttftMs + 100,
                cost, outcome, outcome.equals("ok") ? null : "timeout").executeUpdate());
        return this;
    }

    /**
     * A finished run of a suite.
     *
     * @param gate           pass, block, or null for no gate
     * @param assertionsHash runs compare only with runs that graded the same way
     */
    public BudgetSeed run(String id, String suite, String at, String gate, double passRate, String assertionsHash) {
        database.inTransaction(c -> Sql.bind(database, "INSERT INTO eval_run (id, suite_key, suite_file, description, "
                + "prompt_label, provider_id, model, model_digest, prompt_hash, dataset_hash, assertions_hash, "
                + "options_hash, repeat, total_cases, state, started_at, finished_at, gate_decision, gate_reason, "
                + "pass_rate, pass_rate_low, pass_rate_high, items, failure) VALUES (?, ?, ?, '', 'prompt', "
                + "'ollama:llama3.2', 'llama3.2', NULL, 'p', 'd', ?, 'o', 1, 20, 'finished', ?, ?, ?, NULL, ?, ?, ?, "
                + "20, NULL)", id, suite, suite, assertionsHash, Instant.parse(at), Instant.parse(at).plusSeconds(60),
                gate, passRate, Math.max(0, passRate - 0.1), Math.min(1, passRate + 0.1)).executeUpdate());
        return this;
    }

    /** The run's mean context-faithfulness over its items. */
    public BudgetSeed faithfulness(String runId, double mean) {
        database.inTransaction(c -> Sql.bind(database, "INSERT INTO eval_quality (run_id, measure, items, mean, "
                + "mean_of_squares) VALUES (?, 'context-faithfulness', 20, ?, ?)", runId, mean, mean * mean)
                .executeUpdate());
        return this;
    }

    @Override
    public void close() {
        database.close();
    }
}
