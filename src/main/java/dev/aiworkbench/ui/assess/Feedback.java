package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.CertaintyMarks;
import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.AssessmentItem;

import java.util.Optional;

/** What the quiz shows after an answer: the answer, how it was graded, its marks, and in review the next due day. */
public record Feedback(AssessmentItem item, Response response, Optional<Integer> confidence, Recorded recorded) {

    public Grade grade() {
        return recorded.grade();
    }

    /** The certainty-based mark, once right or wrong is decided. */
    public Optional<Integer> marks() {
        return recorded.grade().decided() && confidence.isPresent()
                ? Optional.of(CertaintyMarks.score(recorded.grade() == Grade.RIGHT, confidence.get()))
                : Optional.empty();
    }

    Feedback with(Recorded regraded) {
        return new Feedback(item, response, confidence, regraded);
    }
}
