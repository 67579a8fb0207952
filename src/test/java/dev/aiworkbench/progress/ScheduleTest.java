package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Dating the plan: a week lasts as long as its hours take at the learner's weekly budget. */
class ScheduleTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    private static Schedule schedule(Pack pack, double hoursPerWeek) {
        return Schedule.of(pack, new PlanSettings(START, hoursPerWeek));
    }

    private static WeekDates dates(int week, int firstDay, int lastDay) {
        return new WeekDates(week, START.plusDays(firstDay), START.plusDays(lastDay));
    }

    @Test
    void twelveHourWeeksAtTwelveHoursAWeekAreCalendarWeeks() {
        Schedule schedule = schedule(TestPacks.withWeekHours(12, 12, 12, 12), 12);

        assertThat(schedule.weeks()).containsExactly(dates(1, 0, 6), dates(2, 7, 13), dates(3, 14, 20), dates(4, 21, 27));
        assertThat(schedule.plannedFinish()).isEqualTo(LocalDate.of(2025, 2, 2));
        assertThat(schedule.totalHours()).isEqualTo(48);
    }

    @Test
    void atHalfTheHoursEachWeekTakesTwoCalendarWeeks() {
        Schedule schedule = schedule(TestPacks.withWeekHours(12, 12, 12), 6);

        assertThat(schedule.weeks()).containsExactly(dates(1, 0, 13), dates(2, 14, 27), dates(3, 28, 41));
        assertThat(schedule.plannedFinish()).isEqualTo(START.plusDays(41));
    }

    @Test
    void unevenWeeksGetDaysInProportionToTheirHours() {
        // 6 h = 3.5 days (rounded to 4 from the start), 12 h = 7 days, 18 h = 10.5 days; cumulative 4, 11, 21.
        Schedule schedule = schedule(TestPacks.withWeekHours(6, 12, 18), 12);

        assertThat(schedule.weeks()).containsExactly(dates(1, 0, 3), dates(2, 4, 10), dates(3, 11, 20));
        assertThat(schedule.totalHours()).isEqualTo(36);
    }

    @Test
    void consecutiveWeeksNeitherOverlapNorLeaveGaps() {
        Schedule schedule = schedule(TestPacks.defaultPack(), 9);

        for (int i = 1; i < schedule.weeks().size(); i++) {
            assertThat(schedule.weeks().get(i).start()).isEqualTo(schedule.weeks().get(i - 1).end().plusDays(1));
        }
        assertThat(schedule.weeks()).hasSize(36);
        // 435 planned hours at 9 h a week are 48 1/3 weeks: 338 1/3 days, so the 338th day is the last whole one.
        assertThat(schedule.totalHours()).isEqualTo(435);
        assertThat(schedule.plannedFinish()).isEqualTo(START.plusDays(337));
    }

    @Test
    void theCalendarWeekIsEmptyBeforeTheStartTheDatedWeekInsideAndTheLastWeekAfterTheEnd() {
        Schedule schedule = schedule(TestPacks.withWeekHours(12, 12, 12), 12);

        assertThat(schedule.calendarWeek(START.minusDays(1))).isEmpty();
        assertThat(schedule.calendarWeek(START)).contains(1);
        assertThat(schedule.calendarWeek(START.plusDays(6))).contains(1);
        assertThat(schedule.calendarWeek(START.plusDays(7))).contains(2);
        assertThat(schedule.calendarWeek(START.plusDays(20))).contains(3);
        assertThat(schedule.calendarWeek(START.plusDays(21))).contains(3);
        assertThat(schedule.calendarWeek(START.plusDays(400))).contains(3);
        assertThat(schedule.week(2)).map(w -> w.contains(START.plusDays(13))).contains(true);
        assertThat(schedule.week(2)).map(w -> w.contains(START.plusDays(14))).contains(false);
    }

    @Test
    void plannedHoursGrowByTheWeeklyBudgetPerDayAndStopAtTheTotal() {
        Schedule schedule = schedule(TestPacks.withWeekHours(12, 12, 12), 12);

        assertThat(schedule.plannedHoursBy(START.minusDays(3))).isZero();
        assertThat(schedule.plannedHoursBy(START)).isZero();
        assertThat(schedule.plannedHoursBy(START.plusDays(1))).isCloseTo(12.0 / 7, offset(1e-9));
        assertThat(schedule.plannedHoursBy(START.plusDays(7))).isCloseTo(12, offset(1e-9));
        assertThat(schedule.plannedHoursBy(START.plusDays(10))).isCloseTo(12.0 * 10 / 7, offset(1e-9));
        assertThat(schedule.plannedHoursBy(START.plusDays(21))).isCloseTo(36, offset(1e-9));
        assertThat(schedule.plannedHoursBy(START.plusDays(100))).isEqualTo(36);
    }
}
