package dev.aiworkbench.ui;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * macOS's "open these files" Apple Event, which the JDK hands on through AWT's {@link Desktop}. Registered before
 * JavaFX starts, so that AWT owns the application's delegate and the event sent with the launch is not lost.
 */
final class AwtOpenFiles implements OpenFilesSource {

    @Override
    public boolean listen(Consumer<List<Path>> files) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
            return false;
        }
        Desktop.getDesktop().setOpenFileHandler(event -> files.accept(
                event.getFiles().stream().map(File::toPath).toList()));
        return true;
    }
}
