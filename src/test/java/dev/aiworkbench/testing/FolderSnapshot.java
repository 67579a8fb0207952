package dev.aiworkbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file, folder and link under a folder by relative path, each file with its size and SHA-256: two equal
 * snapshots mean the folder is byte for byte the same. A folder that does not exist has an empty snapshot.
 */
public record FolderSnapshot(SortedMap<String, String> entries) {
    public FolderSnapshot {
        entries = new TreeMap<>(entries);
    }

    public static FolderSnapshot of(Path folder) {
        SortedMap<String, String> entries = new TreeMap<>();
        if (!Files.exists(folder)) {
            return new FolderSnapshot(entries);
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.filter(p -> !p.equals(folder)).toList()) {
                entries.put(folder.relativize(path).toString().replace('\\', '/'), describe(path));
            }
            return new FolderSnapshot(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line a path, {@code path  what}, sorted: for assertions that show what differs. */
    public List<String> lines() {
        return entries.entrySet().stream().map(e -> e.getKey() + "  " + e.getValue()).toList();
    }

    /** What changed since {@code before}: paths added, removed, or whose content or kind differs; empty if none. */
    public List<String> changesSince(FolderSnapshot before) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> was : before.entries.entrySet()) {
            String now = entries.get(was.getKey());
            if (now == null) {
                changes.add("removed " + was.getKey());
            } else if (!now.equals(was.getValue())) {
                changes.add("changed " + was.getKey() + ": " + was.getValue() + " -> " + now);
            }
        }
        entries.keySet().stream().filter(path -> !before.entries.containsKey(path))
                .forEach(path -> changes.add("added " + path));
        return changes;
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link to " + Files.readSymbolicLink(path);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "folder";
        }
        byte[] bytes = Files.readAllBytes(path);
        try {
            return bytes.length + " bytes, sha256 " + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
