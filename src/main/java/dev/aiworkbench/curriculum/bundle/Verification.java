package dev.aiworkbench.curriculum.bundle;

import java.security.PublicKey;
import java.util.Optional;

/**
 * A pack file whose files all match its manifest, and what can be said about its signature.
 *
 * @param signer the key whose signature matched, when one did: a key given to check it, or else the key the file
 *               carries (which says who claims to have signed, not who did)
 */
public record Verification(PackManifest manifest, SignatureCheck signature, Optional<PublicKey> signer) {

    /** The signer's fingerprint ({@link SigningKeys#fingerprint}), when a signature matched. */
    public Optional<String> signerFingerprint() {
        return signer.map(SigningKeys::fingerprint);
    }

    public enum SignatureCheck {
        /** No signature in the file. */
        UNSIGNED,
        /** Signed, and the signature matches the manifest under the key (or one of the keys) the verifier was given. */
        MATCHES_GIVEN_KEY,
        /** Signed, and the signature matches the manifest under the key the file carries; no key was given. */
        MATCHES_CARRIED_KEY,
        /** Signed, but no key was given and the file carries none, so the signature was not checked. */
        NOT_CHECKED
    }
}
