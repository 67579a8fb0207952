package dev.aiworkbench.ui;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressChange;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.llm.ServerWatch;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The open workbench as the screens see it: the pack, the latest progress snapshot as an
 * observable property, and commands that write in the background and publish a fresh snapshot.
 */
public final class Session {
    private final Workbench workbench;
    private final Background background;
    private final ReadOnlyObjectWrapper<ProgressSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ServerStatus> server = new ReadOnlyObjectWrapper<>();
    private final ServerWatch watch;
    private final Background models = new Background("workbench-models");

    Session(Workbench workbench, Background background, ProgressSnapshot initial) {
        this.workbench = workbench;
        this.background = background;
        this.snapshot.set(initial);
        this.watch = new ServerWatch(workbench::models, workbench.clock());
        watch.addListener(status -> Platform.runLater(() -> server.set(status)));
        watch.checkNow();
    }

    /** The model server as last checked; null until the first check has answered. */
    public ReadOnlyObjectProperty<ServerStatus> serverStatusProperty() {
        return server.getReadOnlyProperty();
    }

    /** Checks the model server again now. */
    public void recheckServer() {
        watch.checkNow();
    }

    /** Saves the model server's address (empty: use OLLAMA_HOST or the default) and checks it. */
    public void setOllamaUrl(Optional<String> url, Runnable onSaved) {
        background.run(() -> {
            workbench.setOllamaUrl(url);
            return url;
        }, saved -> {
            error.set("");
            watch.checkNow();
            onSaved.run();
        }, this::report);
    }

    /**
     * Runs a call to the model server on its own worker, so a slow server never holds up saving
     * progress; failures become the error bar's sentence.
     */
    public <T> void modelCall(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        models.run(work, onSuccess, this::report);
    }

    /** As {@link #modelCall(Callable, java.util.function.Consumer)}, with the caller handling the failure. */
    public <T> void modelCall(Callable<T> work, java.util.function.Consumer<T> onSuccess,
                              java.util.function.Consumer<Throwable> onFailure) {
        models.run(work, onSuccess, onFailure);
    }

    /** Stops the background checks; the app is closing. */
    void close() {
        watch.close();
        models.close();
    }

    public Workbench workbench() {
        return workbench;
    }

    public InstalledPack installedPack() {
        return workbench.pack();
    }

    /** The pack to walk; empty when none could be read (the problems are on the Today screen). */
    public Optional<Pack> pack() {
        return workbench.pack().pack();
    }

    public Clock clock() {
        return workbench.clock();
    }

    public ReadOnlyObjectProperty<ProgressSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ProgressSnapshot snapshot() {
        return snapshot.get();
    }

    /** The last error a command hit, as a sentence; empty when the last command worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void clearError() {
        error.set("");
    }

    public void mark(String itemId, TaskState state) {
        apply(new ProgressChange.Mark(itemId, state));
    }

    public void saveNote(String weekId, String markdown) {
        apply(new ProgressChange.SaveNote(weekId, markdown));
    }

    public void startTimer(String itemId) {
        apply(new ProgressChange.StartTimer(itemId));
    }

    public void stopTimer() {
        apply(new ProgressChange.StopTimer());
    }

    public void addMinutes(String itemId, int minutes) {
        apply(new ProgressChange.AddMinutes(itemId, minutes));
    }

    public void setPlan(PlanSettings plan) {
        apply(new ProgressChange.SetPlan(plan));
    }

    /** Reads the progress again: another part of the app (a passed lab) marked tasks done. */
    public void refreshProgress() {
        write(pack -> { });
    }

    public void saveTheme(ThemeChoice theme) {
        background.run(() -> {
            workbench.settings().put(ThemeChoice.SETTING, theme.id());
            return theme;
        }, saved -> { }, this::report);
    }

    /** Runs other work on the same background worker, in order with the writes. */
    public <T> void background(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        background.run(work, onSuccess, this::report);
    }

    private interface PackWrite {
        void apply(Pack pack) throws Exception;
    }

    private void write(PackWrite change) {
        Optional<Pack> pack = pack();
        if (pack.isEmpty()) {
            return;
        }
        background.run(() -> {
            change.apply(pack.get());
            return workbench.progress().snapshot(pack.get());
        }, fresh -> {
            error.set("");
            snapshot.set(fresh);
        }, this::report);
    }

    /** Writes one change in the background and publishes the snapshot after it, built from the current one. */
    private void apply(ProgressChange change) {
        Optional<Pack> pack = pack();
        if (pack.isEmpty()) {
            return;
        }
        ProgressSnapshot previous = snapshot.get();
        background.run(() -> workbench.progress().apply(pack.get(), previous, change), fresh -> {
            error.set("");
            snapshot.set(fresh);
        }, this::report);
    }

    private void report(Throwable failure) {
        String message = failure.getMessage();
        error.set(message == null || message.isBlank() ? "Something went wrong; the log in "
                + workbench.dataFolder().logs() + " has the details." : message);
    }
}
