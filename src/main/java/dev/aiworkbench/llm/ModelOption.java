package dev.aiworkbench.llm;

import java.util.Arrays;
import java.util.Optional;

/**
 * The options a model call can carry, each as Ollama spells it: the one list that the command line, saved
 * prompts, eval suites and the wire read.
 */
public enum ModelOption {
    TEMPERATURE("temperature", Kind.DECIMAL),
    TOP_P("top_p", Kind.DECIMAL),
    TOP_K("top_k", Kind.WHOLE),
    SEED("seed", Kind.WHOLE),
    NUM_PREDICT("num_predict", Kind.WHOLE),
    NUM_CTX("num_ctx", Kind.WHOLE),
    STOP("stop", Kind.TEXTS);

    /** What a value of the option is: a {@code Double}, an {@code Integer}, or a {@code List<String>}. */
    public enum Kind {
        DECIMAL, WHOLE, TEXTS
    }

    private final String wireName;
    private final Kind kind;

    ModelOption(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** The option with this exact name, if there is one. */
    public static Optional<ModelOption> named(String wireName) {
        return Arrays.stream(values()).filter(option -> option.wireName.equals(wireName)).findFirst();
    }
}
