package dev.aiworkbench.curriculum.bundle;

import java.util.Optional;

/**
 * A pack file {@link PackSigner} signed.
 *
 * @param carriedKeyFingerprint the fingerprint of the public key written into the file beside the signature,
 *                              when the public key was found next to the private one
 */
public record SignedPack(PackManifest manifest, Optional<String> carriedKeyFingerprint) {
}
