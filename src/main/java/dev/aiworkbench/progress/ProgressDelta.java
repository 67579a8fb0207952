package dev.aiworkbench.progress;

import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePMap;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows one change wrote, in the order it wrote them, so the snapshot after the change can be
 * the one before plus these rows, without reading the history again.
 */
final class ProgressDelta {
    private final List<ItemState> states = new ArrayList<>();
    private final List<ProgressEvent> events = new ArrayList<>();
    private final Map<String, WeekNote> notes = new TreeMap<>();
    private final List<String> notesDeleted = new ArrayList<>();
    private final List<TimeEntry> timeEntriesAdded = new ArrayList<>();
    private TimeEntry timerEnded;
    private PlanSettings plan;

    void state(ItemState state) {
        states.add(state);
    }

    void event(ProgressEvent event) {
        events.add(event);
    }

    void notePut(WeekNote note) {
        notes.put(note.weekId(), note);
    }

    void noteDeleted(String weekId) {
        notes.remove(weekId);
        notesDeleted.add(weekId);
    }

    void timeEntryAdded(TimeEntry entry) {
        timeEntriesAdded.add(entry);
    }

    /** The running timer was stopped, ending as this entry (it keeps its place in the list). */
    void timerEnded(TimeEntry ended) {
        timerEnded = ended;
    }

    void plan(PlanSettings settings) {
        plan = settings;
    }

    /** The snapshot after this change, from the one before it; reads nothing. */
    ProgressSnapshot applyTo(ProgressSnapshot before, ZoneId zone, ReadStamp stamp) {
        TreePMap<String, ItemState> nextStates = (TreePMap<String, ItemState>) before.states();
        for (ItemState state : states) {
            nextStates = nextStates.plus(state.itemId(), state);
        }
        PMap<String, Instant> finished = (PMap<String, Instant>) before.finishedAt();
        Activity activity = before.activity();
        for (ProgressEvent event : events) {
            if (event.kind() == ProgressEvent.Kind.STATE && event.toState() != null) {
                finished = event.toState().finished() ? finished.plus(event.itemId(), event.at())
                        : finished.minus(event.itemId());
            }
            activity = activity.plus(event.at(), zone);
        }
        GrowingList<ProgressEvent> nextEvents = ((GrowingList<ProgressEvent>) before.events()).plusAll(events);
        return new ProgressSnapshot(before.packId(), plan == null ? before.plan() : plan, nextStates, nextEvents,
                nextNotes(before.notes()), nextTimeEntries(before.timeEntries()), finished, activity, stamp);
    }

    private List<WeekNote> nextNotes(List<WeekNote> before) {
        if (notes.isEmpty() && notesDeleted.isEmpty()) {
            return before;
        }
        Map<String, WeekNote> byWeek = new TreeMap<>();
        before.forEach(n -> byWeek.put(n.weekId(), n));
        notesDeleted.forEach(byWeek::remove);
        byWeek.putAll(notes);
        return List.copyOf(byWeek.values());
    }

    private List<TimeEntry> nextTimeEntries(List<TimeEntry> before) {
        PVector<TimeEntry> entries = (PVector<TimeEntry>) before;
        if (timerEnded != null) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).running()) {
                    entries = entries.with(i, timerEnded);
                    break;
                }
            }
        }
        return entries.plusAll(timeEntriesAdded);
    }
}
