package dev.aiworkbench.ui.session;

import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.llm.ServerWatch;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The model server as last checked, and a way to check again. Saving a new address is the Settings screen's
 * ({@code ServerAddressViewModel}), which asks for a check here once it is saved.
 */
public final class ServerStatusModel implements AutoCloseable {
    private final ServerWatch watch;
    private final ReadOnlyObjectWrapper<ServerStatus> status = new ReadOnlyObjectWrapper<>();

    /** Watches once {@linkplain #start() started}; each status reaches the property through {@code tasks}. */
    public ServerStatusModel(ServerWatch watch, TaskExecutor tasks) {
        this.watch = watch;
        watch.addListener(now -> tasks.publish(() -> status.set(now)));
    }

    /** The first check, on the watch's thread; the watch checks again on its own from then on. */
    public void start() {
        watch.checkNow();
    }

    /** The model server as last checked; null until the first check has answered. */
    public ReadOnlyObjectProperty<ServerStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Checks the model server again now. */
    public void recheck() {
        watch.checkNow();
    }

    /** Stops the background checks; the app is closing. */
    @Override
    public void close() {
        watch.close();
    }
}
