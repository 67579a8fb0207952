package dev.aiworkbench.observability;

/**
 * Narrows calls to one feature, provider, model or operation, and to errors only; a null field narrows nothing.
 * A point on a chart is a time range with such a filter.
 */
public record CallFilter(String feature, String provider, String model, String operation, boolean errorsOnly) {
    public static final CallFilter ALL = new CallFilter(null, null, null, null, false);

    public static CallFilter feature(String feature) {
        return new CallFilter(feature, null, null, null, false);
    }

    public static CallFilter model(String model) {
        return new CallFilter(null, null, model, null, false);
    }

    /** The filter for one group's key. */
    public static CallFilter group(GroupBy by, String key) {
        return switch (by) {
            case MODEL -> model(key);
            case FEATURE -> feature(key);
            case PROVIDER -> new CallFilter(null, key, null, null, false);
            case OPERATION -> new CallFilter(null, null, null, key, false);
            case DAY -> ALL;
        };
    }

    public CallFilter errors() {
        return new CallFilter(feature, provider, model, operation, true);
    }
}
