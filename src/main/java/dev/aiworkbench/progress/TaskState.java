package dev.aiworkbench.progress;

import java.util.Arrays;
import java.util.Optional;

/** Where a learner stands on one task or checklist item. */
public enum TaskState {
    TODO("todo"), IN_PROGRESS("in-progress"), DONE("done"), SKIPPED("skipped");

    private final String id;

    TaskState(String id) {
        this.id = id;
    }

    /** The spelling used in the database, exports and on the command line. */
    public String id() {
        return id;
    }

    /** Done and skipped both move the plan on; only done counts as learned. */
    public boolean finished() {
        return this == DONE || this == SKIPPED;
    }

    public static Optional<TaskState> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static TaskState parse(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("'" + id
                + "' is not a task state; use todo, in-progress, done or skipped"));
    }
}
