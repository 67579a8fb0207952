package dev.aiworkbench.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What some labs' checks run beyond a Python with FastAPI: the Prometheus labs import prometheus_client in the
 * service and their checks run promtool. The tests that run those labs for real ask here first and skip, with this
 * sentence printed, where the machine lacks them, rather than report the lab broken.
 */
public final class LabHostTools {
    /** The labs whose service imports prometheus_client and whose checks run promtool. */
    private static final Map<String, List<String>> PYTHON_MODULES = Map.of(
            "observability-prometheus", List.of("prometheus_client"));
    private static final Map<String, List<String>> PROGRAMS = Map.of(
            "observability-prometheus", List.of("promtool"));

    private LabHostTools() {
    }

    /** Why this lab cannot run on this machine with this Python, or empty when it can. */
    public static Optional<String> missingFor(String labId, Optional<Path> python) {
        List<String> missing = new ArrayList<>();
        for (String module : PYTHON_MODULES.getOrDefault(labId, List.of())) {
            if (python.isEmpty() || !imports(python.get(), module)) {
                missing.add("the Python module " + module + " (apt-get install python3-prometheus-client, or pip"
                        + " install prometheus-client)");
            }
        }
        for (String program : PROGRAMS.getOrDefault(labId, List.of())) {
            if (!onPath(program)) {
                missing.add(program + " on the PATH (apt-get install prometheus on Debian or Ubuntu)");
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("lab " + labId + " needs " + String.join(" and ", missing));
    }

    /** Why any of these labs cannot run here, or empty. */
    public static Optional<String> missingForAny(Iterable<String> labIds, Optional<Path> python) {
        for (String id : labIds) {
            Optional<String> missing = missingFor(id, python);
            if (missing.isPresent()) {
                return missing;
            }
        }
        return Optional.empty();
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean imports(Path python, String module) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", "import " + module)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
