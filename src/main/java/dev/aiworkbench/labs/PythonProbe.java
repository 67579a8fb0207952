package dev.aiworkbench.labs;

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
 * python3 or python on the PATH, each asked to import fastapi and uvicorn.
 */
public final class PythonProbe {
    public static final String ENVIRONMENT_VARIABLE = "WORKBENCH_PYTHON";
    private static final String SCRIPT = "import sys, fastapi, uvicorn; "
            + "print(sys.version.split()[0], fastapi.__version__, uvicorn.__version__)";

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
            Optional<String> versions = run(python, timeout);
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
        return firstWithoutFastApi != null ? firstWithoutFastApi
                : new Result(Optional.empty(), false, "no python3 or python on the PATH");
    }

    private static List<Path> candidates(Map<String, String> environment) {
        List<Path> found = new ArrayList<>();
        String override = environment.get(ENVIRONMENT_VARIABLE);
        if (override != null && !override.isBlank()) {
            found.add(Path.of(override));
            return found;
        }
        String path = environment.getOrDefault("PATH", "");
        for (String name : List.of("python3", "python")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !found.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found;
    }

    private static Optional<String> run(Path python, Duration timeout) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", SCRIPT).redirectErrorStream(false).start();
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
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
