package dev.aiworkbench.prompts;

import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every playground run is kept: finished, stopped or failed, with its figures, so it can be listed
 * and reopened. Each call is one transaction.
 */
public final class RunHistory {
    public static final int MAX_PAGE = 500;

    private final Database database;
    private final RunStore runs;
    private final PromptStore prompts;
    private final Clock clock;

    public RunHistory(Database database, Clock clock) {
        this.database = database;
        this.runs = new RunStore(database);
        this.prompts = new PromptStore(database);
        this.clock = clock;
    }

    /**
     * Keeps a run.
     *
     * @param price the price row chosen in the playground, for the cost; null for no cost
     * @return the run as kept, with its id and figures
     * @throws UnknownPromptException when the setup names a prompt version the registry does not have
     */
    public PlaygroundRun record(RunSetup setup, RunOutcome outcome, PriceRow price) {
        return record(null, setup, outcome, price, null);
    }

    /**
     * Keeps a run made on a provider under the key its model call was tagged with, so the call's record leads back
     * to it and running it again goes to the same provider.
     *
     * @param provider the provider's name; null when not known
     * @param runKey   unique among runs; null for a run no call record names
     */
    public PlaygroundRun record(String provider, RunSetup setup, RunOutcome outcome, PriceRow price, String runKey) {
        Instant at = Timestamps.truncate(clock.instant());
        RunFigures figures = figures(outcome, price);
        return database.inTransaction(c -> {
            Long promptId = null;
            if (setup.prompt() != null) {
                PromptRef ref = setup.prompt();
                promptId = prompts.promptId(ref.name()).orElse(null);
                if (promptId == null || prompts.latestNumber(promptId) < ref.version()) {
                    throw new UnknownPromptException("the run names " + ref + ", which the registry does not have; "
                            + "save the prompt first or run it as a template");
                }
            }
            long id = runs.insert(at, provider, promptId, setup, outcome, figures, runKey);
            return new PlaygroundRun(id, at, provider, setup, outcome.output(), outcome.thinking(), outcome.doneReason(),
                    outcome.error(), figures, outcome.toolCalls());
        });
    }

    static RunFigures figures(RunOutcome outcome, PriceRow price) {
        var usage = outcome.usage();
        Double cost = null;
        if (price != null) {
            var quoted = price.costUsd(usage);
            cost = quoted.isPresent() ? quoted.getAsDouble() : null;
        }
        var tokensPerSecond = usage.tokensPerSecond();
        return new RunFigures(millis(outcome.timeToFirstToken()), millis(outcome.total()),
                usage.promptTokens().isPresent() ? usage.promptTokens().getAsInt() : null,
                usage.outputTokens().isPresent() ? usage.outputTokens().getAsInt() : null,
                tokensPerSecond.isPresent() ? tokensPerSecond.getAsDouble() : null, cost,
                price == null ? null : price.name());
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    /** The newest runs, newest first. */
    public List<RunSummary> recent(int limit) {
        checkLimit(limit);
        return database.inTransaction(c -> runs.recent(null, limit));
    }

    /**
     * The page after one already shown: runs older than {@code runId}, newest first. Paging by id
     * rather than by offset keeps pages stable while new runs arrive.
     */
    public List<RunSummary> olderThan(long runId, int limit) {
        checkLimit(limit);
        return database.inTransaction(c -> runs.recent(runId, limit));
    }

    /** The id of the run kept under the key a model call was tagged with, if it is kept. */
    public Optional<Long> idOfKey(String runKey) {
        return database.inTransaction(c -> runs.idOfKey(runKey));
    }

    /** A kept run, whole, to reopen it. */
    public Optional<PlaygroundRun> get(long id) {
        return database.inTransaction(c -> runs.run(id));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " runs, not " + limit);
        }
    }
}
