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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.aiworkbench.testing.TestPacks.checkId;
import static dev.aiworkbench.testing.TestPacks.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Recording progress in a real SQLite file: states and their events, notes, timers and minutes. */
class ProgressServiceTest {
    /** 2 phases x 2 modules x 2 weeks, 3 tasks a week, a 2-item milestone per phase. */
    private final Pack pack = TestPacks.grid(2, 2, 2, 3, 12);
    private final MutableClock clock = MutableClock.at("2025-03-03T09:00", ZoneId.of("Europe/Berlin"));

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

    private ProgressSnapshot snapshot() {
        return progress.snapshot(pack);
    }

    private List<ProgressEvent> events() {
        return snapshot().events();
    }

    @Test
    void markingATaskSetsItsStateAndRecordsOneEvent() {
        assertThat(progress.mark(pack, taskId(1, 1), TaskState.DONE)).isEqualTo(1);

        ProgressSnapshot snapshot = snapshot();
        assertThat(snapshot.state(taskId(1, 1))).isEqualTo(TaskState.DONE);
        assertThat(snapshot.state(taskId(1, 2))).isEqualTo(TaskState.TODO);
        assertThat(snapshot.states().get(taskId(1, 1)).updatedAt()).isEqualTo(clock.instant());
        assertThat(snapshot.events()).containsExactly(new ProgressEvent(taskId(1, 1), ProgressEvent.Kind.STATE,
                TaskState.TODO, TaskState.DONE, null, clock.instant()));
    }

