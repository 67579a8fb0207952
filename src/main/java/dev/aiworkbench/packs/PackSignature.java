package dev.aiworkbench.packs;

import java.util.Locale;
import java.util.Optional;

/**
 * What an install knows of who made a pack.
 *
 * @param fingerprint the key whose signature matched, when one did
 */
public record PackSignature(Kind kind, Optional<String> fingerprint) {
    public enum Kind {
        /** No signature (a folder, or a zip nobody signed): anyone could have changed it. */
        UNSIGNED,
        /** Signed, but the file carries no key to check the signature with. */
        NOT_CHECKED,
        /** Signed, and the signature matches the manifest under the key the file carries. */
        SIGNED
    }

    /** Whether the learner should confirm before it is installed. */
    public boolean needsConfirmation() {
        return kind != Kind.SIGNED;
    }

    /** The word stored with an installed version and printed by {@code pack list}. */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
