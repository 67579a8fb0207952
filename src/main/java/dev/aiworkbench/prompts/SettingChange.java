package dev.aiworkbench.prompts;

/**
 * A setting that differs between two versions: an option (by Ollama's name, e.g. {@code temperature}),
 * {@code format}, {@code schema} or {@code model}.
 *
 * @param before the old value as text; null when it was not set
 * @param after  the new value as text; null when it is not set
 */
public record SettingChange(String setting, String before, String after) {
    /** e.g. "temperature: 0.2 → 0.7", "model: not set → llama3.2". */
    public String describe() {
        return setting + ": " + (before == null ? "not set" : before) + " → " + (after == null ? "not set" : after);
    }
}
