package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command line (or a test) chose: data folder, pack and model-server overrides.
 *
 * @param ollamaUrl the command line's {@code --ollama-url}; it wins over Settings and {@code OLLAMA_HOST}
 */
public record WorkbenchOptions(Optional<Path> dataDir, Optional<Path> pack, Optional<String> ollamaUrl) {

    public WorkbenchOptions(Optional<Path> dataDir, Optional<Path> pack) {
        this(dataDir, pack, Optional.empty());
    }

    public static WorkbenchOptions defaults() {
        return new WorkbenchOptions(Optional.empty(), Optional.empty());
    }

    public WorkbenchOptions withOllamaUrl(String url) {
        return new WorkbenchOptions(dataDir, pack, Optional.ofNullable(url));
    }
}
