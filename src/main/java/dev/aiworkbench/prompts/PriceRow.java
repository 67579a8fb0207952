package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.Usage;

import java.util.OptionalDouble;

/**
 * What a million tokens cost at one price point.
 *
 * @param local true for the one row that stands for the local model server; it cannot be removed.
 *              Ignored when adding or editing: which row is local never changes.
 */
public record PriceRow(String name, double inputUsdPerMillion, double outputUsdPerMillion, String note,
                       boolean local) {
    public static final int NAME_MAX = 80;

    public PriceRow {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new IllegalArgumentException("a price row needs a name of 1 to " + NAME_MAX + " characters");
        }
        check(name, "input", inputUsdPerMillion);
        check(name, "output", outputUsdPerMillion);
        note = note == null ? "" : note.strip();
    }

    /** A row to add: not the local one. */
    public static PriceRow of(String name, double inputUsdPerMillion, double outputUsdPerMillion, String note) {
        return new PriceRow(name, inputUsdPerMillion, outputUsdPerMillion, note, false);
    }

    private static void check(String name, String which, double usdPerMillion) {
        if (!Double.isFinite(usdPerMillion) || usdPerMillion < 0) {
            throw new IllegalArgumentException("the " + which + " price of '" + name + "' must be zero or more US "
                    + "dollars per million tokens, not " + usdPerMillion);
        }
    }

    /** The cost of a call at this price; empty when the server did not say how many tokens it used. */
    public OptionalDouble costUsd(Usage usage) {
        if (usage.promptTokens().isEmpty() || usage.outputTokens().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((usage.promptTokens().getAsInt() * inputUsdPerMillion
                + usage.outputTokens().getAsInt() * outputUsdPerMillion) / 1_000_000);
    }
}
