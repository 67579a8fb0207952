package dev.aiworkbench.testing;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ItemState;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressEvent;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.ReadStamp;
import dev.aiworkbench.progress.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress snapshots built in memory for the arithmetic on top of them (completion, pace, streaks):
 * each state change also becomes the event the service would have recorded.
 */
public final class SnapshotBuilder {
    private final String packId;
    private final PlanSettings plan;
    private final Map<String, ItemState> states = new LinkedHashMap<>();
    private final List<ProgressEvent> events = new ArrayList<>();

    private SnapshotBuilder(String packId, PlanSettings plan) {
        this.packId = packId;
        this.plan = plan;
    }

    public static SnapshotBuilder of(Pack pack, LocalDate start, double hoursPerWeek) {
        return new SnapshotBuilder(pack.id(), new PlanSettings(start, hoursPerWeek));
    }

    public static SnapshotBuilder of(Pack pack) {
        return of(pack, LocalDate.of(2025, 1, 6), 12);
    }

    /** Moves an item to a state at an instant, recording the change as an event. */
    public SnapshotBuilder set(String itemId, TaskState state, Instant at) {
        ItemState before = states.get(itemId);
        TaskState from = before == null ? TaskState.TODO : before.state();
        states.put(itemId, new ItemState(itemId, state, at));
        events.add(new ProgressEvent(itemId, ProgressEvent.Kind.STATE, from, state, null, at));
        return this;
    }

    public SnapshotBuilder set(String itemId, TaskState state) {
        return set(itemId, state, Instant.parse("2025-01-06T12:00:00Z"));
    }

    /** Marks items done at noon UTC of a day. */
    public SnapshotBuilder doneOn(LocalDate day, String... itemIds) {
        for (String id : itemIds) {
            set(id, TaskState.DONE, day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
        }
        return this;
    }

    public ProgressSnapshot build() {
        return ProgressSnapshot.of(packId, plan, Map.copyOf(states), List.copyOf(events), List.of(), List.of(),
                ZoneOffset.UTC, ReadStamp.NONE);
    }
}
