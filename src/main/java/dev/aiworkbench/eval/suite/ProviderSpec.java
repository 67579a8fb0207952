package dev.aiworkbench.eval.suite;

import dev.aiworkbench.llm.ModelOptions;

/**
 * One Ollama model a suite runs its prompts on, or a judge model, as promptfoo names it:
 * {@code ollama:chat:<model>}, {@code ollama:completion:<model>} ({@code ollama:<model>} is short for
 * the completion form, as in promptfoo) or, for embeddings only, {@code ollama:embeddings:<model>}.
 *
 * @param id      the id as written, e.g. {@code ollama:chat:qwen2.5:0.5b}
 * @param kind    which Ollama endpoint serves it
 * @param model   the model name as Ollama knows it, e.g. {@code qwen2.5:0.5b}
 * @param options the {@code config} options mapped to sampling options; options this runner does not
 *                send were reported as warnings
 * @param label   the {@code label} as written, or the id when there is none
 * @param origin  where it was written, {@code file:line:col}
 */
public record ProviderSpec(String id, Kind kind, String model, ModelOptions options, String label, String origin) {

    public enum Kind {
        /** {@code /api/chat}: the rendered prompt is sent as messages. */
        CHAT,
        /** {@code /api/generate}: the rendered prompt is sent as one text. */
        COMPLETION,
        /** {@code /api/embed}: only for the {@code similar} judge. */
        EMBEDDING
    }

    public ProviderSpec {
        options = options == null ? ModelOptions.DEFAULTS : options;
        label = label == null || label.isBlank() ? id : label;
    }
}
