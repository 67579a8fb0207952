package dev.aiworkbench.ui;

import dev.aiworkbench.app.PackFileInbox;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * On macOS a pack file double-clicked in the Finder reaches the app, starting or running, as an Apple Event and not
 * on its command line; this puts those files into the app's inbox, where they take the same install flow as a file
 * given on the command line. Other systems never load AWT for it: it costs start-up time and they pass files as
 * arguments.
 */
final class FinderOpenFiles {
    private FinderOpenFiles() {
    }

    /** Listens on this system, if it is macOS; whether anything listens. */
    static boolean listen(PackFileInbox inbox) {
        // A lambda, not AwtOpenFiles::new: the class (and with it AWT) is then loaded only when it is called.
        return listen(System.getProperty("os.name", ""), () -> new AwtOpenFiles(), inbox);
    }

    static boolean listen(String osName, Supplier<OpenFilesSource> desktop, PackFileInbox inbox) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return false;
        }
        return desktop.get().listen(files -> files.forEach(inbox::deliver));
    }
}
