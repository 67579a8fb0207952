package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;

/** An item whose review is due, with the chance it is still recalled today. */
public record DueItem(Assessment assessment, AssessmentItem item, ReviewCard card, double retrievability) {
}
