package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.ModelServerException;

import java.util.Optional;

/**
 * A run as kept, and the failure behind it when it failed (for the command line's exit code and
 * the playground's message); the run keeps whatever answer arrived either way.
 */
public record PlaygroundResult(PlaygroundRun run, Optional<ModelServerException> failure) {
}
