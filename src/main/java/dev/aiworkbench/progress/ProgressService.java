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
import java.util.List;
import java.util.Optional;

/**
 * Records what a learner does with a pack. Each call is one short transaction: a state change and
 * its event are written together or not at all.
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

    /** Reads everything about the pack at once; creates the default plan (starting today) on first use. */
    public ProgressSnapshot snapshot(Pack pack) {
        String packId = pack.id();
        return database.inTransaction(c -> new ProgressSnapshot(packId, planOrDefault(packId),
                store.states(packId), store.events(packId), store.notes(packId),
                store.timeEntries(packId)));
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
        return database.inTransaction(c -> {
            int changed = 0;
            for (String item : items) {
                TaskState from = store.state(pack.id(), item).orElse(TaskState.TODO);
                if (from != state) {
                    store.putState(pack.id(), item, state, at);
                    store.addEvent(pack.id(),
                            new ProgressEvent(item, ProgressEvent.Kind.STATE, from, state, null, at));
                    changed++;
                }
            }
            return changed;
        });
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
        if (pack.week(weekId).isEmpty()) {
            throw new UnknownItemException(weekId, pack.id(),
                    closest(pack.weeks().stream().map(w -> w.id()).toList(), weekId));
        }
        Instant at = now();
        // A blank note is no note: saving one where there is none changes nothing and records no event.
        String wanted = markdown == null || markdown.isBlank() ? "" : markdown;
        database.inTransaction(c -> {
            String current = store.notes(pack.id()).stream().filter(n -> n.weekId().equals(weekId))
                    .map(WeekNote::markdown).findFirst().orElse("");
            if (current.equals(wanted)) {
                return null;
            }
            if (wanted.isEmpty()) {
                store.deleteNote(pack.id(), weekId);
            } else {
                store.putNote(pack.id(), new WeekNote(weekId, wanted, at));
            }
            store.addEvent(pack.id(), new ProgressEvent(weekId, ProgressEvent.Kind.NOTE, null, null, null, at));
            return null;
        });
    }

    /** Starts the timer on an item, stopping (and logging) any timer already running for the pack. */
    public void startTimer(Pack pack, String itemId) {
        requireWorkItem(pack, itemId);
        Instant at = now();
        database.inTransaction(c -> {
            stopRunning(pack.id(), at);
            store.addTimeEntry(pack.id(), new TimeEntry(itemId, TimeEntry.Source.TIMER, at, null, null));
            return null;
        });
    }

    /** Stops the running timer, if any, and logs its minutes. */
    public Optional<TimeEntry> stopTimer(Pack pack) {
        Instant at = now();
        return database.inTransaction(c -> stopRunning(pack.id(), at));
    }

    private Optional<TimeEntry> stopRunning(String packId, Instant at) throws SQLException {
        Optional<TimeEntry> running = store.runningTimer(packId);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        TimeEntry entry = running.get();
        int minutes = (int) Math.round(Duration.between(entry.startedAt(), at).toSeconds() / 60.0);
        store.endRunningTimer(packId, at, minutes);
        store.addEvent(packId, new ProgressEvent(entry.itemId(), ProgressEvent.Kind.TIME, null, null, minutes, at));
        return Optional.of(new TimeEntry(entry.itemId(), entry.source(), entry.startedAt(), at, minutes));
    }

    /** Logs minutes spent on an item by hand. */
    public void addMinutes(Pack pack, String itemId, int minutes) {
        requireWorkItem(pack, itemId);
        if (minutes <= 0 || minutes > 24 * 60) {
            throw new IllegalArgumentException("minutes must be between 1 and 1440, not " + minutes);
        }
        Instant at = now();
        database.inTransaction(c -> {
            store.addTimeEntry(pack.id(), new TimeEntry(itemId, TimeEntry.Source.MANUAL, at, at, minutes));
            store.addEvent(pack.id(), new ProgressEvent(itemId, ProgressEvent.Kind.TIME, null, null, minutes, at));
            return null;
        });
    }

    private static void requireWorkItem(Pack pack, String itemId) {
        if (pack.workItem(itemId).isEmpty()) {
            throw new UnknownItemException(itemId, pack.id(),
                    closest(pack.workItems().stream().map(w -> w.id()).toList(), itemId));
        }
    }
}
