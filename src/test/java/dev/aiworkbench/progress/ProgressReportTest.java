package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.WorkItem;
import dev.aiworkbench.testing.SnapshotBuilder;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import static dev.aiworkbench.testing.TestPacks.checkId;
import static dev.aiworkbench.testing.TestPacks.taskId;
import static org.assertj.core.api.Assertions.assertThat;

/** Completion of weeks, modules, milestones, phases and the pack, and what comes next. */
class ProgressReportTest {
    /** 2 phases x 2 modules x 2 weeks, 3 tasks of 4 h a week, a 2-item milestone per phase: 28 items. */
    private final Pack pack = TestPacks.grid(2, 2, 2, 3, 12);

    private ProgressReport report(SnapshotBuilder progress) {
        return ProgressReport.of(pack, progress.build());
    }

    private SnapshotBuilder progress() {
        return SnapshotBuilder.of(pack);
    }

    /** Marks every task of the weeks from first to last with the state. */
    private SnapshotBuilder weeks(SnapshotBuilder progress, int first, int last, TaskState state) {
        for (int week = first; week <= last; week++) {
            for (int task = 1; task <= 3; task++) {
                progress.set(taskId(week, task), state);
            }
        }
        return progress;
    }

    @Test
    void nothingMarkedIsNothingStarted() {
        ProgressReport report = report(progress());

        assertThat(report.overall()).isEqualTo(new Completion(0, 0, 0, 28));
        assertThat(report.overall().started()).isFalse();
        assertThat(report.overall().percent()).isZero();
        assertThat(report.of("week-1")).isEqualTo(new Completion(0, 0, 0, 3));
        assertThat(report.finishedHours()).isZero();
    }

    @Test
    void aWeekCountsItsTasksByState() {
        Completion week = report(progress().set(taskId(1, 1), TaskState.DONE).set(taskId(1, 2), TaskState.SKIPPED)
                .set(taskId(1, 3), TaskState.IN_PROGRESS)).of("week-1");

        assertThat(week).isEqualTo(new Completion(1, 1, 1, 3));
        assertThat(week.finished()).isEqualTo(2);
        assertThat(week.percent()).isEqualTo(66);
        assertThat(week.complete()).isFalse();
        assertThat(week.started()).isTrue();
    }

    @Test
    void skippedCountsAsFinished() {
        ProgressReport report = report(weeks(progress(), 1, 1, TaskState.SKIPPED));

        assertThat(report.of("week-1").complete()).isTrue();
        assertThat(report.of("week-1").percent()).isEqualTo(100);
        assertThat(report.of("week-1").done()).isZero();
        assertThat(report.finishedHours()).isEqualTo(12);
        assertThat(report.whatsNext()).map(WorkItem::id).contains(taskId(2, 1));
    }

    @Test
    void modulesPhasesMilestonesAndTheWholePackAddUp() {
        SnapshotBuilder progress = weeks(progress(), 1, 4, TaskState.DONE).set(checkId(1, 1), TaskState.DONE)
                .set(taskId(5, 1), TaskState.IN_PROGRESS);

        ProgressReport report = report(progress);

        assertThat(report.of("module-1")).isEqualTo(new Completion(6, 0, 0, 6));
        assertThat(report.of("module-2")).isEqualTo(new Completion(6, 0, 0, 6));
        assertThat(report.of("milestone-1")).isEqualTo(new Completion(1, 0, 0, 2));
        assertThat(report.of("phase-1")).isEqualTo(new Completion(13, 0, 0, 14));
        assertThat(report.of("phase-1").complete()).isFalse();
        assertThat(report.of("module-3")).isEqualTo(new Completion(0, 0, 1, 6));
        assertThat(report.of("phase-2")).isEqualTo(new Completion(0, 0, 1, 14));
        assertThat(report.overall()).isEqualTo(new Completion(13, 0, 1, 28));
        assertThat(report.overall().percent()).isEqualTo(46);
        assertThat(report.of("no-such-id")).isEqualTo(Completion.EMPTY);
    }

    @Test
    void whatsNextIsTheFirstUnfinishedTaskOfTheEarliestUnfinishedWeek() {
        ProgressReport report = report(progress().set(taskId(1, 1), TaskState.DONE).set(taskId(1, 3), TaskState.DONE)
                .set(taskId(2, 1), TaskState.DONE).set(taskId(1, 2), TaskState.IN_PROGRESS));

        assertThat(report.whatsNext()).map(WorkItem::id).contains(taskId(1, 2));
        assertThat(report.workWeek()).map(w -> w.number()).contains(1);
    }

    @Test
    void theMilestoneChecksComeAfterTheTasksOfTheirWeek() {
        SnapshotBuilder progress = weeks(progress(), 1, 4, TaskState.DONE);

        ProgressReport beforeChecks = report(progress);
        assertThat(beforeChecks.whatsNext()).map(WorkItem::id).contains(checkId(1, 1));
        assertThat(beforeChecks.whatsNext()).map(WorkItem::kind).contains(WorkItem.Kind.MILESTONE_CHECK);
        assertThat(beforeChecks.workWeek()).map(w -> w.number()).contains(4);

        ProgressReport afterChecks = report(progress.set(checkId(1, 1), TaskState.DONE).set(checkId(1, 2), TaskState.SKIPPED));
        assertThat(afterChecks.whatsNext()).map(WorkItem::id).contains(taskId(5, 1));
        assertThat(afterChecks.workWeek()).map(w -> w.number()).contains(5);
        assertThat(afterChecks.of("phase-1").complete()).isTrue();
    }

    @Test
    void anOpenMilestoneCheckComesBeforeLaterWeeks() {
        ProgressReport report = report(weeks(progress(), 1, 8, TaskState.DONE));

        assertThat(report.whatsNext()).map(WorkItem::id).contains(checkId(1, 1));
    }

    @Test
    void whenEverythingIsFinishedThereIsNothingNext() {
        SnapshotBuilder progress = weeks(progress(), 1, 8, TaskState.DONE);
        for (int phase = 1; phase <= 2; phase++) {
            progress.set(checkId(phase, 1), TaskState.DONE).set(checkId(phase, 2), TaskState.DONE);
        }

        ProgressReport report = report(progress);

        assertThat(report.whatsNext()).isEmpty();
        assertThat(report.workWeek()).isEmpty();
        assertThat(report.overall().complete()).isTrue();
        assertThat(report.finishedHours()).isEqualTo(8 * 12);
    }

    @Test
    void movingAnItemBackToTodoUnfinishesIt() {
        ProgressReport report = report(weeks(progress(), 1, 1, TaskState.DONE).set(taskId(1, 2), TaskState.TODO));

        assertThat(report.of("week-1")).isEqualTo(new Completion(2, 0, 0, 3));
        assertThat(report.whatsNext()).map(WorkItem::id).contains(taskId(1, 2));
    }
}
