package dev.aiworkbench.eval.assertions;

/**
 * What a RAG assertion measured for one case, before its threshold applies: the score (0 to 1) and the
 * counts behind it in words, e.g. "3 of 4 statements are supported by the context".
 */
record RagMeasure(double score, String detail) {

    RagMeasure {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a RAG score is between 0 and 1, not " + score);
        }
    }

    /** Kept in the judge's verdict cache; RAG measures have no pass of their own, so it is always true there. */
    JudgeVerdict asVerdict() {
        return new JudgeVerdict(true, score, detail);
    }

    static RagMeasure of(JudgeVerdict verdict) {
        return new RagMeasure(verdict.score(), verdict.reason());
    }
}
