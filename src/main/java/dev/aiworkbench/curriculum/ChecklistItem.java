package dev.aiworkbench.curriculum;

/** One acceptance criterion of a milestone project; learners tick it off like a task. */
public record ChecklistItem(String id, String milestoneId, String text) {
}
