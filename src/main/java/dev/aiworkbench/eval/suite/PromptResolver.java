package dev.aiworkbench.eval.suite;

import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptVersion;

/**
 * Looks up the {@code prompt://<name>@<version>} prompts a suite names. Tests pass a lambda over a
 * map; the app and the command line pass a {@link RegistryPromptResolver}.
 */
@FunctionalInterface
public interface PromptResolver {

    /**
     * @return the saved version ({@link PromptRef#isLatest()} asks for the newest)
     * @throws IllegalArgumentException when there is no such prompt or version; its message, which
     *                                  should say what does exist, is shown to the suite's author
     */
    PromptVersion resolve(PromptRef ref);

    /** For suites loaded where no registry is open: every {@code prompt://} reference is an error. */
    static PromptResolver none() {
        return ref -> {
            throw new IllegalArgumentException("no prompt registry is open here, so prompt://" + ref
                    + " cannot be looked up");
        };
    }
}
