package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.SemanticVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The installed packs in the data folder: {@code packs/<id>/<version>/} holds a pack's files,
 * {@code packs/<id>/current} the version used for that id, {@code packs/<id>/<version>.properties} where it came
 * from, and {@code packs/active} the id of the active pack. Plain files rather than database rows, so the app can
 * read the pack while the database opens. Every write goes to a temporary name first and is renamed into place.
 */
public final class PackShelf {
    static final String ACTIVE_FILE = "active";
    private static final String CURRENT_FILE = "current";
    private static final String DETAILS_SUFFIX = ".properties";
    /** Temporary names start with a dot, so that listing never mistakes a half-made folder for a pack. */
    private static final String TEMPORARY_PREFIX = ".";

    private final Path root;

    /** @param root the {@code packs} folder of a data folder; created on the first write */
    public PackShelf(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The id of the active pack, when one was chosen with {@code pack use}. */
    public Optional<String> activeId() {
        return readSmallFile(root.resolve(ACTIVE_FILE));
    }

    /** Makes an id the active one; empty clears the choice, so the built-in pack is active. */
    public void setActive(Optional<String> id) throws IOException {
        if (id.isEmpty()) {
            Files.deleteIfExists(root.resolve(ACTIVE_FILE));
        } else {
            writeAtomically(root.resolve(ACTIVE_FILE), id.get());
        }
    }

    /** The installed pack ids with their versions, sorted by id. */
    public List<InstalledPackEntry> list() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<InstalledPackEntry> entries = new ArrayList<>();
        for (Path idFolder : children(root)) {
            find(idFolder.getFileName().toString()).ifPresent(entries::add);
        }
        return entries;
    }

    /** An installed id, when at least one of its versions is on disk. */
    public Optional<InstalledPackEntry> find(String id) {
        if (!isPlainName(id) || id.startsWith(TEMPORARY_PREFIX)) {
            return Optional.empty();
        }
        Path idFolder = idFolder(id);
        if (!Files.isDirectory(idFolder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<InstalledVersion> versions = children(idFolder).stream()
                .map(folder -> version(id, folder))
                .sorted(Comparator.comparing(InstalledVersion::version, SemanticVersion::compare))
                .toList();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> chosen = readSmallFile(idFolder.resolve(CURRENT_FILE));
        InstalledVersion current = versions.stream().filter(v -> chosen.isPresent() && v.version().equals(chosen.get()))
                .findFirst().orElse(versions.get(versions.size() - 1));
        return Optional.of(new InstalledPackEntry(id, versions, current));
    }

    public boolean holds(String id, String version) {
        return Files.isDirectory(idFolder(id).resolve(version), LinkOption.NOFOLLOW_LINKS);
    }

    /** A fresh folder under {@code packs/} for a pack being copied in; {@link #place} or {@link #discard} ends it. */
    Path newStagingFolder() throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(root.resolve(TEMPORARY_PREFIX + "install-" + UUID.randomUUID()));
    }

    /** Renames a staged pack into {@code packs/<id>/<version>} and makes that version the one used for its id. */
    void place(Path staged, InstalledVersion details) throws IOException {
        Path idFolder = idFolder(details.id());
        Files.createDirectories(idFolder);
        Properties properties = new Properties();
        properties.setProperty("title", details.title());
        properties.setProperty("source", details.source());
        properties.setProperty("signature", details.signature());
        Path stagedDetails = staged.resolveSibling(staged.getFileName() + DETAILS_SUFFIX);
        try (var out = Files.newOutputStream(stagedDetails)) {
            properties.store(out, "where this version of the pack came from");
        }
        move(stagedDetails, idFolder.resolve(details.version() + DETAILS_SUFFIX));
        move(staged, idFolder.resolve(details.version()));
        writeAtomically(idFolder.resolve(CURRENT_FILE), details.version());
    }

    /** Makes an installed version the one used for its id again (after an upgrade that could not finish). */
    void setCurrent(String id, String version) throws IOException {
        writeAtomically(idFolder(id).resolve(CURRENT_FILE), version);
    }

    /**
     * Takes one version off the shelf (after an install that could not finish); the id goes with it when it was its
     * only version.
     */
    void removeVersion(String id, String version) throws IOException {
        Path idFolder = idFolder(id);
        Path aside = root.resolve(TEMPORARY_PREFIX + "removing-" + UUID.randomUUID());
        move(idFolder.resolve(version), aside);
        Files.deleteIfExists(idFolder.resolve(version + DETAILS_SUFFIX));
        deleteTree(aside);
        if (children(idFolder).isEmpty()) {
            remove(id);
        }
    }

    /** Removes a half-made staging folder after a failed copy. */
    void discard(Path staged) {
        try {
            deleteTree(staged);
        } catch (IOException e) {
            // What is left starts with a dot, so it is never listed as a pack; nothing else can be done here.
        }
    }

    /**
     * Removes every version of an id: the folder is renamed aside first, so a failure half-way never leaves a
     * half-deleted pack that looks installed.
     */
    public void remove(String id) throws IOException {
        Path aside = root.resolve(TEMPORARY_PREFIX + "removing-" + UUID.randomUUID());
        move(idFolder(id), aside);
        deleteTree(aside);
    }

    /** A name that stays one level below its folder: the active file is text anyone could have edited. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals("..") && !name.contains("/") && !name.contains("\\")
                && !name.contains(":");
    }

    private Path idFolder(String id) {
        if (!isPlainName(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a pack id");
        }
        return root.resolve(id);
    }

    private InstalledVersion version(String id, Path folder) {
        String version = folder.getFileName().toString();
        Properties properties = new Properties();
        try (var in = Files.newInputStream(folder.resolveSibling(version + DETAILS_SUFFIX))) {
            properties.load(in);
        } catch (IOException e) {
            // Details are a nicety: a version without them is still installed.
        }
        return new InstalledVersion(id, version, properties.getProperty("title", id),
                properties.getProperty("source", "unknown"), properties.getProperty("signature", "unknown"), folder);
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(TEMPORARY_PREFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Optional<String> readSmallFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes a small text file under a temporary name and renames it into place, so a reader never sees half of it. */
    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(TEMPORARY_PREFIX + file.getFileName() + "-" + UUID.randomUUID());
        Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
        move(temporary, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
