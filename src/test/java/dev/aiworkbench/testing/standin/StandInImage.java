package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One stand-in image: its name (the exact one the product uses), its files and its Dockerfile. It is built only
 * when the engine lacks that name, or has it as an older stand-in: the image carries the hash of its inputs in
 * the label {@value #INPUTS_LABEL}, so an unchanged stand-in is never built twice. An image of that name without
 * the label is the real one (pulled by someone): it is used as it is.
 */
abstract class StandInImage {
    static final String INPUTS_LABEL = "dev.aiworkbench.standin.inputs";

    /** What {@link #ensure} found or did. */
    enum Outcome { BUILT, CACHED, REAL_IMAGE }

    /** The image's name and tag. */
    abstract String name();

    /** The files of the image, as they would be gathered now. */
    abstract RootFs files() throws IOException, InterruptedException;

    /** The Dockerfile, which copies {@code rootfs/} to {@code /}; it must not depend on the hash. */
    abstract String dockerfile();

    /** Writes generated parts (a jlinked runtime) into the root folder, after the host files were copied. */
    void generate(Path rootfs) throws IOException, InterruptedException {
    }

    final Outcome ensure() throws IOException, InterruptedException {
        RootFs files = files().hashAlso(dockerfile());
        String inputs = files.hash();
        var present = DockerImages.find(name());
        if (present.isPresent() && present.get().inputs().isEmpty()) {
            return Outcome.REAL_IMAGE;
        }
        if (present.isPresent() && present.get().inputs().get().equals(inputs)) {
            return Outcome.CACHED;
        }
        Path context = Files.createTempDirectory("standin-image-");
        try {
            Path rootfs = context.resolve("rootfs");
            Files.createDirectories(rootfs);
            files.copyTo(rootfs);
            generate(rootfs);
            Files.writeString(context.resolve("Dockerfile"), dockerfile() + "LABEL " + INPUTS_LABEL + "=" + inputs
                    + " dev.aiworkbench.standin=\"a local stand-in for tests, never pushed\"\n");
            DockerImages.build(context, name());
        } finally {
            delete(context);
        }
        if (present.isPresent()) {
            DockerImages.removeQuietly(present.get().id());
        }
        return Outcome.BUILT;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
