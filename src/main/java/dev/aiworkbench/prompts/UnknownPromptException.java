package dev.aiworkbench.prompts;

/** A prompt name or version that the registry does not have; the message lists what exists. */
public final class UnknownPromptException extends IllegalArgumentException {
    UnknownPromptException(String message) {
        super(message);
    }
}
