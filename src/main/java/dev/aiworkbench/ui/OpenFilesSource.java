package dev.aiworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Files the desktop asks the running app to open by an event rather than on its command line (macOS's Finder). */
interface OpenFilesSource {

    /** Sends each later request's files to {@code files}; false when this desktop cannot send any. */
    boolean listen(Consumer<List<Path>> files);
}
