package dev.aiworkbench.ui.today;

import dev.aiworkbench.ui.session.MilestoneReadiness;

import java.util.Optional;

/**
 * What Today shows of the self-assessment: readiness for the milestone of the phase the learner is in (when the pack
 * has an assessment for it) and how many review items are due.
 */
record AssessmentOutlook(Optional<MilestoneReadiness> readiness, int due) {
    static final AssessmentOutlook NOTHING = new AssessmentOutlook(Optional.empty(), 0);

    /** Nothing to show: no assessment for this phase and no review due. */
    boolean empty() {
        return readiness.isEmpty() && due == 0;
    }

    String dueLine() {
        return due + (due == 1 ? " item is" : " items are") + " due for review";
    }
}
