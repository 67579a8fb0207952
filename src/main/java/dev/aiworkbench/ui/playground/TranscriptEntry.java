package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.RunFigures;

/**
 * One earlier turn of a conversation with tools, as the transcript shows it.
 *
 * @param speaker who spoke: "Model, turn 1" or the tool whose result was sent ("Tool get_weather (call_1)")
 * @param figures the model turn's figures; null for a tool's result
 */
public record TranscriptEntry(String speaker, String text, RunFigures figures) {
}
