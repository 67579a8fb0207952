package dev.aiworkbench.curriculum;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The paths a zip's entries make, checked as one tree: no entry twice (a reader shows one of the two, so the file that
 * was checked need not be the file that is installed), no two paths that a case-insensitive, normalizing file system
 * (macOS, Windows) takes for one, and no path that is both a file and a folder (a reader shows one and hides the
 * other).
 */
final class EntryTree {
    private record Node(String path, boolean folder) {
    }

    private final Path zip;
    private final Set<String> entries = new HashSet<>();
    private final Map<String, Node> nodes = new HashMap<>();

    EntryTree(Path zip) {
        this.zip = zip;
    }

    /** Adds an entry (a folder entry ends with a slash), with every folder above it. */
    void add(String entry) throws PackAccessException {
        if (!entries.add(entry)) {
            throw new PackAccessException(zip + " holds the entry " + entry + " twice, so two readers could see"
                    + " different files under one name; build the zip again from the pack folder");
        }
        boolean folder = entry.endsWith("/");
        String path = folder ? entry.substring(0, entry.length() - 1) : entry;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            node(path.substring(0, slash), true);
        }
        node(path, folder);
    }

    private void node(String path, boolean folder) throws PackAccessException {
        Node seen = nodes.putIfAbsent(EntryNames.clashKey(path), new Node(path, folder));
        if (seen == null) {
            return;
        }
        if (!seen.path().equals(path)) {
            String how = Normalizer.normalize(seen.path(), Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(path, Normalizer.Form.NFC))
                    ? " are one name written in two Unicode forms (a letter such as é as one character, or as a letter"
                    + " and an accent)" : " differ only in letter case";
            throw new PackAccessException(zip + ": the entries " + seen.path() + " and " + path + how + ", so they are"
                    + " one file on macOS and Windows; rename one in the pack folder and build the zip again");
        }
        if (seen.folder() != folder) {
            throw new PackAccessException(zip + ": " + path + " is both a file and a folder in the zip, so a reader"
                    + " would show only one of them; build the zip again from the pack folder");
        }
    }
}
