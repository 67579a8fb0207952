package dev.aiworkbench.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the app was asked to open: its options, and the pack file it was opened with (a double-click on a
 * {@code .wbpack}, or {@code workbench my-pack.wbpack}), whose install the app offers once it has opened.
 */
public record GuiLaunch(WorkbenchOptions options, Optional<Path> packToInstall) {

    public static GuiLaunch of(WorkbenchOptions options) {
        return new GuiLaunch(options, Optional.empty());
    }
}