    @Test
    void eachChangeIsAnEventFromTheStateBefore() {
        progress.mark(pack, taskId(1, 1), TaskState.IN_PROGRESS);
        clock.advance(Duration.ofHours(1));
        progress.mark(pack, taskId(1, 1), TaskState.DONE);
        clock.advance(Duration.ofHours(1));
        progress.mark(pack, taskId(1, 1), TaskState.TODO);

        assertThat(events()).extracting(ProgressEvent::fromState, ProgressEvent::toState).containsExactly(
                tuple(TaskState.TODO, TaskState.IN_PROGRESS),
                tuple(TaskState.IN_PROGRESS, TaskState.DONE),
                tuple(TaskState.DONE, TaskState.TODO));
        assertThat(events()).extracting(ProgressEvent::at).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void markingTheSameStateTwiceRecordsNoSecondEvent() {
        progress.mark(pack, taskId(1, 1), TaskState.DONE);
        clock.advance(Duration.ofMinutes(5));

        assertThat(progress.mark(pack, taskId(1, 1), TaskState.DONE)).isZero();
        assertThat(progress.mark(pack, taskId(1, 2), TaskState.TODO)).isZero();

        assertThat(events()).hasSize(1);
        assertThat(snapshot().states().get(taskId(1, 1)).updatedAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(snapshot().states()).doesNotContainKey(taskId(1, 2));
    }

    @Test
    void markingAWeekSetsItsTasksAndLeavesThoseAlreadyInThatState() {
        progress.mark(pack, taskId(1, 2), TaskState.DONE);

        assertThat(progress.mark(pack, "week-1", TaskState.DONE)).isEqualTo(2);

        assertThat(snapshot().states().keySet()).containsExactlyInAnyOrder(taskId(1, 1), taskId(1, 2), taskId(1, 3));
        assertThat(events()).hasSize(3);
    }

    @Test
    void markingAModuleSetsTheTasksOfItsWeeksButNotTheMilestone() {
        assertThat(progress.mark(pack, "module-2", TaskState.SKIPPED)).isEqualTo(6);

        ProgressSnapshot snapshot = snapshot();
        assertThat(snapshot.states().keySet()).containsExactlyInAnyOrder(taskId(3, 1), taskId(3, 2), taskId(3, 3),
                taskId(4, 1), taskId(4, 2), taskId(4, 3));
        assertThat(snapshot.states().values()).allMatch(s -> s.state() == TaskState.SKIPPED);
    }

    @Test
    void markingAPhaseSetsItsTasksAndItsMilestoneChecklist() {
        assertThat(progress.mark(pack, "phase-2", TaskState.DONE)).isEqualTo(4 * 3 + 2);

        ProgressSnapshot snapshot = snapshot();
        assertThat(snapshot.state(checkId(2, 1))).isEqualTo(TaskState.DONE);
        assertThat(snapshot.state(taskId(8, 3))).isEqualTo(TaskState.DONE);
        assertThat(snapshot.state(taskId(4, 3))).isEqualTo(TaskState.TODO);
        assertThat(snapshot.state(checkId(1, 1))).isEqualTo(TaskState.TODO);
    }

    @Test
    void markingAMilestoneSetsItsChecklist() {
        assertThat(progress.mark(pack, "milestone-1", TaskState.DONE)).isEqualTo(2);
        assertThat(progress.mark(pack, checkId(1, 2), TaskState.IN_PROGRESS)).isEqualTo(1);

        assertThat(snapshot().state(checkId(1, 1))).isEqualTo(TaskState.DONE);
        assertThat(snapshot().state(checkId(1, 2))).isEqualTo(TaskState.IN_PROGRESS);
    }

    @Test
    void anUnknownIdIsRefusedWithTheClosestIdsAndNothingIsWritten() {
        Pack real = TestPacks.defaultPack();

        assertThatThrownBy(() -> progress.mark(real, "w01-projct-setup", TaskState.DONE))
                .isInstanceOf(UnknownItemException.class)
                .hasMessage("'w01-projct-setup' is not an item of the pack 'devops-to-ai'. Did you mean w01-project-setup?");
        assertThatThrownBy(() -> progress.mark(real, "completely-unrelated-thing", TaskState.DONE))
                .isInstanceOf(UnknownItemException.class)
                .hasMessage("'completely-unrelated-thing' is not an item of the pack 'devops-to-ai'; "
                        + "`workbench progress show` lists the ids");

        assertThat(progress.snapshot(real).states()).isEmpty();
        assertThat(progress.snapshot(real).events()).isEmpty();
    }

    @Test
    void suggestionsAreTheClosestFirstAndAtMostThree() {
        assertThatThrownBy(() -> progress.mark(pack, "week-11", TaskState.DONE))
                .hasMessage("'week-11' is not an item of the pack 'test-pack'. Did you mean week-1, week-2, week-3?");
        assertThatThrownBy(() -> progress.mark(pack, "w1-t", TaskState.DONE))
                .hasMessageEndingWith("Did you mean w1-t1, w1-t2, w1-t3?");
    }

    @Test
    void aNoteIsSavedChangedAndDeletedWhenEmptied() {
        progress.saveNote(pack, "week-1", "First *thoughts*");
        assertThat(snapshot().note("week-1")).get()
                .isEqualTo(new WeekNote("week-1", "First *thoughts*", clock.instant()));

        clock.advance(Duration.ofMinutes(10));
        progress.saveNote(pack, "week-1", "Second thoughts");
        assertThat(snapshot().notes()).containsExactly(new WeekNote("week-1", "Second thoughts", clock.instant()));

        progress.saveNote(pack, "week-1", "Second thoughts");
        assertThat(events()).hasSize(2);

        clock.advance(Duration.ofMinutes(10));
        progress.saveNote(pack, "week-1", "");
        assertThat(snapshot().notes()).isEmpty();
        assertThat(events()).extracting(ProgressEvent::kind, ProgressEvent::itemId).containsOnly(
                tuple(ProgressEvent.Kind.NOTE, "week-1"));
        assertThat(events()).hasSize(3);
    }

    @Test
    void aBlankNoteDeletesTheNoteAndOnAWeekWithoutOneChangesNothing() {
        progress.saveNote(pack, "week-2", "  \n\t");
        assertThat(snapshot().notes()).isEmpty();
        assertThat(events()).isEmpty();

        progress.saveNote(pack, "week-2", "kept");
        progress.saveNote(pack, "week-2", " \n ");
        assertThat(snapshot().notes()).isEmpty();
        assertThat(events()).hasSize(2);
    }

    @Test
    void aNoteOnSomethingThatIsNotAWeekIsRefused() {
        assertThatThrownBy(() -> progress.saveNote(pack, "week-9", "x")).isInstanceOf(UnknownItemException.class)
                .hasMessageContaining("Did you mean week-1");
        assertThatThrownBy(() -> progress.saveNote(pack, taskId(1, 1), "x")).isInstanceOf(UnknownItemException.class);
        assertThat(snapshot().notes()).isEmpty();
    }

    @Test
    void startingATimerRunsItUntilStoppedAndLogsTheMinutes() {
        Instant start = clock.instant();
        progress.startTimer(pack, taskId(1, 1));
        assertThat(snapshot().runningTimer()).get()
                .isEqualTo(new TimeEntry(taskId(1, 1), TimeEntry.Source.TIMER, start, null, null));
        clock.advance(Duration.ofMinutes(12));
        assertThat(snapshot().minutesByItem(clock.instant())).containsEntry(taskId(1, 1), 12L);

        clock.advance(Duration.ofMinutes(28).plusSeconds(29));
        TimeEntry stopped = progress.stopTimer(pack).orElseThrow();

        assertThat(stopped).isEqualTo(new TimeEntry(taskId(1, 1), TimeEntry.Source.TIMER, start, clock.instant(), 40));
        ProgressSnapshot snapshot = snapshot();
        assertThat(snapshot.runningTimer()).isEmpty();
        assertThat(snapshot.timeEntries()).containsExactly(stopped);
        assertThat(snapshot.events()).containsExactly(new ProgressEvent(taskId(1, 1), ProgressEvent.Kind.TIME, null,
                null, 40, clock.instant()));
    }

    @Test
    void startingAnotherTimerStopsAndLogsTheFirst() {
        progress.startTimer(pack, taskId(1, 1));
        clock.advance(Duration.ofMinutes(25));
        Instant switchedAt = clock.instant();

        progress.startTimer(pack, taskId(1, 2));
        clock.advance(Duration.ofMinutes(5));

        ProgressSnapshot snapshot = snapshot();
        assertThat(snapshot.timeEntries()).hasSize(2);
        assertThat(snapshot.timeEntries().get(0)).extracting(TimeEntry::itemId, TimeEntry::endedAt, TimeEntry::minutes)
                .containsExactly(taskId(1, 1), switchedAt, 25);
        assertThat(snapshot.runningTimer()).get().extracting(TimeEntry::itemId, TimeEntry::startedAt)
                .containsExactly(taskId(1, 2), switchedAt);
        assertThat(snapshot.minutesByItem(clock.instant())).containsEntry(taskId(1, 1), 25L).containsEntry(taskId(1, 2), 5L);
        assertThat(snapshot.events()).singleElement().extracting(ProgressEvent::minutes).isEqualTo(25);
    }

    @Test
    void stoppingWithoutATimerDoesNothing() {
        assertThat(progress.stopTimer(pack)).isEmpty();
        assertThat(events()).isEmpty();
    }

    @Test
    void timersAndMinutesRunOnlyOnTasksAndChecklistItems() {
        assertThatThrownBy(() -> progress.startTimer(pack, "week-1")).isInstanceOf(UnknownItemException.class);
        assertThatThrownBy(() -> progress.addMinutes(pack, "phase-1", 10)).isInstanceOf(UnknownItemException.class);
        progress.startTimer(pack, checkId(1, 1));
        assertThat(snapshot().runningTimer()).isPresent();
    }

    @Test
    void manualMinutesAreLoggedWithinOneToADay() {
        progress.addMinutes(pack, taskId(2, 1), 1);
        progress.addMinutes(pack, taskId(2, 1), 24 * 60);

        ProgressSnapshot snapshot = snapshot();
        assertThat(snapshot.timeEntries()).containsExactly(
                new TimeEntry(taskId(2, 1), TimeEntry.Source.MANUAL, clock.instant(), clock.instant(), 1),
                new TimeEntry(taskId(2, 1), TimeEntry.Source.MANUAL, clock.instant(), clock.instant(), 1440));
        assertThat(snapshot.minutesByItem(clock.instant())).containsEntry(taskId(2, 1), 1441L);
        assertThat(snapshot.events()).extracting(ProgressEvent::minutes).containsExactly(1, 1440);
    }

    @Test
    void manualMinutesOutsideTheBoundsAreRefused() {
        for (int minutes : new int[] {0, -5, 24 * 60 + 1}) {
            assertThatThrownBy(() -> progress.addMinutes(pack, taskId(2, 1), minutes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("minutes must be between 1 and 1440, not " + minutes);
        }
        assertThat(snapshot().timeEntries()).isEmpty();
        assertThat(events()).isEmpty();
    }

    @Test
    void thePlanStartsTodayWithTwelveHoursUntilTheLearnerSetsIt() {
        clock.setLocal("2025-03-03T23:30");

        assertThat(progress.plan(pack)).isEqualTo(new PlanSettings(LocalDate.of(2025, 3, 3), 12));

        clock.advance(Duration.ofDays(3));
        assertThat(progress.snapshot(pack).plan().startDate()).isEqualTo(LocalDate.of(2025, 3, 3));
        progress.setPlan(pack, new PlanSettings(LocalDate.of(2025, 1, 6), 7.5));
        assertThat(progress.plan(pack)).isEqualTo(new PlanSettings(LocalDate.of(2025, 1, 6), 7.5));
    }

    @Test
    void progressIsThereAfterTheDatabaseIsClosedAndOpenedAgain() {
        progress.mark(pack, taskId(1, 1), TaskState.DONE);
        progress.saveNote(pack, "week-1", "note");
        progress.startTimer(pack, taskId(1, 2));
        ProgressSnapshot before = snapshot();
        database.close();

        database = Database.open(temp.resolve("workbench.db"));
        progress = new ProgressService(database, clock);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        clock.set(Instant.parse("2025-03-03T08:00:00.123456789Z"));

        progress.mark(pack, taskId(1, 1), TaskState.DONE);

        assertThat(snapshot().events().get(0).at()).isEqualTo(Instant.parse("2025-03-03T08:00:00.123Z"));
    }
}
