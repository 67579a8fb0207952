package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a small image whose shell Testcontainers uses: its "tiny image", which it starts to check that
 * a host file can be mounted before it creates a container with a bind mount (the FastAPI fallback mounts the
 * workspace). It holds the host's POSIX shell and {@code test}, with their shared libraries.
 */
final class ShellStandInImage extends StandInImage {
    private static final List<String> TOOLS = List.of("/bin/sh", "/usr/bin/test");

    private final String name;

    ShellStandInImage(String name) {
        this.name = name;
    }

    @Override
    String name() {
        return name;
    }

    @Override
    RootFs files() throws IOException {
        RootFs files = new RootFs();
        List<Path> binaries = new ArrayList<>();
        for (String tool : TOOLS) {
            Path real = Path.of(tool).toRealPath();
            files.file(real, tool);
            binaries.add(real);
        }
        return files.librariesOf(binaries, null);
    }

    @Override
    String dockerfile() {
        return """
                FROM scratch
                COPY rootfs/ /
                ENV PATH=/usr/bin:/bin
                CMD ["/bin/sh"]
                """;
    }
}
