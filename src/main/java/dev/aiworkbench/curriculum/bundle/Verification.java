package dev.aiworkbench.curriculum.bundle;

import java.util.Optional;

/**
 * A pack file whose files all match its manifest, and what can be said about its signature.
 *
 * @param signerFingerprint the fingerprint of the key that signed it, when known: the key given to check it, or
 *                          else the key the file carries (which says who claims to have signed, not who did)
 */
public record Verification(PackManifest manifest, SignatureCheck signature, Optional<String> signerFingerprint) {

    public enum SignatureCheck {
        /** No signature in the file. */
        UNSIGNED,
        /** Signed, and the signature matches the manifest under the key the verifier was given. */
        MATCHES_GIVEN_KEY,
        /** Signed, and the signature matches the manifest under the key the file carries; no key was given. */
        MATCHES_CARRIED_KEY,
        /** Signed, but no key was given and the file carries none, so the signature was not checked. */
        NOT_CHECKED
    }
}
