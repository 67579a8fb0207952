package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a pack's files are: a folder, a zip of that folder, or the default pack inside the
 * application. Reading is defensive: nothing outside the pack is reachable, links are refused,
 * and sizes and entry counts are bounded so a hostile archive cannot exhaust the machine.
 */
public final class PackLocation implements Closeable {
    public static final int MAX_FILES = 20_000;
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;

    private final Path root;
    private final String displayName;
    private final FileSystem ownedFileSystem;
    private final ArchiveLimits limits;

    private PackLocation(Path root, String displayName, FileSystem ownedFileSystem, ArchiveLimits limits) {
        this.root = root;
        this.displayName = displayName;
        this.ownedFileSystem = ownedFileSystem;
        this.limits = limits;
    }

    /** Opens a pack folder or a {@code .zip} of one within the {@linkplain ArchiveLimits#DEFAULT usual limits}. */
    public static PackLocation open(Path folderOrZip) throws PackAccessException {
        return open(folderOrZip, ArchiveLimits.DEFAULT);
    }

    /**
     * Opens a pack folder or a {@code .zip} of one; the zip is checked entry by entry and its bytes counted before
     * anything in it is read, and a folder's files are counted and measured.
     */
    public static PackLocation open(Path folderOrZip, ArchiveLimits limits) throws PackAccessException {
        if (!Files.exists(folderOrZip)) {
            throw new PackAccessException(folderOrZip + " does not exist");
        }
        if (Files.isDirectory(folderOrZip)) {
            FolderScreen.check(folderOrZip, limits);
            return new PackLocation(folderOrZip.toAbsolutePath().normalize(), folderOrZip.toString(), null, limits);
        }
        ZipScreen.check(folderOrZip, limits);
        try {
            FileSystem zip = FileSystems.newFileSystem(folderOrZip);
            Path top = zip.getPath("/");
            return new PackLocation(packRootInside(top), folderOrZip.toString(), zip, limits);
        } catch (IOException | RuntimeException e) {
            throw new PackAccessException(folderOrZip + " is not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    /** The pack shipped inside the application under {@code /curriculum/<name>}. */
    public static PackLocation bundled(String name) throws PackAccessException {
        URL manifest = PackLocation.class.getResource("/curriculum/" + name + "/pack.yaml");
        if (manifest == null) {
            throw new PackAccessException("the application does not contain the pack '" + name + "'");
        }
        try {
            return new PackLocation(pathOf(manifest).getParent(), "built-in pack " + name, null, ArchiveLimits.DEFAULT);
        } catch (URISyntaxException | IOException e) {
            throw new PackAccessException("cannot open the built-in pack '" + name + "': " + e.getMessage());
        }
    }

    /**
     * Any folder shipped inside the application (read from the jar, or from target/classes when run from the
     * build), such as {@code labs}; names of its files are relative to that folder.
     */
    public static PackLocation bundledFolder(String folder, String displayName) throws PackAccessException {
        URL url = PackLocation.class.getResource("/" + folder + "/");
        if (url == null) {
            throw new PackAccessException("the application does not contain the folder '" + folder + "'");
        }
        try {
            return new PackLocation(pathOf(url), displayName, null, ArchiveLimits.DEFAULT);
        } catch (URISyntaxException | IOException e) {
            throw new PackAccessException("cannot open the application's folder '" + folder + "': " + e.getMessage());
        }
    }

    /** A resource of the application as a path: in the jar's file system (opened once, kept open) or on disk. */
    private static Path pathOf(URL resource) throws URISyntaxException, IOException {
        URI uri = resource.toURI();
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return jar.provider().getPath(uri);
        }
        return Path.of(uri);
    }

    /** A zip may hold pack.yaml at its top or inside one top-level folder. */
    private static Path packRootInside(Path top) throws IOException {
        if (Files.exists(top.resolve("pack.yaml"))) {
            return top;
        }
        try (Stream<Path> children = Files.list(top)) {
            List<Path> folders = children.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.exists(folders.get(0).resolve("pack.yaml"))) {
                return folders.get(0);
            }
        }
        return top;
    }

    public String displayName() {
        return displayName;
    }

    /** The relative, forward-slash name of a file in the pack, as problems report it. */
    public String relativeName(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public Path resolve(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException(relative + " leaves the pack folder");
        }
        return resolved;
    }

    public boolean exists(String relative) {
        return Files.exists(resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    /** Regular files directly inside a pack folder whose names end with the suffix, sorted by name. */
    public List<Path> list(String folder, String suffix) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(files::add);
        }
        return files;
    }

    /** Sub-folder names directly inside a pack folder, sorted. */
    public List<String> folders(String folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
        }
    }

    /**
     * Sub-folder names directly inside a pack folder that hold an entry of the given name (a file, or a link
     * that a reader will refuse), sorted.
     */
    public List<String> folders(String folder, String holding) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : folders(folder)) {
            if (Files.exists(resolve(folder + "/" + name + "/" + holding), LinkOption.NOFOLLOW_LINKS)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Every regular file in the pack (links included, so that they can be reported), as relative forward-slash
     * names, sorted; what lies in {@linkplain PackClutter clutter folders} is not the pack's.
     */
    public List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !PackClutter.isInsideFolder(root, p)).map(this::relativeName).sorted().toList();
        }
    }

    /**
     * Reads a pack file as UTF-8, refusing links, files over the size bound and bytes that are not UTF-8 (reported
     * at the line and column of the first such byte).
     */
    public String read(Path file) throws ProblemException {
        String name = relativeName(file);
        try {
            if (Files.isSymbolicLink(file)) {
                throw new ProblemException(Problem.error(SourcePosition.startOf(name),
                        "is a symbolic link; packs may not contain links"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw new ProblemException(Problem.error(SourcePosition.startOf(name),
                            "is larger than " + MAX_FILE_BYTES / 1024 + " KB"));
                }
                return Utf8Text.decode(name, bytes);
            }
        } catch (NoSuchFileException e) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(name), "file is missing"));
        } catch (IOException e) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(name), "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Copies every file of the pack into {@code target}, an empty folder, by the names {@link #files()} gives. Links
     * are refused, never followed, and the bytes read are counted against the limits per file and in total, whatever
     * sizes a zip declares or a file had when the pack was opened.
     */
    public void copyInto(Path target) throws IOException, PackAccessException {
        long total = 0;
        byte[] buffer = new byte[8192];
        for (String name : files()) {
            Path from = resolve(name);
            if (Files.isSymbolicLink(from)) {
                throw new PackAccessException(name + " is a symbolic link; packs may not contain links");
            }
            Path to = target.resolve(name).normalize();
            if (!to.startsWith(target)) {
                throw new PackAccessException(name + " leaves the pack folder");
            }
            Files.createDirectories(to.getParent());
            long copied = 0;
            try (InputStream in = Files.newInputStream(from);
                 OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    copied += n;
                    total += n;
                    if (copied > limits.maxEntryBytes()) {
                        throw new PackAccessException(displayName + ": " + name + " is larger than "
                                + ArchiveLimits.size(limits.maxEntryBytes()));
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new PackAccessException(displayName + "'s files add up to more than "
                                + ArchiveLimits.size(limits.maxTotalBytes()));
                    }
                    out.write(buffer, 0, n);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (ownedFileSystem != null) {
            ownedFileSystem.close();
        }
    }
}
