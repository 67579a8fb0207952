package dev.aiworkbench.assessment;

import java.util.Arrays;
import java.util.Locale;

/** Where an answer stands: right or wrong, waiting for a short answer's grade, or a capability rating. */
public enum Grade {
    RIGHT, WRONG, PENDING, RATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Grade fromId(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown grade '" + id + "'"));
    }

    /** Right or wrong: counts in the score. */
    public boolean decided() {
        return this == RIGHT || this == WRONG;
    }
}
