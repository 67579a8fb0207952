package dev.aiworkbench.assessment;

/** The learner's certainty in an answer: 1 (a guess), 2 (fairly sure) or 3 (sure). */
final class Confidence {
    static final int LOWEST = 1;
    static final int HIGHEST = 3;

    private Confidence() {
    }

    static void check(int confidence) {
        if (confidence < LOWEST || confidence > HIGHEST) {
            throw new IllegalArgumentException("a confidence is 1, 2 or 3, not " + confidence);
        }
    }
}
