package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The files a suite may read: only regular files inside the suite's folder, reached without
 * symbolic links, each at most {@link #MAX_FILE_BYTES} and all together at most
 * {@link #MAX_TOTAL_BYTES}. A suite from a pull request is untrusted input; it must not read
 * {@code ~/.ssh} into a prompt, nor exhaust memory.
 */
final class SuiteFiles {
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    static final String FILE_SCHEME = "file://";

    private final Path folder;
    private final String displayFolder;
    private long totalBytes;
    /** The text of each file read so far, by its resolved path. */
    private final Map<Path, String> texts = new HashMap<>();

    /** @param suiteFile the suite file as given; names in problems start with its folder as given */
    SuiteFiles(Path suiteFile) {
        Path given = suiteFile.getParent();
        this.folder = (given == null ? Path.of("") : given).toAbsolutePath().normalize();
        this.displayFolder = given == null ? "" : slashes(given.toString());
    }

    /** The name problems use for a file inside the suite's folder. */
    String display(Path file) {
        String relative = slashes(folder.relativize(file.toAbsolutePath().normalize()).toString());
        return displayFolder.isEmpty() ? relative : displayFolder + "/" + relative;
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }

    /** Strips promptfoo's {@code file://} prefix. */
    static String withoutScheme(String written) {
        return written.startsWith(FILE_SCHEME) ? written.substring(FILE_SCHEME.length()) : written;
    }

    /**
     * The file a suite names, checked to be a regular file inside the suite's folder.
     *
     * @param written the path as written, with or without {@code file://}
     * @param at      where it is written, for the problem if it is refused
     * @param where   the setting that names it, e.g. {@code prompts[0]}, to start the problem's message
     */
    Path resolve(String written, SourcePosition at, String where) throws ProblemException {
        String prefix = Checks.prefix(where);
        String path = withoutScheme(written).strip();
        if (path.isEmpty()) {
            throw refused(at, prefix + "'" + written + "' names no file");
        }
        if (path.matches(".*[*?\\[\\]{}].*")) {
            throw refused(at, prefix + "'" + written + "' is a glob pattern; globs are not expanded here, so name each file");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            throw refused(at, prefix + "'" + written + "' is an absolute path; name files relative to the suite's folder");
        }
        Path resolved;
        try {
            resolved = folder.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw refused(at, prefix + "'" + written + "' is not a valid path (" + e.getReason() + ")");
        }
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw refused(at, prefix + "'" + written + "' leaves the suite's folder; a suite reads only files beside it or below it");
        }
        Path step = folder;
        for (Path part : folder.relativize(resolved)) {
            step = step.resolve(part);
            if (Files.isSymbolicLink(step)) {
                throw refused(at, prefix + "'" + written + "' goes through the symbolic link " + display(step)
                        + "; links are refused, so that a suite cannot read outside its folder");
            }
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(at, prefix + "'" + written + "': no such file (" + display(resolved) + ")");
        }
        if (!Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(at, prefix + "'" + written + "' is not a regular file");
        }
        return resolved;
    }

    /**
     * Whether something exists where a path would point (inside the folder or not, link or not), so
     * that a string which merely looks like a path can be told from one that names a file.
     */
    boolean somethingAt(String written) {
        String path = withoutScheme(written).strip();
        if (path.isEmpty() || path.matches(".*[*?\\[\\]{}].*")) {
            return false;
        }
        try {
            Path candidate = Path.of(path).isAbsolute() ? Path.of(path) : folder.resolve(path).normalize();
            return Files.exists(candidate, LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads a file the suite names, as {@link #resolve} found it, as UTF-8 (a byte-order mark is dropped). A file
     * named many times (a schema every test uses) is read, and counted against the size limits, once.
     */
    String read(Path resolved, String written, SourcePosition at, String where) throws ProblemException {
        String known = texts.get(resolved);
        if (known != null) {
            return known;
        }
        String text = load(resolved, written, at, Checks.prefix(where));
        texts.put(resolved, text);
        return text;
    }

    /** Reads the suite file itself, which the caller chose and may be anywhere. */
    String readSuite(Path suiteFile) throws ProblemException {
        SourcePosition at = SourcePosition.startOf(display(suiteFile));
        if (!Files.exists(suiteFile)) {
            throw refused(at, "no such file");
        }
        if (!Files.isRegularFile(suiteFile)) {
            throw refused(at, "is not a regular file");
        }
        return load(suiteFile, suiteFile.toString(), at, "");
    }

    private String load(Path file, String written, SourcePosition at, String prefix) throws ProblemException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw refused(at, prefix + "'" + written + "': no such file");
        } catch (IOException e) {
            throw refused(at, prefix + "'" + written + "' cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw refused(at, prefix + "'" + written + "' is larger than " + MAX_FILE_BYTES / 1024 / 1024
                    + " MB, the most a suite file may hold");
        }
        totalBytes += bytes.length;
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw refused(at, prefix + "'" + written + "' takes the suite's files past " + MAX_TOTAL_BYTES / 1024 / 1024
                    + " MB in all");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw refused(at, prefix + "'" + written + "' is not UTF-8 text");
        }
    }

    private static ProblemException refused(SourcePosition at, String message) {
        return new ProblemException(Problem.error(at, message));
    }
}
