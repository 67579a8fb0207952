package dev.aiworkbench.curriculum;

/**
 * Anything a learner marks: a week's task or a milestone's checklist item.
 *
 * @param weekNumber   the week the item belongs to (a milestone's items belong to its due week)
 * @param plannedHours hours the plan allots to the item (checklist items carry none of their own)
 */
public record WorkItem(String id, String title, Kind kind, int weekNumber, double plannedHours) {

    public enum Kind { TASK, MILESTONE_CHECK }
}
