package dev.aiworkbench.ui.session;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Clock;
import java.util.Optional;

/**
 * The learner's progress as every screen sees it: the installed pack, the latest snapshot as an observable
 * property, and commands that write through one serial executor (so changes land in the order they were made)
 * and then publish a fresh snapshot.
 */
public final class ProgressModel {
    private final ProgressService progress;
    private final InstalledPack installed;
    private final Clock clock;
    private final TaskExecutor writes;
    private final Notices notices;
    private final ReadOnlyObjectWrapper<ProgressSnapshot> snapshot = new ReadOnlyObjectWrapper<>();

    /** @param initial the snapshot read when the workbench opened; null when no pack could be read */
    public ProgressModel(ProgressService progress, InstalledPack installed, Clock clock, ProgressSnapshot initial,
                         TaskExecutor writes, Notices notices) {
        this.progress = progress;
        this.installed = installed;
        this.clock = clock;
        this.writes = writes;
        this.notices = notices;
        this.snapshot.set(initial);
    }

    public InstalledPack installedPack() {
        return installed;
    }

    /** The pack to walk; empty when none could be read (the problems are on the Today screen). */
    public Optional<Pack> pack() {
        return installed.pack();
    }

    public Clock clock() {
        return clock;
    }

    public ReadOnlyObjectProperty<ProgressSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ProgressSnapshot snapshot() {
        return snapshot.get();
    }

    /** The first unfinished task or checklist item, in plan order. */
    public Optional<WorkItem> whatsNext() {
        return pack().filter(p -> snapshot() != null).flatMap(p -> ProgressReport.of(p, snapshot()).whatsNext());
    }

    public void mark(String itemId, TaskState state) {
        write(pack -> progress.mark(pack, itemId, state));
    }

    public void saveNote(String weekId, String markdown) {
        write(pack -> progress.saveNote(pack, weekId, markdown));
    }

    public void startTimer(String itemId) {
        write(pack -> progress.startTimer(pack, itemId));
    }

    public void stopTimer() {
        write(progress::stopTimer);
    }

    public void addMinutes(String itemId, int minutes) {
        write(pack -> progress.addMinutes(pack, itemId, minutes));
    }

    public void setPlan(PlanSettings plan) {
        write(pack -> progress.setPlan(pack, plan));
    }

    /** Reads the progress again: another part of the app (a passed lab) marked tasks done. */
    public void refresh() {
        write(pack -> { });
    }

    private interface PackWrite {
        void apply(Pack pack) throws Exception;
    }

    private void write(PackWrite change) {
        Optional<Pack> pack = pack();
        if (pack.isEmpty()) {
            return;
        }
        writes.run(() -> {
            change.apply(pack.get());
            return progress.snapshot(pack.get());
        }, fresh -> {
            notices.clearError();
            snapshot.set(fresh);
        }, notices::report);
    }
}
