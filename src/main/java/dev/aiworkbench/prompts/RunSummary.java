package dev.aiworkbench.prompts;

import java.time.Instant;

/**
 * A run in the history list: enough to recognise it without loading its whole output.
 *
 * @param provider        the provider it was made on, by name; null for a run kept before runs recorded it
 * @param prompt          the saved version it ran, or null for an unsaved template
 * @param templatePreview the start of the template, at most 120 characters
 * @param outputPreview   the start of the output, at most 120 characters
 * @param tools           how many tools the run offered the model
 * @param toolCalls       how many tool calls the model made
 */
public record RunSummary(long id, Instant createdAt, String provider, PromptRef prompt, String model, String templatePreview,
                         String outputPreview, RunStatus status, RunFigures figures, int tools, int toolCalls) {
}
