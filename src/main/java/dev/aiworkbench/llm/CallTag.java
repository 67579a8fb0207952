package dev.aiworkbench.llm;

/**
 * What a model call is for, as its record keeps it: the feature, and the saved prompt version, eval case or
 * playground run behind it when there are any. A field left null is "not known here": {@link #with} lets a caller
 * add what it knows to what the composition root already said (the feature).
 *
 * @param promptId         the saved prompt's name, or null
 * @param evalItemKey      the eval case's item key, with {@code evalRepeat} its repeat index, or null
 * @param playgroundRunKey the key the playground keeps its run under, or null: the run's id is only known once the
 *                         answer is in, after the call started, so the playground names the run with a key first
 */
public record CallTag(CallFeature feature, String promptId, Integer promptVersion, String evalRunId, String evalItemKey,
                      Integer evalRepeat, String playgroundRunKey) {
    public static final CallTag NONE = new CallTag(null, null, null, null, null, null);

    /** A tag for no playground run. */
    public CallTag(CallFeature feature, String promptId, Integer promptVersion, String evalRunId, String evalItemKey,
                   Integer evalRepeat) {
        this(feature, promptId, promptVersion, evalRunId, evalItemKey, evalRepeat, null);
    }

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

    /** A call made for the playground run kept under the key. */
    public static CallTag playgroundRun(String runKey) {
        return new CallTag(null, null, null, null, null, null, runKey);
    }

    /** This tag with the other's fields wherever the other has one. */
    public CallTag with(CallTag other) {
        return new CallTag(other.feature != null ? other.feature : feature,
                other.promptId != null ? other.promptId : promptId,
                other.promptVersion != null ? other.promptVersion : promptVersion,
                other.evalRunId != null ? other.evalRunId : evalRunId,
                other.evalItemKey != null ? other.evalItemKey : evalItemKey,
                other.evalRepeat != null ? other.evalRepeat : evalRepeat,
                other.playgroundRunKey != null ? other.playgroundRunKey : playgroundRunKey);
    }

    public CallTag withFeature(CallFeature other) {
        return new CallTag(other, promptId, promptVersion, evalRunId, evalItemKey, evalRepeat, playgroundRunKey);
    }

    /** This tag for one case (item and repeat) of its eval run. */
    public CallTag withEvalCase(String itemKey, int repeat) {
        return new CallTag(feature, promptId, promptVersion, evalRunId, itemKey, repeat, playgroundRunKey);
    }
}
