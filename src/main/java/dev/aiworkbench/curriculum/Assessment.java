package dev.aiworkbench.curriculum;

import java.util.List;
import java.util.Optional;

/**
 * A self-assessment that prepares for one milestone project.
 *
 * @param description Markdown shown before the quiz, or empty
 * @param file        the assessment's file, relative to the pack root
 */
public record Assessment(String id, String title, String milestoneId, String description,
                         ReadinessThresholds readiness, List<AssessmentItem> items, String file) {

    public Optional<AssessmentItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The items answered with a confidence and scored: all but capability statements. */
    public List<AssessmentItem> scoredItems() {
        return items.stream().filter(i -> i.type().scored()).toList();
    }
}
