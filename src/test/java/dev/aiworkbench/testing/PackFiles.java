package dev.aiworkbench.testing;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.diagnostics.Problem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Pack folders on disk for tests: copies of the default pack with one edit, zips of them, loading. */
public final class PackFiles {
    /** The default pack's source folder; Maven runs tests from the project folder. */
    public static final Path DEFAULT_PACK = Path.of("curriculum", "devops-to-ai");

    private PackFiles() {
    }

    /** The second pack of the repository, four weeks on evaluating LLM features. */
    public static final Path SECOND_PACK = Path.of("curriculum", "llm-evals-in-practice");

    /** Copies the default pack into {@code target} (created) and returns it. */
    public static Path copyDefaultPack(Path target) {
        return copyFolder(DEFAULT_PACK, target);
    }

    /** Copies a folder's files into {@code target} (created) and returns it. */
    public static Path copyFolder(Path from, Path target) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the second pack at another version. */
    public static Path secondPackAt(Path target, String version) {
        Path pack = copyFolder(SECOND_PACK, target);
        replaceLine(pack.resolve("pack.yaml"), "version:", "version: " + version);
        return pack;
    }

    /**
     * A later version of the second pack in which task w01-golden-set is called w01-golden-dataset and says it
     * replaces the old id (and the assessment's evidence names the new one).
     */
    public static Path secondPackRenamingGoldenSet(Path target, String version) {
        Path pack = secondPackAt(target, version);
        replaceOnce(pack.resolve("weeks/01-golden-datasets-and-assertions.md"), "  - id: w01-golden-set\n",
                "  - id: w01-golden-dataset\n    replaces: [w01-golden-set]\n");
        Path quiz = pack.resolve("assessments/milestone-eval-gate.yaml");
        write(quiz, read(quiz).replace("w01-golden-set", "w01-golden-dataset"));
        return pack;
    }

    /**
     * Copies the default pack without its assessments: for edits to weeks and phases, whose consequences in the
     * assessments (an item now testing an unknown week) would otherwise be reported beside the one problem made.
     */
    public static Path copyDefaultPackWithoutAssessments(Path target) {
        Path root = copyDefaultPack(target);
        try (Stream<Path> files = Files.walk(root.resolve("assessments"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from}; fails when it occurs zero or several times, so no edit is silently lost. */
    public static void replaceOnce(Path file, String from, String to) {
        String text = read(file);
        int first = text.indexOf(from);
        if (first < 0 || text.indexOf(from, first + 1) >= 0) {
            throw new AssertionError("expected exactly one '" + from + "' in " + file);
        }
        write(file, text.substring(0, first) + to + text.substring(first + from.length()));
    }

    /** Replaces the one line that starts with {@code prefix} by {@code replacement}. */
    public static void replaceLine(Path file, String prefix, String replacement) {
        String line = onlyLineStartingWith(file, prefix);
        replaceOnce(file, "\n" + line + "\n", "\n" + replacement + "\n");
    }

    /** Inserts {@code lines} after the one line that starts with {@code prefix}. */
    public static void insertAfterLine(Path file, String prefix, String lines) {
        String line = onlyLineStartingWith(file, prefix);
        replaceOnce(file, "\n" + line + "\n", "\n" + line + "\n" + lines + "\n");
    }

    private static String onlyLineStartingWith(Path file, String prefix) {
        List<String> lines = read(file).lines().filter(l -> l.startsWith(prefix)).toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected exactly one line starting with '" + prefix + "' in " + file + ", found "
                    + lines.size());
        }
        return lines.get(0);
    }

    /**
     * Where a problem about some text should point, as {@code file:line:col}. The needle must occur
     * exactly once in the file; a {@code |} in it marks the column (else the needle's first character).
     */
    public static String at(Path packRoot, String relativeFile, String needle) {
        int marker = Math.max(0, needle.indexOf('|'));
        String search = needle.replace("|", "");
        String text = read(packRoot.resolve(relativeFile));
        int index = text.indexOf(search);
        if (index < 0 || text.indexOf(search, index + 1) >= 0) {
            throw new AssertionError("expected exactly one '" + search + "' in " + relativeFile);
        }
        String before = text.substring(0, index + marker);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
        return relativeFile + ":" + line + ":" + column;
    }

    /** The default pack's file for a week number, relative to the pack root (e.g. weeks/01-async-python.md). */
    public static String weekFile(int number) {
        return TestPacks.defaultPack().weekNumber(number).orElseThrow().file();
    }

    /** The default pack's phase file for a phase number, relative to the pack root. */
    public static String phaseFile(int number) {
        try (Stream<Path> files = Files.list(DEFAULT_PACK.resolve("phases"))) {
            return files.filter(f -> read(f).contains("\nnumber: " + number + "\n"))
                    .map(f -> "phases/" + f.getFileName()).findFirst()
                    .orElseThrow(() -> new AssertionError("no phase file with number " + number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a pack folder or zip the way the app does (this build's version). */
    public static LoadResult load(Path folderOrZip) {
        return load(folderOrZip, AppInfo.version());
    }

    public static LoadResult load(Path folderOrZip, String appVersion) {
        try (PackLocation location = PackLocation.open(folderOrZip)) {
            return new PackLoader(appVersion).load(location);
        } catch (PackAccessException e) {
            throw new AssertionError("cannot open " + folderOrZip + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem in the {@code file:line:col: message} form the validator prints. */
    public static List<String> lines(LoadResult result) {
        return result.problems().stream().map(Problem::toString).toList();
    }

    /** Zips a folder; {@code topFolder} (or null) puts every entry under that folder name. */
    public static Path zip(Path folder, Path zipFile, String topFolder) {
        return zip(folder, zipFile, topFolder, Map.of());
    }

    /** Zips a folder and adds entries with the given raw names and contents (for hostile archives). */
    public static Path zip(Path folder, Path zipFile, String topFolder, Map<String, String> extraEntries) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zipFile));
             ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(topFolder == null ? name : topFolder + "/" + name));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> extra : extraEntries.entrySet()) {
                zip.putNextEntry(new ZipEntry(extra.getKey()));
                zip.write(extra.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return zipFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
