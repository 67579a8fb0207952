package dev.aiworkbench.progress;

/** One change a learner makes to their progress, for {@link ProgressService#apply}. */
public sealed interface ProgressChange {

    /** A task, checklist item, or everything under a week, module, milestone or phase, to a state. */
    record Mark(String itemId, TaskState state) implements ProgressChange {
    }

    /** A week's note; a blank one removes it. */
    record SaveNote(String weekId, String markdown) implements ProgressChange {
    }

    record StartTimer(String itemId) implements ProgressChange {
    }

    record StopTimer() implements ProgressChange {
    }

    record AddMinutes(String itemId, int minutes) implements ProgressChange {
    }

    record SetPlan(PlanSettings plan) implements ProgressChange {
    }
}
