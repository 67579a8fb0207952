package dev.aiworkbench.eval.suite;

import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptRegistry;
import dev.aiworkbench.prompts.PromptVersion;

/** Resolves {@code prompt://} references against the workbench's prompt registry. */
public final class RegistryPromptResolver implements PromptResolver {
    private final PromptRegistry registry;

    public RegistryPromptResolver(PromptRegistry registry) {
        this.registry = registry;
    }

    @Override
    public PromptVersion resolve(PromptRef ref) {
        return registry.get(ref);
    }
}
