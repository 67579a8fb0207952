package dev.aiworkbench.ui.session;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressChange;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.ui.tasks.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** The newest snapshot the write worker made; read and written only on that worker, in order. */
    private volatile ProgressSnapshot latest;
    /** A full read waits on the worker: a request meanwhile is answered by it, so a burst costs one read. */
    private final AtomicBoolean readWaiting = new AtomicBoolean();

    /** @param initial the snapshot read when the workbench opened; null when no pack could be read */
    public ProgressModel(ProgressService progress, InstalledPack installed, Clock clock, ProgressSnapshot initial,
                         TaskExecutor writes, Notices notices) {
        this.progress = progress;
        this.installed = installed;
        this.clock = clock;
        this.writes = writes;
        this.notices = notices;
        this.snapshot.set(initial);
        this.latest = initial;
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

    /** The title of the task or checklist item whose timer runs, if one does. */
    public Optional<String> runningTimer() {
        ProgressSnapshot now = snapshot();
        if (now == null) {
            return Optional.empty();
        }
        return now.runningTimer().map(entry -> pack().flatMap(p -> p.workItem(entry.itemId())).map(WorkItem::title)
                .orElse(entry.itemId()));
    }

    /** The first unfinished task or checklist item, in plan order. */
    public Optional<WorkItem> whatsNext() {
        return pack().filter(p -> snapshot() != null).flatMap(p -> ProgressReport.of(p, snapshot()).whatsNext());
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

    /**
     * Reads the progress again: another part of the app (a passed lab) or another process (a task marked from the
     * command line) changed it. Requests made while a read waits to start are folded into that read.
     */
    public void refresh() {
        Optional<Pack> pack = pack();
        if (pack.isEmpty() || !readWaiting.compareAndSet(false, true)) {
            return;
        }
        writes.run(() -> {
            readWaiting.set(false);
            latest = progress.snapshot(pack.get());
            return latest;
        }, this::publish, notices::report);
    }

    /**
     * Writes one change and derives the next snapshot from the last one this worker made, so a tick costs the
     * same however long the history is; the service reads everything again when anything else wrote meanwhile.
     */
    private void apply(ProgressChange change) {
        Optional<Pack> pack = pack();
        if (pack.isEmpty()) {
            return;
        }
        writes.run(() -> {
            latest = progress.apply(pack.get(), latest, change);
            return latest;
        }, this::publish, notices::report);
    }

    private void publish(ProgressSnapshot fresh) {
        notices.clearError();
        snapshot.set(fresh);
    }
}
