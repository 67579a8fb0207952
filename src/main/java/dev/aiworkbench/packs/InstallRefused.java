package dev.aiworkbench.packs;

import java.util.List;

/**
 * A pack is not installed: the message is a sentence for the user, the details (such as the pack's
 * problems) are printed beneath it, one a line. Nothing was written.
 */
public final class InstallRefused extends Exception {
    private final transient List<String> details;

    InstallRefused(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
