package dev.aiworkbench.observability;

import java.time.LocalDate;

/** A group's calls on one day: a point of a series per model or feature. */
public record DailyGroup(LocalDate day, UsageGroup group) {
}
