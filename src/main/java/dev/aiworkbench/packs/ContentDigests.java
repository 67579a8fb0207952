package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.PackLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 digests over a pack's files, their names and bytes, each file read once: one per lab folder the pack ships
 * ({@code labs/<id>/}), to tell which labs a new version changed, and one over every file, so an install can tell that
 * what it copied is what was checked.
 */
record ContentDigests(Map<String, String> labs, String whole) {
    static ContentDigests of(PackLocation location) throws IOException {
        Map<String, MessageDigest> labDigests = new TreeMap<>();
        MessageDigest whole = sha256();
        for (String name : location.files().stream().sorted().toList()) {
            byte[] bytes = Files.readAllBytes(location.resolve(name));
            add(whole, name, bytes);
            int end = name.startsWith("labs/") ? name.indexOf('/', "labs/".length()) : -1;
            if (end > 0) {
                add(labDigests.computeIfAbsent(name.substring("labs/".length(), end), id -> sha256()), name, bytes);
            }
        }
        Map<String, String> labs = new TreeMap<>();
        labDigests.forEach((id, digest) -> labs.put(id, HexFormat.of().formatHex(digest.digest())));
        return new ContentDigests(Map.copyOf(labs), HexFormat.of().formatHex(whole.digest()));
    }

    private static void add(MessageDigest digest, String name, byte[] bytes) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
