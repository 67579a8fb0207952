package dev.aiworkbench.progress;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything recorded about one pack, read in one transaction; the plan, completion, pace and
 * streak figures are computed from it without touching the database again.
 */
public record ProgressSnapshot(String packId, PlanSettings plan, Map<String, ItemState> states,
                               List<ProgressEvent> events, List<WeekNote> notes, List<TimeEntry> timeEntries) {

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

    /** When each finished item was last moved to done or skipped. */
    public Map<String, Instant> finishedAt() {
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
        finished.keySet().removeIf(id -> !state(id).finished());
        return finished;
    }
}
