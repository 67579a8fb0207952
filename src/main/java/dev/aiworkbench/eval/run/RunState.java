package dev.aiworkbench.eval.run;

import java.util.Locale;

/** Where a run is: running (or interrupted, if nothing runs it any more), finished, cancelled or failed. */
public enum RunState {
    RUNNING, FINISHED, CANCELLED, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
