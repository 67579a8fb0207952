package dev.aiworkbench.eval.assertions;

import dev.aiworkbench.llm.ModelGateway;

/**
 * What model-graded assertions need, passed in by the runner: the gateway, the judge model for
 * {@code llm-rubric} and the RAG assertions, the embedding model for {@code similar} and
 * {@code answer-relevance} (both resolved from the suite's {@code defaultTest.options.provider}), and the
 * cache of judge verdicts.
 *
 * @param gateway        null when the run has no model server (model-graded assertions then error)
 * @param judgeModel     the Ollama model name of the judge; null when the suite names none
 * @param embeddingModel the Ollama model name for embeddings; null when the suite names none
 * @param verdicts       never null; a fresh in-memory cache when none is given
 */
public record GradingContext(ModelGateway gateway, String judgeModel, String embeddingModel, VerdictCache verdicts) {

    public GradingContext {
        verdicts = verdicts == null ? new InMemoryVerdictCache() : verdicts;
    }

    /** For suites with deterministic assertions only: no gateway and no models. */
    public static GradingContext deterministic() {
        return new GradingContext(null, null, null, new InMemoryVerdictCache());
    }
}
