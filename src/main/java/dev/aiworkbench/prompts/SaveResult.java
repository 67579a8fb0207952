package dev.aiworkbench.prompts;

/**
 * What a save did.
 *
 * @param created false when the content equals the latest version, which is returned unchanged
 */
public record SaveResult(PromptVersion version, boolean created) {
    /** A sentence for the status bar or the command line. */
    public String message() {
        return created ? "Saved " + version.label() + "."
                : "Nothing new to save: " + version.label() + " already has this content, so no version was added.";
    }
}
