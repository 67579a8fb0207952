package dev.aiworkbench.ui.evals;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The suites the Evals screen offers: those shipped with the default pack (under {@code evals/} in
 * it) and those in the data folder's {@code evals/} folder. A bundled suite is opened from a copy
 * in the data folder, so the learner can edit its prompt and dataset; a copy already there is kept,
 * never overwritten. Disk work only: call it off the FX thread.
 */
final class SuiteShelf {
    static final String SUITE_FILE = "promptfooconfig.yaml";

    private final Path evalsFolder;

    SuiteShelf(Path evalsFolder) {
        this.evalsFolder = evalsFolder.toAbsolutePath().normalize();
    }

    Path evalsFolder() {
        return evalsFolder;
    }

    /** One suite on offer. */
    record Choice(String name, Path file, Kind kind) {
        enum Kind {
            /** Shipped with the pack and not copied yet: choosing it copies it first. */
            BUNDLED,
            /** Shipped with the pack, with the learner's copy in the evals folder. */
            COPIED,
            /** A suite of the learner's own in the evals folder. */
            OWN
        }

        @Override
        public String toString() {
            return switch (kind) {
                case BUNDLED -> name + " (bundled; opens a copy in your evals folder)";
                case COPIED -> name + " (bundled, your copy)";
                case OWN -> name + " (your evals folder)";
            };
        }
    }

    /** The bundled suites, then the learner's own, each by folder name. */
    List<Choice> choices() throws IOException {
        List<Choice> choices = new ArrayList<>();
        Set<String> bundled = new LinkedHashSet<>(bundledNames());
        for (String name : bundled) {
            Path file = evalsFolder.resolve(name).resolve(SUITE_FILE);
            choices.add(new Choice(name, file, Files.isRegularFile(file) ? Choice.Kind.COPIED : Choice.Kind.BUNDLED));
        }
        if (Files.isDirectory(evalsFolder)) {
            try (Stream<Path> children = Files.list(evalsFolder)) {
                for (Path folder : children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    String name = folder.getFileName().toString();
                    Path file = folder.resolve(SUITE_FILE);
                    if (!bundled.contains(name) && Files.isRegularFile(file)) {
                        choices.add(new Choice(name, file, Choice.Kind.OWN));
                    }
                }
            }
        }
        return choices;
    }

    /** Names of the suite folders the default pack ships. */
    static List<String> bundledNames() throws IOException {
        try (PackLocation pack = PackLocation.bundled(InstalledPack.DEFAULT_PACK)) {
            List<String> names = new ArrayList<>();
            for (String folder : pack.folders("evals")) {
                if (pack.exists("evals/" + folder + "/" + SUITE_FILE)) {
                    names.add(folder);
                }
            }
            return names;
        } catch (PackAccessException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The result of making a suite ready to open: its file and how many files were copied. */
    record Copied(Path suiteFile, int copied, int kept) {
    }

    /**
     * Copies a bundled suite's folder into the evals folder (files already there are kept) and returns
     * its suite file there.
     */
    Copied copy(String name) throws IOException {
        if (!bundledNames().contains(name)) {
            throw new IOException("the default pack ships no eval suite called '" + name + "'");
        }
        Path target = evalsFolder.resolve(name).normalize();
        if (!target.startsWith(evalsFolder)) {
            throw new IOException(name + " leaves the evals folder");
        }
        int copied = 0;
        int kept = 0;
        try (PackLocation pack = PackLocation.bundled(InstalledPack.DEFAULT_PACK)) {
            Path source = pack.resolve("evals/" + name);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path file : files) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                Path destination = target.resolve(relative).normalize();
                if (!destination.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                if (Files.exists(destination)) {
                    kept++;
                } else {
                    Files.copy(file, destination);
                    copied++;
                }
            }
        } catch (PackAccessException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Copied(target.resolve(SUITE_FILE), copied, kept);
    }
}
