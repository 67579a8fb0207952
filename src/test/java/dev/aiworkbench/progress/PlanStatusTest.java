package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.SnapshotBuilder;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static dev.aiworkbench.testing.TestPacks.checkId;
import static dev.aiworkbench.testing.TestPacks.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Position against the dated plan, pace over the last four weeks, and the finish it projects. */
class PlanStatusTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 6);
    private static final ZoneId UTC = ZoneOffset.UTC;
    /** Eight 12-hour weeks of three 4-hour tasks, a 2-item milestone in week 8: 96 planned hours. */
    private final Pack pack = TestPacks.withWeekHours(12, 12, 12, 12, 12, 12, 12, 12);

    private SnapshotBuilder progress() {
        return SnapshotBuilder.of(pack, START, 12);
    }

    private PlanStatus status(SnapshotBuilder progress, LocalDate today) {
        return PlanStatus.of(pack, progress.build(), today, UTC);
    }

    /** Done on a day: the first {@code count} tasks in plan order starting at week {@code week}. */
    private static String[] tasks(int week, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = taskId(week + i / 3, i % 3 + 1);
        }
        return ids;
    }

    @Test
    void daysBehindOnPlanAndAheadFollowTheHoursFinishedAgainstTheHoursPlanned() {
        LocalDate today = START.plusDays(14);

        PlanStatus nothing = status(progress(), today);
        assertThat(nothing.plannedHoursToDate()).isCloseTo(24, offset(1e-9));
        assertThat(nothing.daysAhead()).isEqualTo(-14);
        assertThat(nothing.aheadOrBehind()).isEqualTo("14 days behind plan");

        PlanStatus onPlan = status(progress().doneOn(START.plusDays(5), tasks(1, 6)), today);
        assertThat(onPlan.finishedHours()).isEqualTo(24);
        assertThat(onPlan.daysAhead()).isZero();
        assertThat(onPlan.aheadOrBehind()).isEqualTo("on plan");

        PlanStatus ahead = status(progress().doneOn(START.plusDays(5), tasks(1, 9)), today);
        assertThat(ahead.daysAhead()).isEqualTo(7);
        assertThat(ahead.aheadOrBehind()).isEqualTo("7 days ahead of plan");
    }

    @Test
    void oneDayIsSingular() {
        // After one day 12/7 h are planned; 4 h finished is 2.29 h ahead, which is 1.33 days at 12 h a week.
        PlanStatus status = status(progress().doneOn(START, taskId(1, 1)), START.plusDays(1));

        assertThat(status.daysAhead()).isEqualTo(1);
        assertThat(status.aheadOrBehind()).isEqualTo("1 day ahead of plan");
    }

    @Test
    void calendarWeekAndWorkWeekAreReportedSeparately() {
        PlanStatus status = status(progress().doneOn(START.plusDays(2), tasks(1, 4)), START.plusDays(15));

        assertThat(status.calendarWeek()).contains(3);
        assertThat(status.workWeek()).contains(2);
        assertThat(status.plannedFinish()).isEqualTo(START.plusDays(55));
        assertThat(status.totalHours()).isEqualTo(96);
        // 16 h finished against 12 * 15 / 7 = 25.7 h planned: 9.7 h, which is 5.7 days at 12 h a week.
        assertThat(PlanSummary.position(status)).isEqualTo("week 3 by the calendar, week 2 by your work; 6 days behind plan");
        assertThat(PlanSummary.plan(status, 8)).isEqualTo("96 planned hours over 8 weeks; planned finish 2025-03-02");
    }

    @Test
    void paceCountsOnlyWhatWasFinishedInTheLastTwentyEightDays() {
        LocalDate today = START.plusDays(60);
        SnapshotBuilder progress = progress()
                .doneOn(today.minusDays(40), taskId(1, 1), taskId(1, 2), taskId(1, 3))
                .doneOn(today.minusDays(28), taskId(2, 1))
                .doneOn(today.minusDays(27), taskId(2, 2))
                .doneOn(today.minusDays(10), taskId(3, 1), taskId(3, 2))
                .doneOn(today, taskId(2, 3));

        PlanStatus status = status(progress, today);

        // Inside the window: 4 tasks of 4 h = 16 h over 28 days = 4 h a week.
        assertThat(status.paceWindowDays()).isEqualTo(28);
        assertThat(status.paceHoursPerWeek()).isCloseTo(4.0, offset(1e-9));
        assertThat(status.finishedHours()).isEqualTo(32);
        // 64 h left at 4 h a week: 112 days.
        assertThat(status.projectedFinish()).contains(today.plusDays(112));
        assertThat(PlanSummary.pace(status)).isEqualTo("4.0 h/week over the last 28 days; projected finish "
                + today.plusDays(112));
    }

    @Test
    void finishesAreDatedInTheLearnersZone() {
        LocalDate today = START.plusDays(60);
        // 23:30 UTC on the day before the window is already inside it in Berlin (UTC+1 in winter).
        Instant lateEvening = today.minusDays(28).atTime(23, 30).toInstant(ZoneOffset.UTC);
        SnapshotBuilder progress = progress().set(taskId(1, 1), TaskState.DONE, lateEvening);

        assertThat(PlanStatus.of(pack, progress.build(), today, UTC).paceHoursPerWeek()).isZero();
        assertThat(PlanStatus.of(pack, progress.build(), today, ZoneId.of("Europe/Berlin")).paceHoursPerWeek())
                .isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void anItemReopenedAfterItsFinishDoesNotCount() {
        LocalDate today = START.plusDays(60);
        SnapshotBuilder progress = progress().doneOn(today.minusDays(3), taskId(1, 1))
                .set(taskId(1, 1), TaskState.IN_PROGRESS, today.minusDays(2).atStartOfDay(UTC).toInstant());

        PlanStatus status = status(progress, today);

        assertThat(status.paceHoursPerWeek()).isZero();
        assertThat(status.finishedHours()).isZero();
    }

    @Test
    void earlyInThePlanTheWindowIsTheDaysSoFar() {
        PlanStatus status = status(progress().doneOn(START.plusDays(3), taskId(1, 1), taskId(1, 2)), START.plusDays(9));

        assertThat(status.paceWindowDays()).isEqualTo(10);
        assertThat(status.paceHoursPerWeek()).isCloseTo(8.0 / 10 * 7, offset(1e-9));
    }

    @Test
    void theWindowIsNeverShorterThanAWeek() {
        PlanStatus second = status(progress().doneOn(START.plusDays(1), taskId(1, 1)), START.plusDays(2));
        assertThat(second.paceWindowDays()).isEqualTo(7);
        assertThat(second.paceHoursPerWeek()).isCloseTo(4.0, offset(1e-9));

        PlanStatus beforeStart = status(progress(), START.minusDays(5));
        assertThat(beforeStart.paceWindowDays()).isEqualTo(7);
        assertThat(beforeStart.calendarWeek()).isEmpty();
        assertThat(PlanSummary.position(beforeStart)).isEqualTo("the plan has not started yet, week 1 by your work; on plan");
    }

    @Test
    void withoutPaceThereIsNoProjection() {
        LocalDate today = START.plusDays(60);
        PlanStatus status = status(progress().doneOn(START, taskId(1, 1)), today);

        assertThat(status.paceHoursPerWeek()).isZero();
        assertThat(status.projectedFinish()).isEmpty();
        assertThat(PlanSummary.pace(status))
                .isEqualTo("0.0 h/week over the last 28 days; no projection until you finish a task");
    }

    @Test
    void aFinishedPackProjectsTheDayItWasFinished() {
        SnapshotBuilder progress = progress();
        for (int week = 1; week <= 8; week++) {
            progress.doneOn(START.plusDays(5L * week), tasks(week, 3));
        }
        progress.doneOn(START.plusDays(41), checkId(1, 1), checkId(1, 2));

        PlanStatus status = status(progress, START.plusDays(70));

        assertThat(status.workWeek()).isEmpty();
        assertThat(status.finishedHours()).isEqualTo(96);
        assertThat(status.projectedFinish()).contains(START.plusDays(41));
        assertThat(status.calendarWeek()).contains(8);
        assertThat(PlanSummary.position(status)).startsWith("week 8 by the calendar, every week finished; ");
    }

    @Test
    void withOnlyMilestoneChecksLeftTheProjectedFinishIsToday() {
        SnapshotBuilder progress = progress();
        for (int week = 1; week <= 8; week++) {
            progress.doneOn(START.plusDays(5L * week), tasks(week, 3));
        }
        LocalDate today = START.plusDays(50);

        PlanStatus status = status(progress, today);

        assertThat(status.workWeek()).contains(8);
        assertThat(status.projectedFinish()).contains(today);
    }
}
