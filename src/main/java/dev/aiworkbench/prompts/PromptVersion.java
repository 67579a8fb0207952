package dev.aiworkbench.prompts;

import java.time.Instant;

/** One saved, immutable version of a named prompt. */
public record PromptVersion(String name, int version, Instant createdAt, String author, String note,
                            PromptContent content) {
    public PromptRef ref() {
        return PromptRef.of(name, version);
    }

    /** {@code name@version}, as the command line and the diff headers write it. */
    public String label() {
        return name + "@" + version;
    }
}
