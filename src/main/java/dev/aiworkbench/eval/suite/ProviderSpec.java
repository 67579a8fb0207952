package dev.aiworkbench.eval.suite;

import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ProviderKind;

import java.util.Optional;

/**
 * One model a suite runs its prompts on, or a judge model, as promptfoo names it: {@code ollama:chat:<model>},
 * {@code ollama:completion:<model>} ({@code ollama:<model>} is short for the completion form, as in promptfoo),
 * {@code ollama:embeddings:<model>} (embeddings only), {@code openai:chat:<model>} ({@code openai:<model>} is the same)
 * or {@code anthropic:messages:<model>}.
 *
 * @param id         the id as written, e.g. {@code ollama:chat:qwen2.5:0.5b}
 * @param server     which kind of provider serves it; the workbench's provider of that kind is called
 * @param kind       which endpoint serves it
 * @param model      the model name as its provider knows it, e.g. {@code qwen2.5:0.5b}
 * @param options    the {@code config} options mapped to sampling options; options this runner does not
 *                   send were reported as warnings
 * @param connection where to call and with which key, when {@code config} says so
 * @param label      the {@code label} as written, or the id when there is none
 * @param origin     where it was written, {@code file:line:col}
 * @param prompts    its {@code prompts}: the prompts it runs, by promptfoo's rule ({@link PromptFilter}); every
 *                   prompt when it has none
 */
public record ProviderSpec(String id, ProviderKind server, Kind kind, String model, ModelOptions options,
                           Connection connection, String label, String origin, PromptFilter prompts) {

    public enum Kind {
        /** Chat: the rendered prompt is sent as messages. */
        CHAT,
        /** Ollama's {@code /api/generate}: the rendered prompt is sent as one text. */
        COMPLETION,
        /** Ollama's {@code /api/embed}: only for the {@code similar} judge. */
        EMBEDDING
    }

    /**
     * promptfoo's connection options: {@code apiBaseUrl} (or {@code apiHost}) and {@code apiKeyEnvar}.
     *
     * @param baseUrl     an address that wins over the provider's own
     * @param keyVariable the environment variable holding the key, instead of the kind's own
     */
    public record Connection(Optional<String> baseUrl, Optional<String> keyVariable) {
        public static final Connection DEFAULT = new Connection(Optional.empty(), Optional.empty());
    }

    public ProviderSpec {
        options = options == null ? ModelOptions.DEFAULTS : options;
        connection = connection == null ? Connection.DEFAULT : connection;
        label = label == null || label.isBlank() ? id : label;
        prompts = prompts == null ? PromptFilter.EVERY : prompts;
    }

    /** A provider that runs every prompt. */
    public ProviderSpec(String id, ProviderKind server, Kind kind, String model, ModelOptions options,
                        Connection connection, String label, String origin) {
        this(id, server, kind, model, options, connection, label, origin, PromptFilter.EVERY);
    }

    /** Whether this provider runs the prompt (promptfoo's {@code providers[].prompts}). */
    public boolean runs(PromptSource prompt) {
        return prompts.allows(prompt);
    }

    /** Whether the id or label is this provider's, as promptfoo keys its providers ({@code label || id}). */
    public boolean named(String name) {
        return id.equals(name) || label.equals(name);
    }
}
