package dev.aiworkbench.curriculum.bundle;

/**
 * One file of a built pack as its manifest records it.
 *
 * @param path   relative to the pack's top folder, forward slashes
 * @param sha256 lower-case hex
 */
public record ManifestFile(String path, String sha256, long size) {

    public static ManifestFile of(String path, byte[] content) {
        return new ManifestFile(path, Sha256.hex(content), content.length);
    }
}
