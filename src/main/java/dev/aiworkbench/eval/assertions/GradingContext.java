package dev.aiworkbench.eval.assertions;

import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.llm.ModelGateway;

/**
 * What model-graded and script assertions need, passed in by the runner: the gateway, the judge model for
 * {@code llm-rubric} and the RAG assertions, the embedding model for {@code similar} and
 * {@code answer-relevance} (both resolved from the suite's {@code defaultTest.options.provider}), the cache of
 * judge verdicts, and the run's script runtime for {@code javascript} and {@code python}.
 *
 * @param gateway        null when the run has no model server (model-graded assertions then error)
 * @param judgeModel     the Ollama model name of the judge; null when the suite names none
 * @param embeddingModel the Ollama model name for embeddings; null when the suite names none
 * @param verdicts       never null; a fresh in-memory cache when none is given
 * @param scripts        never null; JavaScript only ({@link ScriptRuntime#withoutPython()}) when none is given
 */
public record GradingContext(ModelGateway gateway, String judgeModel, String embeddingModel, VerdictCache verdicts,
                             ScriptRuntime scripts) {

    public GradingContext {
        verdicts = verdicts == null ? new InMemoryVerdictCache() : verdicts;
        scripts = scripts == null ? ScriptRuntime.withoutPython() : scripts;
    }

    public GradingContext(ModelGateway gateway, String judgeModel, String embeddingModel, VerdictCache verdicts) {
        this(gateway, judgeModel, embeddingModel, verdicts, null);
    }

    /** For suites with deterministic assertions only: no gateway and no models; JavaScript but no Python. */
    public static GradingContext deterministic() {
        return new GradingContext(null, null, null, new InMemoryVerdictCache(), null);
    }
}
