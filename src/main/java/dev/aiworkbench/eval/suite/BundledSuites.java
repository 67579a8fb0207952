package dev.aiworkbench.eval.suite;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The eval suites shipped with the default pack ({@code evals/<suite>/} inside it), copied into a
 * folder of the learner's so they can edit prompts and datasets. Files already there are kept, never
 * overwritten.
 */
public final class BundledSuites {
    public static final String SUITE_FILE = "promptfooconfig.yaml";

    /** What a copy did: the suite files it can now offer, and the files it left alone because they existed. */
    public record Copied(List<Path> suites, List<Path> keptExisting) {
    }

    private BundledSuites() {
    }

    public static Copied copyTo(Path target) throws IOException {
        List<Path> suites = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        try (PackLocation pack = PackLocation.bundled(InstalledPack.DEFAULT_PACK)) {
            Path evals = pack.resolve("evals");
            if (!Files.isDirectory(evals)) {
                return new Copied(List.of(), List.of());
            }
            try (Stream<Path> files = Files.walk(evals)) {
                for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    String relative = evals.relativize(file).toString().replace('\\', '/');
                    Path destination = target.resolve(relative).normalize();
                    if (!destination.startsWith(target.normalize())) {
                        continue;
                    }
                    Files.createDirectories(destination.getParent());
                    if (Files.exists(destination)) {
                        kept.add(destination);
                    } else {
                        Files.copy(file, destination);
                    }
                    if (destination.getFileName().toString().equals(SUITE_FILE)) {
                        suites.add(destination);
                    }
                }
            }
        } catch (PackAccessException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Copied(List.copyOf(suites), List.copyOf(kept));
    }
}
