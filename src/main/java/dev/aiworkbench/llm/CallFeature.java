package dev.aiworkbench.llm;

/** The part of the workbench a model call serves, as the call records and the usage report name it. */
public enum CallFeature {
    PLAYGROUND("playground"),
    EVAL("eval"),
    JUDGE("judge"),
    LAB_CHECK("lab-check"),
    ASSESSMENT("assessment");

    private final String id;

    CallFeature(String id) {
        this.id = id;
    }

    /** The name stored and shown: {@code playground}, {@code lab-check}, … */
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the features there are */
    public static CallFeature of(String id) {
        for (CallFeature feature : values()) {
            if (feature.id.equals(id)) {
                return feature;
            }
        }
        throw new IllegalArgumentException("there is no feature '" + id + "'; the features are playground, eval, judge, "
                + "lab-check and assessment");
    }
}
