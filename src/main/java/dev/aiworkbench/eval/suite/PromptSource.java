package dev.aiworkbench.eval.suite;

import dev.aiworkbench.prompts.PromptVersion;

import java.util.Optional;

/**
 * One prompt of a suite, read and ready to render with a test's vars ({@code {{var}}} slots).
 *
 * <p>Chat prompts (a {@code .json} or {@code .yaml} file holding a list of {@code {role, content}}
 * messages) keep their messages as JSON text in {@link #template}: as in promptfoo, the runner renders
 * the text first and, when the result is such a JSON list, sends it as messages.
 *
 * @param label      the {@code label} as written; otherwise {@code name@version} for a registry prompt,
 *                   {@code file://path} (with {@code #n} when a text file holds several prompts) for a
 *                   file, or the whole text for an inline prompt (promptfoo's label)
 * @param template   the prompt text with its {@code {{var}}} slots
 * @param system     the system prompt; empty unless the prompt registry stores one
 * @param reference  {@code file://path} or {@code prompt://name@version} as resolved; null for inline text
 * @param origin     where the suite names it, {@code file:line:col}
 * @param registered the saved version, for a {@code prompt://} reference (its options, output format
 *                   and default model travel with it)
 */
public record PromptSource(String label, String template, String system, String reference, String origin,
                           Optional<PromptVersion> registered) {
    public PromptSource {
        system = system == null ? "" : system;
        registered = registered == null ? Optional.empty() : registered;
    }
}
