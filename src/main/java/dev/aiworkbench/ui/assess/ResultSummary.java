package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Answer;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ProgressSnapshot;

import java.util.List;
import java.util.Optional;

/**
 * The result of one attempt: its score, calibration in this attempt and over all attempts, readiness for the
 * milestone, the short answers still waiting for a grade, and the weak weeks.
 *
 * @param readiness empty when the assessment's milestone is not in the pack
 */
public record ResultSummary(Assessment assessment, Attempt attempt, AttemptScore score, Calibration thisAttempt,
                            Calibration overall, Optional<Readiness> readiness, List<PendingAnswer> pending,
                            List<WeekLink> weakWeeks) {

    /** A short answer that waits for the learner's grade. */
    public record PendingAnswer(AssessmentItem item, String text) {
    }

    /** A weak week, as a link to its page. */
    public record WeekLink(String weekId, String label) {
    }

    /** Reads it all; blocking, so off the FX thread. */
    static ResultSummary read(AssessmentService service, Pack pack, long attemptId, ProgressSnapshot progress) {
        Attempt attempt = service.attempt(pack, attemptId);
        Assessment assessment = service.assessment(pack, attempt.assessmentId());
        AttemptScore score = service.score(pack, attempt);
        Optional<Readiness> readiness = progress == null || pack.milestone(assessment.milestoneId()).isEmpty()
                ? Optional.empty() : Optional.of(service.readiness(pack, assessment, progress));
        List<PendingAnswer> pending = score.pending().stream().flatMap(id -> assessment.item(id).stream())
                .map(item -> new PendingAnswer(item, attempt.answer(item.id()).map(ResultSummary::text).orElse("")))
                .toList();
        List<WeekLink> weeks = score.weakWeeks().stream().map(id -> new WeekLink(id, pack.week(id)
                .map(w -> "Week " + w.number() + " · " + w.title()).orElse(id))).toList();
        return new ResultSummary(assessment, attempt, score, Calibration.of(score.byConfidence()),
                service.calibration(pack), readiness, pending, weeks);
    }

    private static String text(Answer answer) {
        return answer.response() instanceof Response.Text text ? text.text() : "";
    }
}
