package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.ShortAnswerJudge;

/** The services the Assess screen calls: attempts, scores and review, and the local model that grades short answers. */
public record AssessServices(AssessmentService assessments, ShortAnswerJudge judge) {
}
