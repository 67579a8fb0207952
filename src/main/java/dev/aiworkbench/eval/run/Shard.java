package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.EvalSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a suite's items, so CI jobs can run a suite in parallel: part {@code number} holds
 * the items whose index {@code i} (in the suite's order) has {@code i % count == number - 1}. Every item is in exactly
 * one part, and an item keeps its part while the suite keeps its order. A part is stored as a run of its own, under
 * the suite's key with {@code #shard-K-of-N} added, so its baseline is the same part of an earlier run.
 */
public record Shard(int number, int count) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,4})/(\\d{1,4})");
    private static final Pattern IN_KEY = Pattern.compile("#shard-(\\d+)-of-(\\d+)$");

    public Shard {
        if (count < 1 || number < 1 || number > count) {
            throw new IllegalArgumentException("A shard is K/N with 1 ≤ K ≤ N (for example 2/4), not " + number + "/"
                    + count + ".");
        }
    }

    /** Reads {@code K/N}, as {@code --shard} takes it. */
    public static Shard parse(String written) {
        Matcher m = WRITTEN.matcher(written.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("A shard is written K/N (for example 2/4: the second of four parts), not '"
                    + written + "'.");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The part a stored run covered, read back from its suite key; empty for a run of the whole suite. */
    public static Optional<Shard> ofKey(String suiteKey) {
        Matcher m = IN_KEY.matcher(suiteKey);
        return m.find() ? Optional.of(new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** The whole suite's key of a stored run's key. */
    public static String wholeKey(String suiteKey) {
        return IN_KEY.matcher(suiteKey).replaceFirst("");
    }

    /** "shard 2/4" or "the whole suite", for a stored run's key. */
    public static String describe(String suiteKey) {
        return ofKey(suiteKey).map(s -> "shard " + s).orElse("the whole suite");
    }

    /** This part's items, in the suite's order. */
    public <T> List<T> of(List<T> items) {
        List<T> part = new ArrayList<>();
        for (int i = number - 1; i < items.size(); i += count) {
            part.add(items.get(i));
        }
        return part;
    }

    /** The suite with only this part's items. */
    public EvalSuite of(EvalSuite suite) {
        return new EvalSuite(suite.file(), suite.description(), suite.prompts(), suite.providers(), of(suite.tests()),
                suite.judge(), suite.maxConcurrency(), suite.repeat(), suite.gate());
    }

    /** The whole suite's key with this part named. */
    public String key(String suiteKey) {
        return suiteKey + "#shard-" + number + "-of-" + count;
    }

    @Override
    public String toString() {
        return number + "/" + count;
    }
}
