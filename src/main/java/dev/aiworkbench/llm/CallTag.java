package dev.aiworkbench.llm;

/**
 * What a model call is for, as its record keeps it: the feature, and the saved prompt version and eval case
 * behind it when there are any. A field left null is "not known here": {@link #with} lets a caller add what it
 * knows to what the composition root already said (the feature).
 *
 * @param promptId     the saved prompt's name, or null
 * @param evalItemKey  the eval case's item key, with {@code evalRepeat} its repeat index, or null
 */
public record CallTag(CallFeature feature, String promptId, Integer promptVersion, String evalRunId, String evalItemKey,
                      Integer evalRepeat) {
    public static final CallTag NONE = new CallTag(null, null, null, null, null, null);

    public static CallTag of(CallFeature feature) {
        return new CallTag(feature, null, null, null, null, null);
    }

    /** A call made for a saved prompt version. */
    public static CallTag prompt(String promptId, int version) {
        return new CallTag(null, promptId, version, null, null, null);
    }

    /** A call made for an eval run. */
    public static CallTag evalRun(String runId) {
        return new CallTag(null, null, null, runId, null, null);
    }

    /** This tag with the other's fields wherever the other has one. */
    public CallTag with(CallTag other) {
        return new CallTag(other.feature != null ? other.feature : feature,
                other.promptId != null ? other.promptId : promptId,
                other.promptVersion != null ? other.promptVersion : promptVersion,
                other.evalRunId != null ? other.evalRunId : evalRunId,
                other.evalItemKey != null ? other.evalItemKey : evalItemKey,
                other.evalRepeat != null ? other.evalRepeat : evalRepeat);
    }

    public CallTag withFeature(CallFeature other) {
        return new CallTag(other, promptId, promptVersion, evalRunId, evalItemKey, evalRepeat);
    }

    /** This tag for one case (item and repeat) of its eval run. */
    public CallTag withEvalCase(String itemKey, int repeat) {
        return new CallTag(feature, promptId, promptVersion, evalRunId, itemKey, repeat);
    }
}
