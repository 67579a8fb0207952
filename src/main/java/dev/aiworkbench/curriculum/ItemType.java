package dev.aiworkbench.curriculum;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of assessment item: what the learner gives as an answer and how it is graded. */
public enum ItemType {
    /** One choice is right. */
    SINGLE,
    /** Any number of choices are right; the answer is right only when it picks exactly those. */
    MULTIPLE,
    /** A written answer, graded against a model answer and a rubric. */
    SHORT,
    /** An "I can …" statement the learner rates 1 to 5, set beside the evidence that would prove it. */
    CAPABILITY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemType fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown item type '" + id + "'"));
    }

    /** Items answered with a confidence and scored by certainty-based marking. */
    public boolean scored() {
        return this != CAPABILITY;
    }
}
