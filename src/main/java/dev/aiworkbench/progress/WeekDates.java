package dev.aiworkbench.progress;

import java.time.LocalDate;

/** The calendar days the plan gives a week, both ends included. */
public record WeekDates(int week, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
