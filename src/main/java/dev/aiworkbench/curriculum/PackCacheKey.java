package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where a pack is kept in a {@link PackCache} and what it must have been made from.
 *
 * <p>The stamps are the app's version, the cache's format, the app's build (its jar, or every file of its classes
 * folder) and the pack's files, each by name, size and modification time rather than by content: hashing every
 * file means reading it, and for the built-in pack that means opening the jar as a file system, which alone cost
 * more cold than reading the kept pack (bench/README.md, "Round 3"). The app's build stands for everything inside
 * it that a load's verdict depends on: the schemas, the rules' code, the labs the app ships and the built-in pack.
 * An edit that keeps a file's size and its modification time to the nanosecond goes unseen; editors and copies do
 * not do that. The stamps are kept whole in the cache file and compared as text, so no hash (and no cold start of
 * the JDK's security providers) is needed.
 *
 * @param slot   names the file, one per pack source (the built-in pack, a folder, a zip), so that a changed pack
 *               replaces its old entry instead of piling up beside it; two sources sharing a slot only evict each
 *               other, as their stamps differ
 * @param stamps what the kept pack was made from, one line per part
 */
public record PackCacheKey(String slot, String stamps) {

    /**
     * The key of the built-in pack, or of the pack at {@code override}; empty when the app's build or the pack cannot
     * be stamped (a file vanished while being listed, an app not run from a jar or a folder), and then nothing is
     * cached.
     */
    static Optional<PackCacheKey> of(Optional<Path> override, String builtInName, String appVersion) {
        try {
            StringBuilder stamps = new StringBuilder();
            stamps.append("app ").append(appVersion).append("\nformat ").append(PackCodec.FORMAT).append('\n');
            Optional<Path> app = codeSource();
            if (app.isEmpty()) {
                return Optional.empty();
            }
            stamp(stamps, "app build", app.get());
            String source;
            if (override.isPresent()) {
                Path pack = override.get().toAbsolutePath().normalize();
                source = "pack " + pack;
                stamp(stamps, "pack", pack);
            } else {
                Optional<Path> bundled = bundledContainer(builtInName);
                if (bundled.isEmpty()) {
                    return Optional.empty();
                }
                source = "built-in pack " + builtInName;
                stamp(stamps, "pack", bundled.get());
            }
            return Optional.of(new PackCacheKey("pack-" + Integer.toHexString(source.hashCode()), stamps.toString()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> codeSource() throws URISyntaxException {
        CodeSource code = PackCacheKey.class.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null || !"file".equals(code.getLocation().getProtocol())) {
            return Optional.empty();
        }
        return Optional.of(Path.of(code.getLocation().toURI()));
    }

    /** The jar that holds the built-in pack, or its folder when the app runs from a classes folder. */
    private static Optional<Path> bundledContainer(String name) throws URISyntaxException {
        URL manifest = PackCacheKey.class.getResource("/curriculum/" + name + "/pack.yaml");
        if (manifest == null) {
            return Optional.empty();
        }
        URI uri = manifest.toURI();
        if ("file".equals(uri.getScheme())) {
            return Optional.of(Path.of(uri).getParent());
        }
        String spec = uri.getRawSchemeSpecificPart();
        int separator = spec.indexOf("!/");
        if ("jar".equals(uri.getScheme()) && separator > 0 && spec.startsWith("file:")) {
            return Optional.of(Path.of(URI.create(spec.substring(0, separator))));
        }
        return Optional.empty();
    }

    /**
     * A file by its size and time; a folder by the names, kinds, sizes and times of everything in it but
     * {@linkplain PackClutter clutter}, which is not the pack's (a Git checkout's history changes with every fetch).
     */
    private static void stamp(StringBuilder stamps, String what, Path root) throws IOException {
        List<Path> entries;
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(root)) {
                entries = walk.filter(entry -> !PackClutter.isInsideFolder(root, entry)).sorted().toList();
            }
        } else {
            entries = List.of(root);
        }
        stamps.append(what).append(' ').append(root).append('\n');
        for (Path entry : entries) {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String kind = attributes.isDirectory() ? "d" : attributes.isSymbolicLink() ? "l"
                    : attributes.isRegularFile() ? "f" : "o";
            stamps.append(kind).append(' ').append(attributes.size()).append(' ')
                    .append(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)).append(' ')
                    .append(root.relativize(entry)).append('\n');
        }
    }
}
