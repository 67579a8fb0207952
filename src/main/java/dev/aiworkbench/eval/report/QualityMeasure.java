package dev.aiworkbench.eval.report;

import java.util.Optional;

/**
 * What the quality series of a suite follow, run by run: the pass rate, and the mean of each of promptfoo's RAG
 * measures the suite grades with. Hallucination rate is 1 − faithfulness; context relevance is retrieval precision.
 */
public enum QualityMeasure {
    PASS_RATE("pass rate", "passRate", null),
    FAITHFULNESS("faithfulness", "faithfulness", "context-faithfulness"),
    CONTEXT_RELEVANCE("context relevance", "contextRelevance", "context-relevance"),
    CONTEXT_RECALL("context recall", "contextRecall", "context-recall"),
    ANSWER_RELEVANCE("answer relevance", "answerRelevance", "answer-relevance");

    private final String label;
    private final String jsonName;
    private final String assertionType;

    QualityMeasure(String label, String jsonName, String assertionType) {
        this.label = label;
        this.jsonName = jsonName;
        this.assertionType = assertionType;
    }

    /** Its key in JSON reports, e.g. {@code contextRelevance}. */
    public String jsonName() {
        return jsonName;
    }

    /** How reports name it, e.g. "faithfulness". */
    public String label() {
        return label;
    }

    /** The assertion type whose scores it averages; empty for the pass rate. */
    public Optional<String> assertionType() {
        return Optional.ofNullable(assertionType);
    }
}
