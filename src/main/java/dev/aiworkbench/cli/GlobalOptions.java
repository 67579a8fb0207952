package dev.aiworkbench.cli;

import dev.aiworkbench.app.WorkbenchOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Optional;

/** Options every verb takes, before or after the verb's name. */
public final class GlobalOptions {
    @Option(names = "--data-dir", paramLabel = "<folder>", scope = ScopeType.INHERIT,
            description = "Folder for the database and logs (default: per-OS data folder, or $WORKBENCH_HOME).")
    Path dataDir;

    @Option(names = "--pack", paramLabel = "<folder|zip>", scope = ScopeType.INHERIT,
            description = "Walk this curriculum pack instead of the built-in one.")
    Path pack;

    @Option(names = "--ollama-url", paramLabel = "<url>", scope = ScopeType.INHERIT,
            description = "Ollama server (default: the address in Settings, else $OLLAMA_HOST, else http://127.0.0.1:11434).")
    String ollamaUrl;

    WorkbenchOptions options() {
        return new WorkbenchOptions(Optional.ofNullable(dataDir), Optional.ofNullable(pack), Optional.ofNullable(ollamaUrl));
    }
}
