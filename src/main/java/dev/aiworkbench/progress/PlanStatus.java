package dev.aiworkbench.progress;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.WorkItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Where the learner stands against the dated plan: the week by the calendar and by their work,
 * days ahead or behind, pace over the last four weeks and the finish date that pace projects.
 *
 * @param calendarWeek      week by the calendar; empty before the plan starts
 * @param workWeek          earliest week with unfinished work; empty when everything is finished
 * @param daysAhead         positive when ahead of the plan, negative when behind
 * @param paceHoursPerWeek  planned hours finished per week over the pace window
 * @param paceWindowDays    the days the pace was measured over (up to 28)
 * @param projectedFinish   today plus the remaining hours at the measured pace; empty with no pace yet
 */
public record PlanStatus(Optional<Integer> calendarWeek, Optional<Integer> workWeek, long daysAhead,
                         double paceHoursPerWeek, int paceWindowDays, Optional<LocalDate> projectedFinish,
                         LocalDate plannedFinish, double finishedHours, double plannedHoursToDate,
                         double totalHours) {

    public static final int PACE_WINDOW_DAYS = 28;
    private static final int MIN_PACE_WINDOW_DAYS = 7;

    public static PlanStatus of(Pack pack, ProgressSnapshot snapshot, LocalDate today, ZoneId zone) {
        Schedule schedule = Schedule.of(pack, snapshot.plan());
        ProgressReport report = ProgressReport.of(pack, snapshot);
        double finished = report.finishedHours();
        double planned = schedule.plannedHoursBy(today);
        double hoursPerWeek = snapshot.plan().hoursPerWeek();
        long daysAhead = Math.round((finished - planned) / hoursPerWeek * 7);

        long sinceStart = ChronoUnit.DAYS.between(snapshot.plan().startDate(), today) + 1;
        int window = (int) Math.max(MIN_PACE_WINDOW_DAYS, Math.min(PACE_WINDOW_DAYS, sinceStart));
        LocalDate windowStart = today.minusDays(window - 1L);
        Map<String, Instant> finishedAt = snapshot.finishedAt();
        double recentHours = 0;
        for (WorkItem item : pack.workItems()) {
            Instant at = finishedAt.get(item.id());
            if (at != null) {
                LocalDate day = at.atZone(zone).toLocalDate();
                if (!day.isBefore(windowStart) && !day.isAfter(today)) {
                    recentHours += item.plannedHours();
                }
            }
        }
        double pace = recentHours / window * 7;
        double remaining = Math.max(0, schedule.totalHours() - finished);
        Optional<LocalDate> projected;
        if (report.whatsNext().isEmpty()) {
            projected = finishedAt.values().stream().max(Instant::compareTo).map(i -> i.atZone(zone).toLocalDate());
        } else if (remaining <= 1e-9) {
            // Only milestone checks are left; they carry no hours of their own, so the finish is now.
            projected = Optional.of(today);
        } else if (pace > 0) {
            projected = Optional.of(today.plusDays((long) Math.ceil(remaining / pace * 7)));
        } else {
            projected = Optional.empty();
        }
        return new PlanStatus(schedule.calendarWeek(today), report.workWeek().map(w -> w.number()), daysAhead,
                pace, window, projected, schedule.plannedFinish(), finished, planned, schedule.totalHours());
    }

    /** One sentence on schedule position, e.g. "3 days ahead of plan". */
    public String aheadOrBehind() {
        if (daysAhead == 0) {
            return "on plan";
        }
        long days = Math.abs(daysAhead);
        return days + (days == 1 ? " day " : " days ") + (daysAhead > 0 ? "ahead of plan" : "behind plan");
    }
}
