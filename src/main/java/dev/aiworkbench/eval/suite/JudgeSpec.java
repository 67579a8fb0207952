package dev.aiworkbench.eval.suite;

/**
 * The models that grade model-graded assertions, from promptfoo's {@code options.provider}: the
 * {@code text} judge answers {@code llm-rubric}, the {@code embedding} model serves {@code similar}.
 * Either may be null when the suite names none.
 */
public record JudgeSpec(ProviderSpec text, ProviderSpec embedding) {
    public static final JudgeSpec NONE = new JudgeSpec(null, null);

    public boolean hasText() {
        return text != null;
    }

    public boolean hasEmbedding() {
        return embedding != null;
    }
}
