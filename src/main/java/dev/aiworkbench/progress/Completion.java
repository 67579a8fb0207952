package dev.aiworkbench.progress;

/** How far through a group of items a learner is. Skipped items count as finished, not as learned. */
public record Completion(int done, int skipped, int inProgress, int total) {
    public static final Completion EMPTY = new Completion(0, 0, 0, 0);

    public int finished() {
        return done + skipped;
    }

    /** Finished share, 0 to 1; an empty group counts as not started. */
    public double fraction() {
        return total == 0 ? 0 : (double) finished() / total;
    }

    public boolean complete() {
        return total > 0 && finished() == total;
    }

    public boolean started() {
        return finished() + inProgress > 0;
    }

    public int percent() {
        return (int) Math.floor(fraction() * 100);
    }

    Completion plus(TaskState state) {
        return new Completion(done + (state == TaskState.DONE ? 1 : 0), skipped + (state == TaskState.SKIPPED ? 1 : 0),
                inProgress + (state == TaskState.IN_PROGRESS ? 1 : 0), total + 1);
    }

    Completion plus(Completion other) {
        return new Completion(done + other.done, skipped + other.skipped, inProgress + other.inProgress,
                total + other.total);
    }
}
