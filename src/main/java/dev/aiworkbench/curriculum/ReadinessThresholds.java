package dev.aiworkbench.curriculum;

/** What an assessment asks of each kind of evidence for the verdicts 'ready' and 'nearly'. */
public record ReadinessThresholds(EvidenceLevels ready, EvidenceLevels nearly) {
}
