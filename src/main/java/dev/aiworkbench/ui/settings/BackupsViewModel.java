package dev.aiworkbench.ui.settings;

import dev.aiworkbench.store.Backup;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Backups section of Settings: the list, "Back up now", and a restore that asks first. The open database
 * cannot be swapped under the screens, so a confirmed restore closes the app and the backup is put in place as
 * it closes; the question says so.
 */
public final class BackupsViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackupOperations operations;
    private final TaskExecutor tasks;
    private final Runnable closeApp;
    private final ZoneId zone;
    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper restoreQuestion = new ReadOnlyStringWrapper("");
    private Backup pendingRestore;

    /** @param closeApp ends the app, which puts a chosen backup in place as it closes */
    public BackupsViewModel(BackupOperations operations, TaskExecutor tasks, Runnable closeApp, ZoneId zone) {
        this.operations = operations;
        this.tasks = tasks;
        this.closeApp = closeApp;
        this.zone = zone;
    }

    public void load() {
        tasks.run(operations.list()::get, backups::setAll, this::failed);
    }

    ObservableList<Backup> backups() {
        return FXCollections.unmodifiableObservableList(backups);
    }

    /** What happened last: a backup made, or the sentence that says what went wrong. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The question while a restore waits for its confirmation; empty otherwise. */
    ReadOnlyStringProperty restoreQuestionProperty() {
        return restoreQuestion.getReadOnlyProperty();
    }

    void backUpNow() {
        status.set("Backing up…");
        tasks.run(() -> {
            Backup made = operations.backUpNow().get();
            return new Made(made, operations.list().get());
        }, made -> {
            backups.setAll(made.all());
            status.set("Backed up to " + made.backup().file().getFileName() + ".");
        }, this::failed);
    }

    void askRestore(Backup backup) {
        if (backup == null) {
            return;
        }
        pendingRestore = backup;
        restoreQuestion.set("Restore the backup of " + describe(backup) + "? The app will close. As it closes, your "
                + "current database is set aside (kept, not deleted) and this backup takes its place. Start the app "
                + "again to continue from the backup.");
    }

    void cancelRestore() {
        pendingRestore = null;
        restoreQuestion.set("");
    }

    void confirmRestore() {
        Backup chosen = pendingRestore;
        cancelRestore();
        if (chosen == null) {
            return;
        }
        tasks.run(() -> {
            operations.restoreOnClose().accept(chosen.file());
            return chosen;
        }, ready -> closeApp.run(), this::failed);
    }

    /** A backup in one line: when, why and how big. */
    String describe(Backup backup) {
        return WHEN.format(backup.time().atZone(zone)) + " (" + backup.reason().replace('-', ' ') + ", "
                + Math.max(1, Math.round(backup.size() / 1024.0)) + " KB)";
    }

    private void failed(Throwable failure) {
        status.set(Sentences.of(failure));
    }

    /** A backup just made, and the list that now includes it. */
    private record Made(Backup backup, List<Backup> all) {
    }
}
