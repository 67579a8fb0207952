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

    /** "Start", or "Resume (3 of 76 answered)". */
    public String action() {
        return openAnswers.isPresent() ? "Resume (" + openAnswers.getAsInt() + " of " + items + " answered)" : "Start";
    }

    /** "Last attempt: 12 of 30 right, CBM mean 0.85", or that there is none yet. */
    public String lastLine() {
        return last.map(score -> "Last attempt: " + score.correct() + " right of " + score.answered()
                        + " answered, CBM " + score.cbmTotal() + " (mean " + Figures.mean(score.cbmMean()) + ")")
                .orElse("Not taken yet");
    }
}
