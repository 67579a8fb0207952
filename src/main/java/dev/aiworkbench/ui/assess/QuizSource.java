package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.AssessmentItem;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a quiz's items come from and where its answers go: an attempt at an assessment, or a review of due items.
 * The quiz asks the same way for both. {@code record} and {@code grade} block (database), so they run off the FX
 * thread.
 */
interface QuizSource {

    /** The heading over the items: the assessment's title, or that it is a review. */
    String title();

    /** Markdown shown with the marking rule before a new attempt, or empty. */
    String description();

    List<AssessmentItem> items();

    /** The index of the next item to ask after {@code after} (-1 to begin), or empty when none is left. */
    OptionalInt next(int after);

    /** Whether the marking rule comes first: a new attempt, before its first answer. */
    boolean showsRule();

    /** Whether a short answer is kept while it waits for a grade (an attempt); a review records only graded answers. */
    boolean keepsPending();

    Recorded record(AssessmentItem item, Response response, Optional<Integer> confidence, long seconds);

    Recorded grade(AssessmentItem item, Optional<Integer> confidence, boolean right, GradedBy by,
                   Optional<ModelGrade> model);
}
