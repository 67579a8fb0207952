package dev.aiworkbench.ui.session;

import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.llm.ServerWatch;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;
import java.util.function.Consumer;

/** The model server as last checked, a way to check again, and saving its address (which checks it). */
public final class ServerStatusModel implements AutoCloseable {
    private final ServerWatch watch;
    private final Consumer<Optional<String>> saveAddress;
    private final TaskExecutor tasks;
    private final Notices notices;
    private final ReadOnlyObjectWrapper<ServerStatus> status = new ReadOnlyObjectWrapper<>();

    /**
     * Starts watching at once.
     *
     * @param saveAddress saves the address (empty: use OLLAMA_HOST or the default); throws for one of the wrong form
     */
    public ServerStatusModel(ServerWatch watch, Consumer<Optional<String>> saveAddress, TaskExecutor tasks,
                             Notices notices) {
        this.watch = watch;
        this.saveAddress = saveAddress;
        this.tasks = tasks;
        this.notices = notices;
        watch.addListener(now -> tasks.publish(() -> status.set(now)));
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

    /** Saves the model server's address (empty: use OLLAMA_HOST or the default) and checks it. */
    public void saveAddress(Optional<String> url, Runnable onSaved) {
        tasks.run(() -> {
            saveAddress.accept(url);
            return url;
        }, saved -> {
            notices.clearError();
            watch.checkNow();
            onSaved.run();
        }, notices::report);
    }

    /** Stops the background checks; the app is closing. */
    @Override
    public void close() {
        watch.close();
    }
}
