package dev.aiworkbench.observability;

/** How a call ended; an error also keeps its kind (see {@link ModelCall#errorKind()}). */
public enum CallOutcome {
    OK("ok"),
    ERROR("error"),
    CANCELLED("cancelled");

    private final String id;

    CallOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CallOutcome of(String id) {
        for (CallOutcome outcome : values()) {
            if (outcome.id.equals(id)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + id + "'");
    }
}
