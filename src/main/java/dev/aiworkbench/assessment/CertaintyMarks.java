package dev.aiworkbench.assessment;

/**
 * Certainty-based marking (Gardner-Medwin): a right answer scores its confidence, +1, +2 or +3; a wrong one costs
 * 0, −2 or −6. Being sure pays only when it is deserved, so the best strategy is to say how sure you really are.
 */
public final class CertaintyMarks {
    private static final int[] RIGHT = {1, 2, 3};
    private static final int[] WRONG = {0, -2, -6};

    private CertaintyMarks() {
    }

    /** @param confidence 1, 2 or 3 */
    public static int score(boolean correct, int confidence) {
        Confidence.check(confidence);
        return correct ? RIGHT[confidence - 1] : WRONG[confidence - 1];
    }
}
