package dev.aiworkbench.curriculum.bundle;

import java.util.List;

/**
 * A pack file cannot be built, signed or trusted: the message is a sentence for the user, the details
 * (such as a pack's validation problems) are printed beneath it, one a line.
 */
public final class BundleException extends Exception {
    private final transient List<String> details;

    public BundleException(String message) {
        this(message, List.of());
    }

    public BundleException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
