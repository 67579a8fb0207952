package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.curriculum.bundle.Verification;

import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;

/**
 * What an install knows of who made a pack, and so whether it asks first: only a pack signed by a key the learner
 * trusts installs without asking. A key a pack carries proves nothing by itself (anyone can sign with their own
 * key), so a signature that matches it still asks, naming the key.
 *
 * @param key the key whose signature matched, when one did
 */
public record PackSignature(Kind kind, Optional<PublicKey> key) {
    public enum Kind {
        /** No signature (a folder, or a zip nobody signed): anyone could have changed it. */
        UNSIGNED,
        /** Signed, but no trusted key matches and the file carries no key, so the signature was not checked. */
        NOT_CHECKED,
        /** Signed, and the signature matches a key the learner trusts. */
        TRUSTED_KEY,
        /** Signed, and the signature matches the key the file carries, which the learner has not trusted. */
        UNTRUSTED_KEY
    }

    public static final PackSignature UNSIGNED = new PackSignature(Kind.UNSIGNED, Optional.empty());

    /** What an install makes of a verified pack file: the verifier was given the learner's trusted keys. */
    static PackSignature of(Verification verification) {
        return switch (verification.signature()) {
            case UNSIGNED -> UNSIGNED;
            case NOT_CHECKED -> new PackSignature(Kind.NOT_CHECKED, Optional.empty());
            case MATCHES_GIVEN_KEY -> new PackSignature(Kind.TRUSTED_KEY, verification.signer());
            case MATCHES_CARRIED_KEY -> new PackSignature(Kind.UNTRUSTED_KEY, verification.signer());
        };
    }

    /** The fingerprint of the key whose signature matched, when one did. */
    public Optional<String> fingerprint() {
        return key.map(SigningKeys::fingerprint);
    }

    /** Whether the learner should confirm before it is installed. */
    public boolean needsConfirmation() {
        return kind != Kind.TRUSTED_KEY;
    }

    /** Whether the signature matched a key the learner trusts: what {@code --json} reports as {@code keyTrusted}. */
    public boolean keyTrusted() {
        return kind == Kind.TRUSTED_KEY;
    }

    /** The word stored with an installed version and printed by {@code pack list}. */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
