package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.EvidenceLevels;
import dev.aiworkbench.curriculum.ReadinessThresholds;

import java.util.List;
import java.util.Optional;

/**
 * The evidence for one milestone against its assessment's thresholds.
 *
 * @param quiz      the score of the attempt that counts (the latest finished, else the latest begun), if any
 * @param labs      the phase's lab checks that passed at their latest run
 * @param checklist the milestone checklist items marked done
 * @param measured  the three shares the verdict compares
 * @param weakWeeks ids of the weeks the counted attempt shows to be weak, in plan order
 */
public record Readiness(String milestoneId, String milestoneTitle, int milestoneWeek, String assessmentId,
                        ReadinessVerdict verdict, EvidenceLevels measured, ReadinessThresholds thresholds,
                        Optional<AttemptScore> quiz, CheckTally labs, CheckTally checklist, List<String> labIds,
                        List<String> weakWeeks) {
}
