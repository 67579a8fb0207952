package dev.aiworkbench.ui.session;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ProgressSnapshot;

/**
 * A milestone's readiness as a readiness card shows it.
 *
 * @param unfinishedAttempt whether the quiz has an attempt to resume, so the card offers "Resume" over "Take"
 */
public record MilestoneReadiness(Readiness readiness, boolean unfinishedAttempt) {

    /** Reads lab results and attempts from the database: call it off the FX thread. */
    public static MilestoneReadiness read(AssessmentService assessments, Pack pack, Assessment assessment,
                                          ProgressSnapshot snapshot) {
        return new MilestoneReadiness(assessments.readiness(pack, assessment, snapshot),
                assessments.attempts(pack, assessment.id()).stream().anyMatch(attempt -> !attempt.finished()));
    }

    public String milestoneId() {
        return readiness.milestoneId();
    }

    public String assessmentId() {
        return readiness.assessmentId();
    }
}
