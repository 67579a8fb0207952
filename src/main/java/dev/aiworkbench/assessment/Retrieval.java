package dev.aiworkbench.assessment;

import java.time.Instant;

/** One graded attempt to recall an item, in a quiz or a review. */
public record Retrieval(String itemId, boolean correct, int confidence, Instant at) {
    public Rating rating() {
        return Rating.ofAnswer(correct, confidence);
    }
}
