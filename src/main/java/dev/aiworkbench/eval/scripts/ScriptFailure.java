package dev.aiworkbench.eval.scripts;

/**
 * A script that could not give a value: it threw, ran out of time, returned something unusable, or its engine is
 * missing. The message is a sentence for the user, naming the script's own error where there is one.
 */
public final class ScriptFailure extends Exception {
    /** What went wrong, so callers can word it (an assertion that throws fails; a missing engine is not its fault). */
    public enum Kind { THREW, TIME_LIMIT, MEMORY_LIMIT, UNAVAILABLE }

    private final Kind kind;

    public ScriptFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
