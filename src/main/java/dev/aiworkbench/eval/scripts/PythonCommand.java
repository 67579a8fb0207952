package dev.aiworkbench.eval.scripts;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Python that runs python assertions, as promptfoo does: {@code PROMPTFOO_PYTHON} when set, else the
 * first {@code python3} (on Windows also {@code python}) on {@code PATH}. It only looks at files, starting nothing,
 * so the suite loader can ask it cheaply.
 */
public final class PythonCommand {
    static final String OVERRIDE = "PROMPTFOO_PYTHON";

    private PythonCommand() {
    }

    /** What to install when there is none; the sentence the loader and runner show. */
    public static final String MISSING = "no Python 3 was found (python3 on PATH, or PROMPTFOO_PYTHON); install "
            + "Python 3 (apt install python3, brew install python, or python.org) or point PROMPTFOO_PYTHON at it";

    /** From this process's environment. */
    public static Optional<String> find() {
        return find(System.getenv(), System.getProperty("os.name", ""));
    }

    static Optional<String> find(Map<String, String> env, String osName) {
        String override = env.get(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return Optional.of(override.strip());
        }
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> names = windows ? List.of("python3.exe", "python.exe") : List.of("python3");
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
