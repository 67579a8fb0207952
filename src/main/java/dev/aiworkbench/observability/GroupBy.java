package dev.aiworkbench.observability;

/** What calls are grouped by in the report and on the dashboard. */
public enum GroupBy {
    MODEL("model"),
    FEATURE("feature"),
    /** The calendar day in the caller's time zone. */
    DAY("day"),
    PROVIDER("provider"),
    OPERATION("operation");

    private final String id;

    GroupBy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the choices */
    public static GroupBy of(String id) {
        for (GroupBy by : values()) {
            if (by.id.equals(id)) {
                return by;
            }
        }
        throw new IllegalArgumentException("calls are grouped by model, feature, day, provider or operation, not '"
                + id + "'");
    }
}
