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

    WorkbenchOptions options() {
        return new WorkbenchOptions(Optional.ofNullable(dataDir), Optional.ofNullable(pack));
    }
}
