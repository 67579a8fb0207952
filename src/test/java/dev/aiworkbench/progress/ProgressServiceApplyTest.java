package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.aiworkbench.testing.TestPacks.checkId;
import static dev.aiworkbench.testing.TestPacks.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ProgressService#apply}: the snapshot built from the one before equals a full read, change after change. */
class ProgressServiceApplyTest {
    /** 2 phases x 2 modules x 2 weeks, 3 tasks a week, a 2-item milestone per phase. */
    private final Pack pack = TestPacks.grid(2, 2, 2, 3, 12);
    private final MutableClock clock = MutableClock.at("2025-03-03T22:50", ZoneId.of("Europe/Berlin"));

    @TempDir
    Path temp;
    private Database database;
    private ProgressService progress;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        progress = new ProgressService(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String week(int index) {
        return pack.weeks().get(index).id();
    }

    @Test
    void everyChangeGivesTheSnapshotAFullReadGives() {
        List<ProgressChange> changes = List.of(
                new ProgressChange.Mark(taskId(1, 1), TaskState.IN_PROGRESS),
                new ProgressChange.Mark(taskId(1, 1), TaskState.DONE),
                new ProgressChange.Mark(taskId(1, 1), TaskState.DONE),
                new ProgressChange.Mark(week(1), TaskState.DONE),
                new ProgressChange.Mark(taskId(2, 2), TaskState.SKIPPED),
                new ProgressChange.Mark(taskId(2, 2), TaskState.TODO),
                new ProgressChange.Mark(checkId(1, 1), TaskState.DONE),
                new ProgressChange.SaveNote(week(0), "# Week one\nwent well"),
                new ProgressChange.SaveNote(week(2), "a second note"),
                new ProgressChange.SaveNote(week(0), "rewritten"),
                new ProgressChange.SaveNote(week(0), "rewritten"),
                new ProgressChange.SaveNote(week(2), "  "),
                new ProgressChange.StartTimer(taskId(3, 1)),
                new ProgressChange.AddMinutes(taskId(1, 2), 25),
                new ProgressChange.StartTimer(taskId(3, 2)),
                new ProgressChange.StopTimer(),
                new ProgressChange.StopTimer(),
                new ProgressChange.SetPlan(new PlanSettings(LocalDate.of(2025, 2, 17), 7.5)),
                new ProgressChange.Mark(pack.phases().get(1).id(), TaskState.DONE),
                new ProgressChange.Mark(week(1), TaskState.TODO),
                new ProgressChange.StartTimer(taskId(4, 3)));

        ProgressSnapshot previous = progress.snapshot(pack);
        List<Integer> eventCounts = new ArrayList<>();
        for (ProgressChange change : changes) {
            // 25 minutes apart, so the changes cross midnight in Berlin and the activity spans days
            clock.advance(Duration.ofMinutes(25));
            ProgressSnapshot next = progress.apply(pack, previous, change);

            assertThat(next).as("after %s", change).isEqualTo(progress.snapshot(pack));
            assertThat(next.activity()).isEqualTo(Activity.of(next.events(), clock.getZone()));
            eventCounts.add(next.events().size());
            previous = next;
        }
        assertThat(previous.activity().eventsByDay()).hasSize(2);
        assertThat(previous.finishedAt()).containsKey(taskId(1, 1)).doesNotContainKey(taskId(2, 2))
                .doesNotContainKey(taskId(2, 1));
        assertThat(previous.runningTimer()).map(TimeEntry::itemId).contains(taskId(4, 3));
        assertThat(eventCounts).as("no-op changes add no event").startsWith(1, 2, 2);
    }

    @Test
    void theHistoryIsNotReadAgainWhenNothingElseWrote() {
        progress.mark(pack, taskId(1, 1), TaskState.DONE);
        ProgressSnapshot read = progress.snapshot(pack);
        // An event only this snapshot holds: it survives into the next one only if the next is built from it.
        ProgressEvent marker = new ProgressEvent("only-in-memory", ProgressEvent.Kind.NOTE, null, null, null,
                clock.instant());
        List<ProgressEvent> events = new ArrayList<>(read.events());
        events.add(marker);
        ProgressSnapshot held = ProgressSnapshot.of(read.packId(), read.plan(), read.states(), events, read.notes(),
                read.timeEntries(), clock.getZone(), read.stamp());

        ProgressSnapshot next = progress.apply(pack, held, new ProgressChange.Mark(taskId(1, 2), TaskState.DONE));

        assertThat(next.events()).contains(marker).hasSize(3);
        assertThat(next.state(taskId(1, 2))).isEqualTo(TaskState.DONE);
    }

    @Test
    void aWriteSinceThePreviousSnapshotMakesItReadAfresh() {
        ProgressSnapshot stale = progress.snapshot(pack);
        progress.mark(pack, taskId(1, 1), TaskState.DONE);

        ProgressSnapshot next = progress.apply(pack, stale, new ProgressChange.Mark(taskId(1, 2), TaskState.DONE));

        assertThat(next).isEqualTo(progress.snapshot(pack));
        assertThat(next.state(taskId(1, 1))).isEqualTo(TaskState.DONE);
    }

    @Test
    void aWriteByAnotherConnectionMakesItReadAfresh() {
        ProgressSnapshot stale = progress.snapshot(pack);
        try (Database other = Database.open(temp.resolve("workbench.db"))) {
            new ProgressService(other, clock).mark(pack, taskId(2, 1), TaskState.SKIPPED);
        }

        ProgressSnapshot next = progress.apply(pack, stale, new ProgressChange.Mark(taskId(1, 2), TaskState.DONE));

        assertThat(next).isEqualTo(progress.snapshot(pack));
        assertThat(next.state(taskId(2, 1))).isEqualTo(TaskState.SKIPPED);
    }

    @Test
    void withoutAPreviousSnapshotItReadsEverything() {
        progress.mark(pack, taskId(1, 1), TaskState.DONE);

        ProgressSnapshot next = progress.apply(pack, null, new ProgressChange.AddMinutes(taskId(1, 1), 10));

        assertThat(next).isEqualTo(progress.snapshot(pack));
        assertThat(next.events()).hasSize(2);
    }

    @Test
    void anUnknownItemIsRefusedBeforeAnythingIsWritten() {
        ProgressSnapshot before = progress.snapshot(pack);

        assertThatThrownBy(() -> progress.apply(pack, before, new ProgressChange.Mark("w01-nope", TaskState.DONE)))
                .isInstanceOf(UnknownItemException.class);
        assertThatThrownBy(() -> progress.apply(pack, before, new ProgressChange.AddMinutes(taskId(1, 1), 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(progress.snapshot(pack)).isEqualTo(before);
        assertThat(progress.snapshot(pack).stamp()).isEqualTo(before.stamp());
    }
}
