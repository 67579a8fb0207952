package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.store.Database;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The learner's price table: US dollars per million input and output tokens, per named price point.
 * On first use it holds the local row (free) and a few hosted list prices as editable examples, so
 * the playground can show what the same run would cost elsewhere. Each call is one transaction.
 */
public final class PriceTable {
    public static final String LOCAL = "Local (Ollama)";

    /**
     * When the example prices were taken. They are the providers' list prices for standard (not batch, not cached)
     * text tokens as their pages stated them, read from stored copies of those pages (the build has no network):
     * examples to compare with, not a feed. The providers migration puts the same rows into tables seeded before.
     */
    public static final String EXAMPLES_AS_OF = "2026-12-05";

    private static final String EXAMPLE_NOTE = "example list price as of " + EXAMPLES_AS_OF
            + "; check the provider's pricing page";
    private static final String OPENAI_MODELS = " (developers.openai.com/api/docs/models/";
    private static final String ANTHROPIC_PRICING = " (platform.claude.com/docs/en/about-claude/pricing)";

    /** What a new database starts with. */
    static final List<PriceRow> SEED = List.of(
            new PriceRow(LOCAL, 0, 0, "your own machine: no per-token charge", true),
            PriceRow.of("OpenAI GPT-4o mini", 0.15, 0.60, EXAMPLE_NOTE + OPENAI_MODELS + "gpt-4o-mini)",
                    List.of("gpt-4o-mini*")),
            PriceRow.of("OpenAI GPT-4o", 2.50, 10.00, EXAMPLE_NOTE + OPENAI_MODELS + "gpt-4o)",
                    List.of("gpt-4o", "gpt-4o-20*")),
            PriceRow.of("Anthropic Claude Haiku 4.5", 1.00, 5.00, EXAMPLE_NOTE + ANTHROPIC_PRICING,
                    List.of("claude-haiku-4-5*")),
            PriceRow.of("Anthropic Claude Sonnet 4.5 and 4.6", 3.00, 15.00, EXAMPLE_NOTE + ANTHROPIC_PRICING,
                    List.of("claude-sonnet-4-5*", "claude-sonnet-4-6*")),
            PriceRow.of("OpenAI GPT-5.6 Luna", 0.20, 1.20, EXAMPLE_NOTE + OPENAI_MODELS + "gpt-5.6-luna)",
                    List.of("gpt-5.6-luna*")),
            PriceRow.of("OpenAI GPT-5.6 Terra", 2.00, 12.00, EXAMPLE_NOTE + OPENAI_MODELS + "gpt-5.6-terra)",
                    List.of("gpt-5.6-terra*")),
            PriceRow.of("Anthropic Claude Sonnet 5.5", 2.00, 10.00, EXAMPLE_NOTE + ANTHROPIC_PRICING,
                    List.of("claude-sonnet-5-5*")),
            PriceRow.of("Anthropic Claude Opus 5.5", 4.00, 20.00, EXAMPLE_NOTE + ANTHROPIC_PRICING,
                    List.of("claude-opus-5-5*")),
            // V14: gpt-6-luna replaces gpt-4o-mini (shut down 2027-01-14); the GPT-4o rows stay for calls priced before
            PriceRow.of("OpenAI GPT-6 Luna", 0.10, 0.50, EXAMPLE_NOTE + OPENAI_MODELS + "gpt-6-luna)",
                    List.of("gpt-6-luna*")),
            PriceRow.of("Anthropic Claude Fable 5.1", 10.00, 50.00, EXAMPLE_NOTE + ANTHROPIC_PRICING,
                    List.of("claude-fable-5-1*")));

    private final Database database;
    private final PriceStore store;

    public PriceTable(Database database) {
        this.database = database;
        this.store = new PriceStore(database);
    }

    /**
     * Seeds an empty table. The local row can never be removed, so an empty table is one that was
     * never seeded, and rows the learner removed do not come back.
     */
    private void seeded() throws SQLException {
        if (store.isEmpty()) {
            for (PriceRow row : SEED) {
                store.insert(row);
            }
        }
    }

    /** The local row first, then the others in the order they were added. */
    public List<PriceRow> rows() {
        return database.inTransaction(c -> {
            seeded();
            return store.rows();
        });
    }

    /** @throws IllegalArgumentException naming the rows there are */
    public PriceRow row(String name) {
        return database.inTransaction(c -> {
            seeded();
            return existing(name);
        });
    }

    /** Adds a hosted price point. @throws IllegalArgumentException when the name is taken */
    public PriceRow add(PriceRow row) {
        PriceRow added = PriceRow.of(row.name(), row.inputUsdPerMillion(), row.outputUsdPerMillion(), row.note(),
                row.models());
        return database.inTransaction(c -> {
            seeded();
            refuseTaken(added.name(), null);
            store.insert(added);
            return added;
        });
    }

    /** Changes a row's name, prices or note; the local row stays the local row. */
    public PriceRow edit(String name, PriceRow changed) {
        return database.inTransaction(c -> {
            seeded();
            PriceRow current = existing(name);
            refuseTaken(changed.name(), current.name());
            PriceRow edited = new PriceRow(changed.name(), changed.inputUsdPerMillion(), changed.outputUsdPerMillion(),
                    changed.note(), current.local(), changed.models());
            store.update(current.name(), edited);
            return edited;
        });
    }

    /** Removes a hosted row. @throws IllegalArgumentException for the local row or an unknown name */
    public void remove(String name) {
        database.inTransaction(c -> {
            seeded();
            PriceRow current = existing(name);
            if (current.local()) {
                throw new IllegalArgumentException("'" + current.name() + "' is the local row and stays; set its "
                        + "prices to what your machine costs you instead");
            }
            store.delete(current.name());
            return null;
        });
    }

    /**
     * The row that prices a hosted model: the first, in table order, whose patterns match its name; empty when none
     * does (a cost is then unknown, never taken from another model's row).
     */
    public Optional<PriceRow> rowFor(String model) {
        return rows().stream().filter(row -> !row.local() && row.appliesTo(model)).findFirst();
    }

    /** The cost of a call at the named row; empty when a token count is unknown. */
    public OptionalDouble costUsd(String priceName, Usage usage) {
        return row(priceName).costUsd(usage);
    }

    /** What the same call would cost at every row, in table order. */
    public List<PriceQuote> quotes(Usage usage) {
        return rows().stream().map(row -> new PriceQuote(row, row.costUsd(usage))).toList();
    }

    private PriceRow existing(String name) throws SQLException {
        String wanted = name == null ? "" : name.strip();
        Optional<PriceRow> row = store.row(wanted);
        if (row.isPresent()) {
            return row.get();
        }
        List<String> names = store.rows().stream().map(r -> "'" + r.name() + "'").toList();
        throw new IllegalArgumentException("there is no price row '" + wanted + "'; the rows are " + Words.and(names));
    }

    private void refuseTaken(String name, String except) throws SQLException {
        for (PriceRow row : store.rows()) {
            if (row.name().equalsIgnoreCase(name) && (except == null || !row.name().equals(except))) {
                throw new IllegalArgumentException("there is already a price row '" + row.name() + "'; choose another "
                        + "name or edit that row");
            }
        }
    }
}
