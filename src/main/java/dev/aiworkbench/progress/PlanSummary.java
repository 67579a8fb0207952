package dev.aiworkbench.progress;

import java.util.Locale;

/** Plan figures as the sentences both the command line and the app show. */
public final class PlanSummary {
    private PlanSummary() {
    }

    public static String plan(PlanStatus status, int weeks) {
        return String.format(Locale.ROOT, "%.0f planned hours over %d weeks; planned finish %s", status.totalHours(),
                weeks, status.plannedFinish());
    }

    public static String position(PlanStatus status) {
        String calendar = status.calendarWeek().map(w -> "week " + w + " by the calendar")
                .orElse("the plan has not started yet");
        String work = status.workWeek().map(w -> "week " + w + " by your work").orElse("every week finished");
        return calendar + ", " + work + "; " + status.aheadOrBehind();
    }

    public static String pace(PlanStatus status) {
        String pace = String.format(Locale.ROOT, "%.1f h/week over the last %d days", status.paceHoursPerWeek(),
                status.paceWindowDays());
        return pace + status.projectedFinish().map(d -> "; projected finish " + d)
                .orElse("; no projection until you finish a task");
    }
}
