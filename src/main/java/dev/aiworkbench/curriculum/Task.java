package dev.aiworkbench.curriculum;

import java.util.Optional;

/**
 * One concrete piece of work in a week.
 *
 * @param plannedHours the task's share of the week's hours (explicit or an even share of the rest)
 * @param lab          id of the lab the task opens, if any
 */
public record Task(String id, String weekId, TaskKind kind, String title, String detail,
                   double plannedHours, Optional<String> lab) {
}
