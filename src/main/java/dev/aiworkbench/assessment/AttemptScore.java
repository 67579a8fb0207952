package dev.aiworkbench.assessment;

import java.util.List;

/**
 * The score of one attempt.
 *
 * @param answered     answers given to items the assessment has (pending and capability ones included)
 * @param correct      answers graded right
 * @param cbmTotal     the certainty-based marks of the graded answers, added up
 * @param cbmMean      their mean per graded answer (0 with none)
 * @param quizShare    the marks as a share of the most the assessment's gradable items could give (each right
 *                     and sure); unanswered items give nothing, below 0 counts as 0
 * @param pending      ids of short answers that wait for a grade
 * @param weakWeeks    ids of the weeks of items missed, answered with confidence 1, or rated 2 or less, in plan order
 */
public record AttemptScore(String assessmentId, long attemptId, int answered, int correct, int cbmTotal,
                           double cbmMean, double quizShare, List<ConfidenceTally> byConfidence,
                           List<String> pending, List<String> weakWeeks) {
}
