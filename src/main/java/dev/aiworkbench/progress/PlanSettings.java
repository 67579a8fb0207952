package dev.aiworkbench.progress;

import java.time.LocalDate;

/** When the learner started and how many hours a week they study. */
public record PlanSettings(LocalDate startDate, double hoursPerWeek) {
    public static final double DEFAULT_HOURS_PER_WEEK = 12;

    public PlanSettings {
        if (!(hoursPerWeek > 0 && hoursPerWeek <= 100)) {
            throw new IllegalArgumentException("hours per week must be more than 0 and at most 100, not " + hoursPerWeek);
        }
    }
}
