package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.TestCase;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a suite's items, so CI jobs can run a suite in parallel. An item's part follows from
 * its stable key alone (the key that pairs it with a baseline, see {@code ItemKeys}): the first 8 bytes of SHA-256 of
 * the key, read as an unsigned number, modulo {@code count}, plus one. So every item is in exactly one part, and
 * reordering the file or adding an item moves no other item to another part: a shard's baseline, the same part of an
 * earlier run, keeps its items. Copies of one item ({@code key~2}, {@code key~3}) are hashed without their suffix and
 * stay together. A part is stored as a run of its own, under the suite's key with {@code #shard-K-of-N} added.
 */
public record Shard(int number, int count) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,4})/(\\d{1,4})");
    private static final Pattern IN_KEY = Pattern.compile("#shard-(\\d+)-of-(\\d+)$");
    /** The suffix the loader gives the second and later copies of one item. */
    private static final Pattern DUPLICATE = Pattern.compile("~\\d+$");

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
    public List<TestCase> of(List<TestCase> items) {
        return items.stream().filter(this::holds).toList();
    }

    /** Whether the item with this stable key belongs to this part. */
    public boolean holds(TestCase item) {
        return numberOf(item.key(), count) == number;
    }

    /** The part (1 to {@code count}) an item's stable key belongs to. */
    public static int numberOf(String itemKey, int count) {
        String key = DUPLICATE.matcher(itemKey).replaceFirst("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong(), count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The suite with only this part's items. */
    public EvalSuite of(EvalSuite suite) {
        return new EvalSuite(suite.file(), suite.description(), suite.prompts(), suite.providers(), of(suite.tests()),
                suite.judge(), suite.maxConcurrency(), suite.repeat(), suite.gate(), suite.gateCell(),
                suite.scriptTimeout());
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
