package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.Usage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What a million tokens cost at one price point.
 *
 * @param local  true for the one row that stands for the local model server; it cannot be removed.
 *               Ignored when adding or editing: which row is local never changes.
 * @param models the model names this row prices, as patterns where {@code *} stands for any text (e.g.
 *               {@code gpt-5.6-luna*} for the model and its dated versions); none for a row that only quotes
 */
public record PriceRow(String name, double inputUsdPerMillion, double outputUsdPerMillion, String note,
                       boolean local, List<String> models) {
    public static final int NAME_MAX = 80;
    private static final int PATTERN_MAX = 80;

    public PriceRow {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new IllegalArgumentException("a price row needs a name of 1 to " + NAME_MAX + " characters");
        }
        check(name, "input", inputUsdPerMillion);
        check(name, "output", outputUsdPerMillion);
        note = note == null ? "" : note.strip();
        models = models == null ? List.of() : models.stream().map(String::strip).filter(m -> !m.isEmpty())
                .map(m -> m.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String pattern : models) {
            if (pattern.length() > PATTERN_MAX || pattern.contains(",")) {
                throw new IllegalArgumentException("'" + pattern + "' is not a model pattern for '" + name + "': give "
                        + "model names of up to " + PATTERN_MAX + " characters, * for any text, separated by commas");
            }
        }
    }

    /** A row that names no models. */
    public PriceRow(String name, double inputUsdPerMillion, double outputUsdPerMillion, String note, boolean local) {
        this(name, inputUsdPerMillion, outputUsdPerMillion, note, local, List.of());
    }

    /** A row to add: not the local one. */
    public static PriceRow of(String name, double inputUsdPerMillion, double outputUsdPerMillion, String note) {
        return new PriceRow(name, inputUsdPerMillion, outputUsdPerMillion, note, false);
    }

    /** A row to add that prices the given models. */
    public static PriceRow of(String name, double inputUsdPerMillion, double outputUsdPerMillion, String note,
                              List<String> models) {
        return new PriceRow(name, inputUsdPerMillion, outputUsdPerMillion, note, false, models);
    }

    /** The patterns from text as written in the table: comma-separated. */
    public static List<String> parseModels(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip)
                .filter(m -> !m.isEmpty()).toList();
    }

    public PriceRow withModels(List<String> patterns) {
        return new PriceRow(name, inputUsdPerMillion, outputUsdPerMillion, note, local, patterns);
    }

    /** Whether one of this row's patterns matches the model's whole name, ignoring case. */
    public boolean appliesTo(String model) {
        String wanted = model == null ? "" : model.strip().toLowerCase(Locale.ROOT);
        return models.stream().anyMatch(pattern -> glob(pattern).matcher(wanted).matches());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
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
