package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.Optional;

/** What the command line (or a test) chose: data folder and pack overrides. */
public record WorkbenchOptions(Optional<Path> dataDir, Optional<Path> pack) {
    public static WorkbenchOptions defaults() {
        return new WorkbenchOptions(Optional.empty(), Optional.empty());
    }
}
