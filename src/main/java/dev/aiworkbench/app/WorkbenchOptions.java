package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command line (or a test) chose: data folder, pack and model-server overrides.
 *
 * @param ollamaUrl the command line's {@code --ollama-url}; it wins over Settings and {@code OLLAMA_HOST}
 * @param providers the environment, keychain and gateways the model providers are made from
 */
public record WorkbenchOptions(Optional<Path> dataDir, Optional<Path> pack, Optional<String> ollamaUrl,
                               ProviderSetup providers) {

    public WorkbenchOptions(Optional<Path> dataDir, Optional<Path> pack, Optional<String> ollamaUrl) {
        this(dataDir, pack, ollamaUrl, ProviderSetup.system());
    }

    public WorkbenchOptions(Optional<Path> dataDir, Optional<Path> pack) {
        this(dataDir, pack, Optional.empty());
    }

    public static WorkbenchOptions defaults() {
        return new WorkbenchOptions(Optional.empty(), Optional.empty());
    }

    public WorkbenchOptions withOllamaUrl(String url) {
        return new WorkbenchOptions(dataDir, pack, Optional.ofNullable(url), providers);
    }

    public WorkbenchOptions withProviders(ProviderSetup setup) {
        return new WorkbenchOptions(dataDir, pack, ollamaUrl, setup);
    }
}
