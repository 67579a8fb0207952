package dev.aiworkbench.labs.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a local Python that can run the FastAPI stub: {@code WORKBENCH_PYTHON} if set, else
 * python3 or python on the PATH, then the usual system locations (a desktop launcher's PATH can be
 * short), each asked to import fastapi and uvicorn. The first that can wins.
 */
public final class PythonProbe {
    public static final String ENVIRONMENT_VARIABLE = "WORKBENCH_PYTHON";
    /** Where Pythons usually are when the PATH does not say (Debian/Ubuntu, /usr/local, Homebrew). */
    private static final List<String> FALLBACKS = List.of("/usr/bin/python3", "/usr/local/bin/python3",
            "/opt/homebrew/bin/python3");
    // Finds the packages and reads their versions without importing them: importing FastAPI takes a second or more.
    private static final String SCRIPT = "import sys, importlib.util as u, importlib.metadata as m; "
            + "assert u.find_spec('fastapi') and u.find_spec('uvicorn'); "
            + "print(sys.version.split()[0], m.version('fastapi'), m.version('uvicorn'))";

    /**
     * @param python     the interpreter that was found, if any
     * @param hasFastApi whether it imports fastapi and uvicorn
     */
    public record Result(Optional<Path> python, boolean hasFastApi, String detail) {
    }

    private PythonProbe() {
    }

    public static Result probe(Map<String, String> environment, Duration timeout) {
        List<Path> candidates = candidates(environment);
        Result firstWithoutFastApi = null;
        for (Path python : candidates) {
            Optional<String> versions = run(python, environment, timeout);
            if (versions.isPresent()) {
                String[] parts = versions.get().strip().split("\\s+");
                if (parts.length == 3) {
                    return new Result(Optional.of(python), true, "Python " + parts[0] + " with FastAPI " + parts[1]
                            + " and uvicorn " + parts[2]);
                }
            } else if (firstWithoutFastApi == null && Files.isExecutable(python)) {
                firstWithoutFastApi = new Result(Optional.of(python), false, python + " cannot import fastapi and uvicorn");
            }
        }
        if (firstWithoutFastApi != null) {
            return firstWithoutFastApi;
        }
        String override = environment.get(ENVIRONMENT_VARIABLE);
        return override != null && !override.isBlank()
                ? new Result(Optional.empty(), false, ENVIRONMENT_VARIABLE + " is " + override
                        + ", which is not a Python this app can run")
                : new Result(Optional.empty(), false, "no python3 or python on the PATH");
    }

    private static List<Path> candidates(Map<String, String> environment) {
        List<Path> found = new ArrayList<>();
        String override = environment.get(ENVIRONMENT_VARIABLE);
        if (override != null && !override.isBlank()) {
            found.add(Path.of(override));
            return found;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        List<String> names = windows ? List.of("python3.exe", "python.exe") : List.of("python3", "python");
        String path = environment.getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                addIfExecutable(found, dir, name);
            }
        }
        if (!windows) {
            for (String fallback : FALLBACKS) {
                addIfExecutable(found, fallback, null);
            }
        }
        return found;
    }

    private static void addIfExecutable(List<Path> found, String dir, String name) {
        try {
            Path candidate = name == null ? Path.of(dir) : Path.of(dir, name);
            // /bin is often /usr/bin: ask each interpreter once.
            if (Files.isExecutable(candidate) && found.stream().noneMatch(f -> sameFile(f, candidate))) {
                found.add(candidate);
            }
        } catch (java.nio.file.InvalidPathException | SecurityException e) {
            // a malformed PATH entry: skip it
        }
    }

    /** The same name in the same real folder. Not Files.isSameFile: a venv's python links to the system one but
     *  sees other packages. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return a.getFileName().equals(b.getFileName())
                    && a.toAbsolutePath().getParent().toRealPath().equals(b.toAbsolutePath().getParent().toRealPath());
        } catch (IOException e) {
            return a.equals(b);
        }
    }

    private static Optional<String> run(Path python, Map<String, String> environment, Duration timeout) {
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", SCRIPT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
