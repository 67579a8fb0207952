package dev.aiworkbench.progress;

import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePMap;
import org.pcollections.TreePVector;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything recorded about one pack; the plan, completion, pace and streak figures are computed
 * from it without touching the database again. Its collections are persistent, so the snapshot
 * after one change shares the history with the one before instead of copying it
 * ({@link ProgressService#apply}).
 *
 * @param finishedAt when each finished item was last moved to done or skipped
 * @param activity   the events per day in the zone of the service's clock
 * @param stamp      how far the database had got when this was read; not part of equality, as two
 *                   snapshots holding the same progress are equal however they were come by
 */
public record ProgressSnapshot(String packId, PlanSettings plan, Map<String, ItemState> states,
                               List<ProgressEvent> events, List<WeekNote> notes, List<TimeEntry> timeEntries,
                               Map<String, Instant> finishedAt, Activity activity, ReadStamp stamp) {

    public ProgressSnapshot {
        states = states instanceof TreePMap<String, ItemState> persistent ? persistent : TreePMap.from(states);
        events = GrowingList.of(events);
        notes = List.copyOf(notes);
        timeEntries = timeEntries instanceof PVector<TimeEntry> persistent ? persistent : TreePVector.from(timeEntries);
        finishedAt = finishedAt instanceof PMap<String, Instant> persistent ? persistent : HashTreePMap.from(finishedAt);
    }

    /** A snapshot of rows read as they are; the history's aggregates are computed from the events. */
    public static ProgressSnapshot of(String packId, PlanSettings plan, Map<String, ItemState> states,
                                      List<ProgressEvent> events, List<WeekNote> notes, List<TimeEntry> timeEntries,
                                      ZoneId zone, ReadStamp stamp) {
        return new ProgressSnapshot(packId, plan, states, events, notes, timeEntries, finishedAt(events, states),
                Activity.of(events, zone), stamp);
    }

    private static Map<String, Instant> finishedAt(List<ProgressEvent> events, Map<String, ItemState> states) {
        Map<String, Instant> finished = new HashMap<>();
        for (ProgressEvent event : events) {
            if (event.kind() == ProgressEvent.Kind.STATE && event.toState() != null) {
                if (event.toState().finished()) {
                    finished.put(event.itemId(), event.at());
                } else {
                    finished.remove(event.itemId());
                }
            }
        }
        finished.keySet().removeIf(id -> states.get(id) == null || !states.get(id).state().finished());
        return finished;
    }

    public TaskState state(String itemId) {
        ItemState state = states.get(itemId);
        return state == null ? TaskState.TODO : state.state();
    }

    public Optional<WeekNote> note(String weekId) {
        return notes.stream().filter(n -> n.weekId().equals(weekId)).findFirst();
    }

    public Optional<TimeEntry> runningTimer() {
        return timeEntries.stream().filter(TimeEntry::running).findFirst();
    }

    /** Minutes logged per item, counting a running timer up to {@code now}. */
    public Map<String, Long> minutesByItem(Instant now) {
        Map<String, Long> minutes = new HashMap<>();
        timeEntries.forEach(e -> minutes.merge(e.itemId(), e.minutesAt(now), Long::sum));
        return minutes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProgressSnapshot s && packId.equals(s.packId) && plan.equals(s.plan)
                && states.equals(s.states) && events.equals(s.events) && notes.equals(s.notes)
                && timeEntries.equals(s.timeEntries) && finishedAt.equals(s.finishedAt) && activity.equals(s.activity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packId, plan, states, events, notes, timeEntries, finishedAt, activity);
    }
}
