package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.AttemptScore;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One assessment on the overview.
 *
 * @param last       the score of the newest finished attempt, if any
 * @param openAnswers how many items the unfinished attempt has answered, when there is one to resume
 */
public record AssessmentCard(String id, String title, String milestone, int items, Optional<AttemptScore> last,
                             OptionalInt openAnswers) {

    /** True when an unfinished attempt has answers to go on from. */
    public boolean resumes() {
        return openAnswers.isPresent() && openAnswers.getAsInt() > 0;
    }

    /** "Start", or "Resume (3 of 76 answered)" when it {@link #resumes()}. */
    public String action() {
        return resumes() ? "Resume (" + openAnswers.getAsInt() + " of " + items + " answered)" : "Start";
    }

    /** "Last attempt: 12 right of 30 answered, CBM 9 (mean +0.30), 2 short answers to grade", or none yet. */
    public String lastLine() {
        return last.map(score -> "Last attempt: " + score.correct() + " right of " + score.answered()
                        + " answered, CBM " + score.cbmTotal() + " (mean " + Figures.mean(score.cbmMean()) + ")"
                        + (score.pending().isEmpty() ? "" : ", " + score.pending().size() + " short answer"
                        + (score.pending().size() == 1 ? "" : "s") + " to grade"))
                .orElse("Not taken yet");
    }
}
