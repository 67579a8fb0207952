package dev.aiworkbench.ui;

import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.PackFileInbox;
import dev.aiworkbench.app.PackHandoffOwner;
import dev.aiworkbench.ui.shell.ShellView;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The app's side of the pack files it is asked to open while it runs (from its command line, another start on the
 * same data folder, or the macOS Finder): while a session is shown, each brings the window to the front and is
 * offered on Settings, with the question "Install pack…" asks; between sessions they wait.
 */
final class IncomingPackFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingPackFiles.class);

    private final PackFileInbox inbox;
    private PackHandoffOwner handoff;
    private boolean claimed;
    private boolean closed;

    IncomingPackFiles(PackFileInbox inbox) {
        this.inbox = inbox;
    }

    /** Offers each file in this shell, the waiting ones first; on the FX thread. */
    void offerIn(ShellView shell) {
        inbox.receiveWith(packFile -> Platform.runLater(() -> {
            if (shell.getScene() != null && shell.getScene().getWindow() instanceof Stage stage) {
                stage.setIconified(false);
                stage.toFront();
            }
            shell.offerPackInstall(packFile);
        }));
    }

    /** Files wait until the next {@link #offerIn}, while no session is shown. */
    void hold() {
        inbox.hold();
    }

    /**
     * From now on other starts on this data folder hand their pack files to this app; once, off the FX thread. When
     * that fails they open windows of their own, as they did before.
     */
    synchronized void takeHandoffs(DataFolder folder) {
        if (claimed) {
            return;
        }
        claimed = true;
        Thread.ofPlatform().daemon().name("pack-handoff-claim").start(() -> claim(folder));
    }

    private void claim(DataFolder folder) {
        try {
            PackHandoffOwner owner = PackHandoffOwner.claim(folder, inbox);
            synchronized (this) {
                if (closed) {
                    owner.close();
                } else {
                    handoff = owner;
                }
            }
        } catch (IOException e) {
            LOG.warn("other starts cannot hand pack files to this app; they will open their own window", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        inbox.hold();
        if (handoff != null) {
            handoff.close();
        }
    }
}
