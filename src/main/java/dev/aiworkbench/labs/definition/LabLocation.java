package dev.aiworkbench.labs.definition;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where labs are: the labs shipped inside the application, the {@code labs/} folder of a folder on disk (the
 * repository, or a pack folder), or the {@code labs/} folder of an open pack (a folder or a zip). It reads
 * through a {@link PackLocation}, so the same defences hold: nothing outside is reachable, links are refused,
 * file sizes are bounded. Files are named in problems as {@code labs/<id>/...} in every case.
 */
public final class LabLocation implements Closeable {
    /** The folder that holds one folder per lab. */
    public static final String LABS = InstalledPack.BUNDLED_LABS;
    /** The file that makes a folder under labs/ a lab. */
    public static final String LAB_FILE = InstalledPack.LAB_FILE;

    private final PackLocation files;
    private final String labsFolder;
    private final String namePrefix;

    private LabLocation(PackLocation files, String labsFolder, String namePrefix) {
        this.files = files;
        this.labsFolder = labsFolder;
        this.namePrefix = namePrefix;
    }

    /** The labs shipped inside the application (from the jar, or target/classes when run from the build). */
    public static LabLocation bundled() throws PackAccessException {
        return new LabLocation(PackLocation.bundledFolder(LABS, "built-in labs"), ".", LABS + "/");
    }

    /** The labs in {@code labs/} of a folder (the repository or a pack folder) or of a pack zip. */
    public static LabLocation open(Path folderOrZip) throws PackAccessException {
        return new LabLocation(PackLocation.open(folderOrZip), LABS, "");
    }

    public String displayName() {
        return files.displayName();
    }

    /** Ids of the labs here: the folders under labs/ that hold a lab.yaml, sorted; none when there is no labs/. */
    public List<String> labIds() throws IOException {
        return files.folders(labsFolder, LAB_FILE);
    }

    /** Entries directly under labs/ that are symbolic links (never followed), as problems. */
    List<Problem> linkedEntries() throws IOException {
        Path dir = files.resolve(labsFolder);
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return problems;
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isSymbolicLink).sorted().forEach(link -> problems.add(Problem.error(
                    SourcePosition.startOf(name(link)), "is a symbolic link; labs may not contain links")));
        }
        return problems;
    }

    /** The folder of a lab; the id must be a plain folder name. */
    Path labFolder(String id) {
        if (id.isEmpty() || id.contains("/") || id.contains("\\") || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("'" + id + "' is not a lab folder name");
        }
        return files.resolve(".".equals(labsFolder) ? id : labsFolder + "/" + id);
    }

    /** The name of a file here as problems report it: {@code labs/<id>/...}, forward slashes. */
    String name(Path file) {
        return namePrefix + files.relativeName(file);
    }

    /** Reads a file as UTF-8 with the pack reader's bounds; a problem names the file as {@link #name} does. */
    String read(Path file) throws ProblemException {
        if (Files.isSymbolicLink(file)) {
            throw new ProblemException(Problem.error(SourcePosition.startOf(name(file)),
                    "is a symbolic link; labs may not contain links"));
        }
        try {
            return files.read(file);
        } catch (ProblemException e) {
            Problem p = e.problem();
            throw new ProblemException(new Problem(namePrefix + p.file(), p.line(), p.column(), p.severity(),
                    p.message(), p.rule()));
        }
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
