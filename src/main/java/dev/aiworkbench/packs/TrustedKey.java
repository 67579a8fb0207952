package dev.aiworkbench.packs;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;

/**
 * A pack-signing key the learner trusts.
 *
 * @param fingerprint SHA-256 of the key ({@code curriculum.bundle.SigningKeys#fingerprint}), lower-case hex
 * @param name        the learner's name for it, such as the instructor or course it belongs to
 * @param added       when it was trusted
 * @param file        the file in the data folder that holds it
 */
public record TrustedKey(String fingerprint, String name, Instant added, PublicKey key, Path file) {
}
