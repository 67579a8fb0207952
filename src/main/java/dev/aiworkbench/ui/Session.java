package dev.aiworkbench.ui;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.ProgressModel;
import dev.aiworkbench.ui.session.ServerStatusModel;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Transitional: the Playground, Models, Evals and Labs screens move to view models on parallel branches and take
 * this until they are merged; then it goes, {@link #workbench()} with it. It holds no state of its own: it
 * forwards to the split models ({@link ProgressModel}, {@link ServerStatusModel}, {@link Notices}) and runs work
 * through task executors. Only the screen registry makes one.
 */
public final class Session {
    private final Workbench workbench;
    private final ProgressModel progress;
    private final ServerStatusModel server;
    private final Notices notices;
    private final TaskExecutor io;
    private final TaskExecutor modelCalls;

    /**
     * @param io         the serial worker the progress writes use, for other disk work in order with them
     * @param modelCalls a worker of its own for calls to the model server, so a slow server never holds up saving
     */
    public Session(Workbench workbench, ProgressModel progress, ServerStatusModel server, Notices notices,
                   TaskExecutor io, TaskExecutor modelCalls) {
        this.workbench = workbench;
        this.progress = progress;
        this.server = server;
        this.notices = notices;
        this.io = io;
        this.modelCalls = modelCalls;
    }

    public ReadOnlyObjectProperty<ServerStatus> serverStatusProperty() {
        return server.statusProperty();
    }

    public void setOllamaUrl(Optional<String> url, Runnable onSaved) {
        server.saveAddress(url, onSaved);
    }

    /** Runs a call to the model server on its own worker; failures become the error bar's sentence. */
    public <T> void modelCall(Callable<T> work, Consumer<T> onSuccess) {
        modelCalls.run(work, onSuccess, notices::report);
    }

    public <T> void modelCall(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        modelCalls.run(work, onSuccess, onFailure);
    }

    /** Runs other work on the progress writes' worker, in order with them. */
    public <T> void background(Callable<T> work, Consumer<T> onSuccess) {
        io.run(work, onSuccess, notices::report);
    }

    public Workbench workbench() {
        return workbench;
    }

    public Clock clock() {
        return progress.clock();
    }

    public ProgressSnapshot snapshot() {
        return progress.snapshot();
    }

    public void refreshProgress() {
        progress.refresh();
    }
}
