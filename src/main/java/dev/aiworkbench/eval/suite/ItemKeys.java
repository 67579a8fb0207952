package dev.aiworkbench.eval.suite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable key of a suite item, which pairs it with the same item in a baseline run.
 *
 * <p>The key is derived from what the item asks, never from where it sits, so reordering tests,
 * moving them between files or formats (CSV to YAML), or changing their assertions, threshold,
 * cluster or metadata keeps every key; changing the description or any var value (including a
 * {@code defaultTest} var, or the text of a {@code file://} var) makes a new item.
 *
 * <p>The key is {@code <slug>-<hash>}:
 * <ul>
 *   <li>{@code slug}: the description in lower case, each run of characters other than {@code a-z}
 *       and {@code 0-9} turned into one {@code -}, trimmed of {@code -}, cut to at most 40 characters
 *       (at a {@code -} when there is one); {@code case} when that leaves nothing. It is there for
 *       people; only the hash makes the key unique.</li>
 *   <li>{@code hash}: the first 12 hex digits of SHA-256 over the UTF-8 bytes of
 *       {@code "d" + len(description) + ":" + description}, then for each var in ascending name order
 *       (by UTF-16 code units, as {@link String#compareTo}) {@code "n" + len(name) + ":" + name + "v" +
 *       len(value) + ":" + value}, where {@code len} is the length in UTF-16 code units written in
 *       decimal. A missing description counts as the empty one. The length prefixes make the encoding
 *       unambiguous whatever the texts contain.</li>
 * </ul>
 * Two items of one suite with the same description and vars get the same key; the loader keeps both,
 * warns, and suffixes the later ones {@code ~2}, {@code ~3}… in suite order.
 */
public final class ItemKeys {
    private static final int SLUG_MAX = 40;
    private static final int HASH_HEX = 12;

    private ItemKeys() {
    }

    public static String of(String description, Map<String, String> vars) {
        String text = description == null ? "" : description;
        StringBuilder canonical = new StringBuilder();
        canonical.append('d').append(text.length()).append(':').append(text);
        for (Map.Entry<String, String> var : new TreeMap<>(vars).entrySet()) {
            String value = var.getValue() == null ? "" : var.getValue();
            canonical.append('n').append(var.getKey().length()).append(':').append(var.getKey())
                    .append('v').append(value.length()).append(':').append(value);
        }
        return slug(text) + "-" + sha256(canonical.toString()).substring(0, HASH_HEX);
    }

    static String slug(String description) {
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX) {
            String cut = slug.substring(0, SLUG_MAX);
            int dash = cut.lastIndexOf('-');
            slug = dash > 0 ? cut.substring(0, dash) : cut;
        }
        return slug.isEmpty() ? "case" : slug;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
