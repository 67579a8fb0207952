package dev.aiworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the default pack with one thing broken, for screens that must cope with bad packs. */
public final class BrokenPack {
    private BrokenPack() {
    }

    /** The default pack without week 3: every other file is fine, so most of the plan can still be shown. */
    public static Path copyOfDefaultWithGap(Path into) throws IOException {
        Path source = Path.of("curriculum/devops-to-ai");
        Path target = into.resolve("devops-to-ai");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().startsWith("03-")) {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
