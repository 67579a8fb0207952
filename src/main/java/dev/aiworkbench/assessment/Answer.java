package dev.aiworkbench.assessment;

import java.time.Instant;
import java.util.Optional;

/**
 * One answer in an attempt.
 *
 * @param confidence 1 to 3 for scored items; empty for a capability rating
 * @param seconds    time spent on the item
 */
public record Answer(String itemId, Response response, Optional<Integer> confidence, Grade grade, GradedBy gradedBy,
                     Optional<ModelGrade> modelGrade, Instant answeredAt, long seconds) {

    /** Its certainty-based mark, if it is graded right or wrong. */
    public Optional<Integer> marks() {
        return grade.decided() && confidence.isPresent()
                ? Optional.of(CertaintyMarks.score(grade == Grade.RIGHT, confidence.get())) : Optional.empty();
    }

    public Answer graded(Grade newGrade, GradedBy by, Optional<ModelGrade> model) {
        return new Answer(itemId, response, confidence, newGrade, by, model, answeredAt, seconds);
    }
}
