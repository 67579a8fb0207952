package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stand-in for the FastAPI fallback's Python image: the host's Debian Python with its standard library and
 * the site folders that hold FastAPI and uvicorn (Debian's python3-fastapi and python3-uvicorn in CI), a POSIX
 * shell, and their shared libraries. It has no pip: on a machine without PyPI it could not install anything.
 */
final class PythonStandInImage extends StandInImage {
    /**
     * Prints the interpreter, its standard library, and the site folders of FastAPI and uvicorn, a line each;
     * it finds the packages without importing them, which would take a second.
     */
    private static final String WHERE = """
            import os, sys, sysconfig, importlib.util
            print(os.path.realpath(sys.executable))
            print(sysconfig.get_paths()["stdlib"])
            for name in ("fastapi", "uvicorn"):
                spec = importlib.util.find_spec(name)
                assert spec and spec.origin, name + " is not installed"
                print(os.path.dirname(os.path.dirname(os.path.realpath(spec.origin))))
            """;
    static final String HOST_PYTHON = "/usr/bin/python3";

    private final String name;

    PythonStandInImage(String name) {
        this.name = name;
    }

    @Override
    String name() {
        return name;
    }

    /** Why this machine cannot give the image its Python, or empty when it can. */
    static java.util.Optional<String> unavailable() throws InterruptedException {
        if (!Files.isExecutable(Path.of(HOST_PYTHON))) {
            return java.util.Optional.of("this machine has no " + HOST_PYTHON + " to make the Python stand-in from");
        }
        try {
            Command.Result result = Command.of(Duration.ofSeconds(30), HOST_PYTHON, "-c", WHERE).run();
            return result.ok() ? java.util.Optional.empty() : java.util.Optional.of(HOST_PYTHON + " cannot import"
                    + " FastAPI and uvicorn (install python3-fastapi and python3-uvicorn): " + result.tail());
        } catch (IOException e) {
            return java.util.Optional.of(HOST_PYTHON + " does not run: " + e.getMessage());
        }
    }

    @Override
    RootFs files() throws IOException, InterruptedException {
        List<String> where = Command.of(Duration.ofSeconds(30), HOST_PYTHON, "-c", WHERE)
                .runOrThrow("Asking " + HOST_PYTHON + " where FastAPI and uvicorn are").strip().lines().toList();
        Path interpreter = Path.of(where.get(0));
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(Path.of(where.get(1)));
        where.subList(2, where.size()).forEach(f -> folders.add(Path.of(f)));

        RootFs files = new RootFs().unhashed(target -> target.contains("/__pycache__/"));
        files.file(interpreter, interpreter.toString());
        files.link("/usr/bin/python3", interpreter.getFileName().toString());
        files.link("/usr/bin/python", interpreter.getFileName().toString());
        Path shell = Path.of("/bin/sh").toRealPath();
        files.file(shell, "/bin/sh");
        List<Path> binaries = new ArrayList<>(List.of(interpreter, shell));
        for (Path folder : folders) {
            files.tree(folder, folder.toString(), PythonStandInImage::leftOut);
            try (Stream<Path> all = Files.walk(folder)) {
                binaries.addAll(all.filter(f -> f.getFileName().toString().endsWith(".so")).toList());
            }
        }
        return files.librariesOf(binaries, null);
    }

    /**
     * What an app server never needs: the standard library's tests, GUI and embedding files (a static
     * libpython of 25 MB), and pip, which the image is meant not to have.
     */
    private static boolean leftOut(Path relative) {
        String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        return Set.of("test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "pip").contains(first)
                || first.startsWith("config-3.") || first.startsWith("pip-");
    }

    @Override
    void generate(Path rootfs) throws IOException {
        Files.createDirectories(rootfs.resolve("tmp"));
    }

    @Override
    String dockerfile() {
        return """
                FROM scratch
                COPY rootfs/ /
                ENV PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8
                CMD ["python3"]
                """;
    }
}
