package dev.aiworkbench.assessment;

import java.util.Arrays;
import java.util.Locale;

/** Who decided a grade: the answer key (choices), the learner, a local model, or nobody yet. */
public enum GradedBy {
    KEY, LEARNER, MODEL, NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GradedBy fromId(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown grader '" + id + "'"));
    }
}
