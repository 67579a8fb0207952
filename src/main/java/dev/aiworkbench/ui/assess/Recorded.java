package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Grade;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What recording an answer or a grade gave.
 *
 * @param nextDue  in review, the day the item comes back
 * @param finished the attempt is finished: every item has an answer
 */
public record Recorded(Grade grade, GradedBy by, Optional<ModelGrade> model, Optional<LocalDate> nextDue, boolean finished) {
}
