package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Week;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dated plan. A week lasts as long as its estimated hours take at the learner's weekly
 * budget: a 14-hour week at 7 hours a week spans two calendar weeks, so the dates follow what the
 * learner can actually give rather than pretending every week fits in seven days.
 */
public final class Schedule {
    private final PlanSettings plan;
    private final List<WeekDates> weeks;
    private final double totalHours;

    private Schedule(PlanSettings plan, List<WeekDates> weeks, double totalHours) {
        this.plan = plan;
        this.weeks = weeks;
        this.totalHours = totalHours;
    }

    public static Schedule of(Pack pack, PlanSettings plan) {
        List<WeekDates> dates = new ArrayList<>();
        double hoursBefore = 0;
        for (Week week : pack.weeks()) {
            double hoursAfter = hoursBefore + week.hours();
            LocalDate start = plan.startDate().plusDays(offsetDays(hoursBefore, plan));
            LocalDate next = plan.startDate().plusDays(offsetDays(hoursAfter, plan));
            LocalDate end = next.minusDays(1).isBefore(start) ? start : next.minusDays(1);
            dates.add(new WeekDates(week.number(), start, end));
            hoursBefore = hoursAfter;
        }
        return new Schedule(plan, List.copyOf(dates), hoursBefore);
    }

    private static long offsetDays(double hours, PlanSettings plan) {
        return Math.round(hours / plan.hoursPerWeek() * 7);
    }

    public PlanSettings plan() {
        return plan;
    }

    public List<WeekDates> weeks() {
        return weeks;
    }

    public Optional<WeekDates> week(int number) {
        return weeks.stream().filter(w -> w.week() == number).findFirst();
    }

    public double totalHours() {
        return totalHours;
    }

    public LocalDate plannedFinish() {
        return weeks.isEmpty() ? plan.startDate() : weeks.get(weeks.size() - 1).end();
    }

    /** The week the calendar says the learner is in; empty before the start, the last week after the end. */
    public Optional<Integer> calendarWeek(LocalDate today) {
        if (weeks.isEmpty() || today.isBefore(plan.startDate())) {
            return Optional.empty();
        }
        return Optional.of(weeks.stream().filter(w -> !today.isBefore(w.start())).reduce((a, b) -> b)
                .map(WeekDates::week).orElse(weeks.get(0).week()));
    }

    /** Hours the plan expects finished by the start of the given day. */
    public double plannedHoursBy(LocalDate day) {
        long days = ChronoUnit.DAYS.between(plan.startDate(), day);
        return days <= 0 ? 0 : Math.min(totalHours, plan.hoursPerWeek() * days / 7.0);
    }
}
