package dev.aiworkbench.observability;

/**
 * What a budget reads of an eval suite, handed over by the composition root (the eval feature knows nothing of
 * budgets).
 *
 * @param latestRunId      the suite's newest finished run with a pass rate
 * @param baselineRunId    the run that run's gate compares it with by default (the newest other run that passed its
 *                         gate and graded the same way); null when there is none
 * @param baselinePassRate that run's pass rate; null with it
 * @param faithfulnessRunId the newest finished run graded with context-faithfulness; null when none was
 * @param faithfulness     that run's mean faithfulness; null with it
 */
public record SuiteQuality(String suite, String latestRunId, double passRate, String baselineRunId,
                           Double baselinePassRate, String faithfulnessRunId, Double faithfulness) {
}
