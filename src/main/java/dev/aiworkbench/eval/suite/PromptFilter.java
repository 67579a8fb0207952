package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.SourcePosition;

import java.util.List;

/**
 * promptfoo's {@code providers[].prompts}: the prompts one provider runs. An entry allows a prompt whose name equals
 * it, or starts with it and a colon, as promptfoo 0.118's {@code isAllowedPrompt} rules; a prompt is named by its
 * label, its text (an inline prompt, which promptfoo labels with its text) and its file path (promptfoo labels a
 * file's prompts {@code [label: ]path: text}).
 *
 * @param allowed the entries as written; empty for every prompt
 * @param origins where each entry is written, in the same order
 */
public record PromptFilter(List<String> allowed, List<SourcePosition> origins) {
    public static final PromptFilter EVERY = new PromptFilter(List.of(), List.of());

    public PromptFilter {
        allowed = List.copyOf(allowed);
        origins = List.copyOf(origins);
    }

    public boolean every() {
        return allowed.isEmpty();
    }

    public boolean allows(PromptSource prompt) {
        return every() || allowed.stream().anyMatch(entry -> matches(entry, prompt));
    }

    /** Whether one entry names the prompt. */
    static boolean matches(String entry, PromptSource prompt) {
        return names(prompt).stream().anyMatch(name -> name.equals(entry) || name.startsWith(entry + ":"));
    }

    private static List<String> names(PromptSource prompt) {
        if (prompt.reference() == null) {
            return List.of(prompt.label(), prompt.template());
        }
        String path = SuiteFiles.withoutScheme(prompt.reference());
        return List.of(prompt.label(), prompt.reference(), path, path + ": " + prompt.template());
    }
}
