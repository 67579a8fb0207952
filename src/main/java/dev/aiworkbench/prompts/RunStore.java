package dev.aiworkbench.prompts;

import dev.aiworkbench.store.Sql;
import dev.aiworkbench.store.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL behind kept playground runs. Every method runs inside a transaction its caller opened
 * with {@link Database#inTransaction}; statements are the database's cached ones.
 */
final class RunStore {
    static final int PREVIEW_CHARS = 120;

    private static final String FIGURES = "r.ttft_ms, r.total_ms, r.prompt_tokens, r.output_tokens, "
            + "r.tokens_per_second, r.cost_usd, r.price_name";
    private static final String SUMMARY = "SELECT r.id, r.created_at, p.name, r.prompt_version, r.model, "
            + "substr(r.template, 1, " + PREVIEW_CHARS + "), substr(r.output, 1, " + PREVIEW_CHARS + "), "
            + "r.done_reason, r.error IS NOT NULL, " + FIGURES + ", r.provider, json_array_length(r.tools), "
            + "json_array_length(r.tool_calls) "
            + "FROM playground_run r LEFT JOIN prompt p ON p.id = r.prompt_id ";

    private final Database database;

    RunStore(Database database) {
        this.database = database;
    }

    long insert(Instant at, String provider, Long promptId, RunSetup setup, RunOutcome outcome, RunFigures figures,
                String runKey) throws SQLException {
        try (ResultSet r = Sql.bind(database, "INSERT INTO playground_run (created_at, prompt_id, prompt_version, "
                        + "model, template, system_prompt, variables, options, format, format_schema, output, thinking, "
                        + "done_reason, error, ttft_ms, total_ms, prompt_tokens, output_tokens, tokens_per_second, "
                        + "cost_usd, price_name, run_key, provider, tools, tool_calls) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                at, promptId, setup.prompt() == null ? null : setup.prompt().version(), setup.model(),
                setup.template(), setup.system(), PromptJson.variables(setup.variables()),
                PromptJson.options(setup.options()), PromptJson.formatId(setup.format()),
                PromptJson.schema(setup.format()), outcome.output(), outcome.thinking(), outcome.doneReason(),
                outcome.error(), figures.ttftMs(), figures.totalMs(), figures.promptTokens(), figures.outputTokens(),
                figures.tokensPerSecond(), figures.costUsd(), figures.priceName(), runKey, provider,
                PromptJson.tools(setup.tools()), PromptJson.toolCalls(outcome.toolCalls())).executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    Optional<Long> idOfKey(String runKey) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT id FROM playground_run WHERE run_key = ?", runKey).executeQuery()) {
            return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
        }
    }

    Optional<PlaygroundRun> run(long id) throws SQLException {
        try (ResultSet r = Sql.bind(database, "SELECT r.id, r.created_at, p.name, r.prompt_version, r.model, "
                + "r.template, r.system_prompt, r.variables, r.options, r.format, r.format_schema, r.output, "
                + "r.thinking, r.done_reason, r.error, " + FIGURES + ", r.provider, r.tools, r.tool_calls "
                + "FROM playground_run r LEFT JOIN prompt p ON p.id = r.prompt_id WHERE r.id = ?", id).executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            RunSetup setup = new RunSetup(ref(r, 3, 4), r.getString(5), r.getString(6), r.getString(7),
                    PromptJson.variables(r.getString(8)), PromptJson.options(r.getString(9)),
                    PromptJson.format(r.getString(10), r.getString(11)), PromptJson.tools(r.getString(24)));
            return Optional.of(new PlaygroundRun(r.getLong(1), Sql.instant(r, 2), r.getString(23), setup,
                    r.getString(12), r.getString(13), r.getString(14), r.getString(15), figures(r, 16),
                    PromptJson.toolCalls(r.getString(25))));
        }
    }

    /** Newest first; {@code beforeId} null for the newest page. */
    List<RunSummary> recent(Long beforeId, int limit) throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        try (ResultSet r = Sql.bind(database, SUMMARY + "WHERE ?1 IS NULL OR r.id < ?1 ORDER BY r.id DESC LIMIT ?2",
                beforeId, limit).executeQuery()) {
            while (r.next()) {
                runs.add(new RunSummary(r.getLong(1), Sql.instant(r, 2), r.getString(17), ref(r, 3, 4),
                        r.getString(5), r.getString(6), r.getString(7),
                        r.getBoolean(9) ? RunStatus.FAILED : RunStatus.of(r.getString(8), null), figures(r, 10),
                        r.getInt(18), r.getInt(19)));
            }
        }
        return runs;
    }

    private static PromptRef ref(ResultSet r, int nameColumn, int versionColumn) throws SQLException {
        String name = r.getString(nameColumn);
        return name == null ? null : PromptRef.of(name, r.getInt(versionColumn));
    }

    private static RunFigures figures(ResultSet r, int first) throws SQLException {
        return new RunFigures(Sql.nullableLong(r, first), Sql.nullableLong(r, first + 1), Sql.nullableInt(r, first + 2),
                Sql.nullableInt(r, first + 3), Sql.nullableDouble(r, first + 4), Sql.nullableDouble(r, first + 5),
                r.getString(first + 6));
    }
}
