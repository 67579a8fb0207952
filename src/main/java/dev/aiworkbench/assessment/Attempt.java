package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One go at an assessment: its answers by item id, and when it finished (empty while it can be resumed).
 * Answers to items a newer pack no longer has stay here and are left out of scores.
 */
public record Attempt(long id, String assessmentId, Instant startedAt, Optional<Instant> finishedAt,
                      Map<String, Answer> answers) {
    public Attempt {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public boolean finished() {
        return finishedAt.isPresent();
    }

    public Optional<Answer> answer(String itemId) {
        return Optional.ofNullable(answers.get(itemId));
    }

    /** The first item of the assessment without an answer: where a resumed attempt goes on. */
    public Optional<AssessmentItem> nextItem(Assessment assessment) {
        return assessment.items().stream().filter(i -> !answers.containsKey(i.id())).findFirst();
    }

    /** The answers to items the assessment has, in the assessment's order. */
    public List<Answer> answersIn(Assessment assessment) {
        return assessment.items().stream().map(i -> answers.get(i.id())).filter(a -> a != null).toList();
    }
}
