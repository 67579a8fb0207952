package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Records what a learner does with a pack. Each call is one short transaction: a state change and
 * its event are written together or not at all. {@link #apply} also returns the snapshot after
 * the change, built from the one before and the rows the change wrote, so a tick costs the same
 * however long the history is.
 */
public final class ProgressService {
    private final Database database;
    private final ProgressStore store;
    private final Clock clock;

    public ProgressService(Database database, Clock clock) {
        this.database = database;
        this.store = new ProgressStore(database);
        this.clock = clock;
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** Reads everything about the pack at once; creates the default plan (starting today) on first use. */
    public ProgressSnapshot snapshot(Pack pack) {
        return database.inTransaction(c -> read(pack.id()));
    }

    private ProgressSnapshot read(String packId) throws SQLException {
        PlanSettings plan = planOrDefault(packId);
        return ProgressSnapshot.of(packId, plan, store.states(packId), store.events(packId), store.notes(packId),
                store.timeEntries(packId), zone(), store.stamp());
    }

    /**
     * Applies one change and returns the snapshot after it, in one transaction. When nothing was
     * written since {@code previous} was read, the snapshot is {@code previous} plus the rows the
     * change wrote and the history is not read; otherwise (another write came between, or there is
     * no previous snapshot of this pack) it is read afresh. Either way it equals {@link #snapshot}.
     *
     * @param previous the latest snapshot the caller holds; null when it has none
     */
    public ProgressSnapshot apply(Pack pack, ProgressSnapshot previous, ProgressChange change) {
        Write write = prepare(pack, change);
        return database.inTransaction(c -> {
            boolean current = previous != null && previous.packId().equals(pack.id())
                    && previous.stamp().equals(store.stamp());
            ProgressDelta delta = new ProgressDelta();
            write.run(delta);
            return current ? delta.applyTo(previous, zone(), store.stamp()) : read(pack.id());
        });
    }

    /** A change checked against the pack, ready to be written inside a transaction. */
    private interface Write {
        void run(ProgressDelta delta) throws SQLException;
    }

    private Write prepare(Pack pack, ProgressChange change) {
        String packId = pack.id();
        Instant at = now();
        return switch (change) {
            case ProgressChange.Mark mark -> {
                List<String> items = itemsUnder(pack, mark.itemId());
                yield delta -> markItems(packId, items, mark.state(), at, delta);
            }
            case ProgressChange.SaveNote note -> {
                requireWeek(pack, note.weekId());
                yield delta -> writeNote(packId, note.weekId(), note.markdown(), at, delta);
            }
            case ProgressChange.StartTimer timer -> {
                requireWorkItem(pack, timer.itemId());
                yield delta -> startTimer(packId, timer.itemId(), at, delta);
            }
            case ProgressChange.StopTimer stop -> delta -> stopRunning(packId, at, delta);
            case ProgressChange.AddMinutes minutes -> {
                requireWorkItem(pack, minutes.itemId());
                requireMinutes(minutes.minutes());
                yield delta -> addMinutes(packId, minutes.itemId(), minutes.minutes(), at, delta);
            }
            case ProgressChange.SetPlan plan -> delta -> {
                store.putPlan(packId, plan.plan());
                delta.plan(plan.plan());
            };
        };
    }

    private PlanSettings planOrDefault(String packId) throws SQLException {
        Optional<PlanSettings> plan = store.plan(packId);
        if (plan.isPresent()) {
            return plan.get();
        }
        PlanSettings fresh = new PlanSettings(LocalDate.now(clock), PlanSettings.DEFAULT_HOURS_PER_WEEK);
        store.putPlan(packId, fresh);
        return fresh;
    }

    public PlanSettings plan(Pack pack) {
        return database.inTransaction(c -> planOrDefault(pack.id()));
    }

    public void setPlan(Pack pack, PlanSettings plan) {
        database.inTransaction(c -> {
            store.putPlan(pack.id(), plan);
            return null;
        });
    }

    /**
     * Sets the state of a task or checklist item, or of every item under a week, module, milestone
     * or phase. Items already in that state are left alone (no event).
     *
     * @return how many items changed
     */
    public int mark(Pack pack, String itemId, TaskState state) {
        List<String> items = itemsUnder(pack, itemId);
        Instant at = now();
        return database.inTransaction(c -> markItems(pack.id(), items, state, at, new ProgressDelta()));
    }

    private int markItems(String packId, List<String> items, TaskState state, Instant at, ProgressDelta delta)
            throws SQLException {
        int changed = 0;
        for (String item : items) {
            TaskState from = store.state(packId, item).orElse(TaskState.TODO);
            if (from != state) {
                store.putState(packId, item, state, at);
                delta.state(new ItemState(item, state, at));
                addEvent(packId, new ProgressEvent(item, ProgressEvent.Kind.STATE, from, state, null, at), delta);
                changed++;
            }
        }
        return changed;
    }

    private void addEvent(String packId, ProgressEvent event, ProgressDelta delta) throws SQLException {
        store.addEvent(packId, event);
        delta.event(event);
    }

    private static List<String> itemsUnder(Pack pack, String itemId) {
        List<String> items = pack.workItemIdsUnder(itemId);
        if (items.isEmpty()) {
            throw new UnknownItemException(itemId, pack.id(), closest(pack.allIds(), itemId));
        }
        return items;
    }

    private static List<String> closest(List<String> ids, String wanted) {
        return Suggestions.BY_EDITS.closest(ids, wanted, 3);
    }

    /** Saves a week's note; an empty note removes it. */
    public void saveNote(Pack pack, String weekId, String markdown) {
        requireWeek(pack, weekId);
        Instant at = now();
        database.inTransaction(c -> {
            writeNote(pack.id(), weekId, markdown, at, new ProgressDelta());
            return null;
        });
    }

    private static void requireWeek(Pack pack, String weekId) {
        if (pack.week(weekId).isEmpty()) {
            throw new UnknownItemException(weekId, pack.id(),
                    closest(pack.weeks().stream().map(w -> w.id()).toList(), weekId));
        }
    }

    private void writeNote(String packId, String weekId, String markdown, Instant at, ProgressDelta delta)
            throws SQLException {
        // A blank note is no note: saving one where there is none changes nothing and records no event.
        String wanted = markdown == null || markdown.isBlank() ? "" : markdown;
        String current = store.notes(packId).stream().filter(n -> n.weekId().equals(weekId))
                .map(WeekNote::markdown).findFirst().orElse("");
        if (current.equals(wanted)) {
            return;
        }
        if (wanted.isEmpty()) {
            store.deleteNote(packId, weekId);
            delta.noteDeleted(weekId);
        } else {
            WeekNote note = new WeekNote(weekId, wanted, at);
            store.putNote(packId, note);
            delta.notePut(note);
        }
        addEvent(packId, new ProgressEvent(weekId, ProgressEvent.Kind.NOTE, null, null, null, at), delta);
    }

    /** Starts the timer on an item, stopping (and logging) any timer already running for the pack. */
    public void startTimer(Pack pack, String itemId) {
        requireWorkItem(pack, itemId);
        Instant at = now();
        database.inTransaction(c -> {
            startTimer(pack.id(), itemId, at, new ProgressDelta());
            return null;
        });
    }

    private void startTimer(String packId, String itemId, Instant at, ProgressDelta delta) throws SQLException {
        stopRunning(packId, at, delta);
        TimeEntry entry = new TimeEntry(itemId, TimeEntry.Source.TIMER, at, null, null);
        store.addTimeEntry(packId, entry);
        delta.timeEntryAdded(entry);
    }

    /** Stops the running timer, if any, and logs its minutes. */
    public Optional<TimeEntry> stopTimer(Pack pack) {
        Instant at = now();
        return database.inTransaction(c -> stopRunning(pack.id(), at, new ProgressDelta()));
    }

    private Optional<TimeEntry> stopRunning(String packId, Instant at, ProgressDelta delta) throws SQLException {
        Optional<TimeEntry> running = store.runningTimer(packId);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        TimeEntry entry = running.get();
        int minutes = (int) Math.round(Duration.between(entry.startedAt(), at).toSeconds() / 60.0);
        store.endRunningTimer(packId, at, minutes);
        TimeEntry ended = new TimeEntry(entry.itemId(), entry.source(), entry.startedAt(), at, minutes);
        delta.timerEnded(ended);
        addEvent(packId, new ProgressEvent(entry.itemId(), ProgressEvent.Kind.TIME, null, null, minutes, at), delta);
        return Optional.of(ended);
    }

    /** Logs minutes spent on an item by hand. */
    public void addMinutes(Pack pack, String itemId, int minutes) {
        requireWorkItem(pack, itemId);
        requireMinutes(minutes);
        Instant at = now();
        database.inTransaction(c -> {
            addMinutes(pack.id(), itemId, minutes, at, new ProgressDelta());
            return null;
        });
    }

    private static void requireMinutes(int minutes) {
        if (minutes <= 0 || minutes > 24 * 60) {
            throw new IllegalArgumentException("minutes must be between 1 and 1440, not " + minutes);
        }
    }

    private void addMinutes(String packId, String itemId, int minutes, Instant at, ProgressDelta delta)
            throws SQLException {
        TimeEntry entry = new TimeEntry(itemId, TimeEntry.Source.MANUAL, at, at, minutes);
        store.addTimeEntry(packId, entry);
        delta.timeEntryAdded(entry);
        addEvent(packId, new ProgressEvent(itemId, ProgressEvent.Kind.TIME, null, null, minutes, at), delta);
    }

    private static void requireWorkItem(Pack pack, String itemId) {
        if (pack.workItem(itemId).isEmpty()) {
            throw new UnknownItemException(itemId, pack.id(),
                    closest(pack.workItems().stream().map(w -> w.id()).toList(), itemId));
        }
    }
}
