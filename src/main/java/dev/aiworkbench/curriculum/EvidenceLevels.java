package dev.aiworkbench.curriculum;

/**
 * Shares (0 to 1) of the three kinds of evidence for a milestone.
 *
 * @param quiz      the certainty-based quiz score as a share of the most it could be
 * @param labs      the share of the phase's lab checks whose latest result passed
 * @param checklist the share of the milestone checklist marked done
 */
public record EvidenceLevels(double quiz, double labs, double checklist) {
    /** True when every share here reaches the matching one of {@code least}. */
    public boolean reaches(EvidenceLevels least) {
        return quiz >= least.quiz && labs >= least.labs && checklist >= least.checklist;
    }
}
