package dev.aiworkbench.prompts;

import dev.aiworkbench.llm.GenerationResult;

/** How a kept run ended. */
public enum RunStatus {
    DONE, CANCELLED, FAILED;

    static RunStatus of(String doneReason, String error) {
        if (error != null) {
            return FAILED;
        }
        return GenerationResult.CANCELLED.equals(doneReason) ? CANCELLED : DONE;
    }
}
