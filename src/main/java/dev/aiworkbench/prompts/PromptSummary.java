package dev.aiworkbench.prompts;

import java.time.Instant;

/**
 * A named prompt in the registry list.
 *
 * @param defaultModel the latest version's default model, or null
 */
public record PromptSummary(String name, int latestVersion, Instant firstSavedAt, Instant lastSavedAt,
                            String defaultModel) {
}
