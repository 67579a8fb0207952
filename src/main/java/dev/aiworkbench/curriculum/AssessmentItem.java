package dev.aiworkbench.curriculum;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One item of an assessment. The fields of other types are empty: {@code choices} for single and multiple,
 * {@code answer} and {@code rubric} for short, {@code evidence} for capability.
 *
 * @param weeks       ids of the weeks the item tests
 * @param prompt      Markdown; for a capability item an "I can …" statement
 * @param answer      a short item's model answer, else empty
 * @param evidence    ids of labs, tasks or milestone checklist items that would prove a capability
 * @param explanation Markdown shown after answering, or empty
 */
public record AssessmentItem(String id, ItemType type, List<String> weeks, String prompt, List<Choice> choices,
                             String answer, List<String> rubric, List<String> evidence, String explanation,
                             Optional<URI> source) {

    /** Indexes (from 0) of the right choices, in order. */
    public List<Integer> correctChoices() {
        return IntStream.range(0, choices.size()).filter(i -> choices.get(i).correct()).boxed().toList();
    }
}
