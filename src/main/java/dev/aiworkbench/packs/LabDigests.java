package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.PackLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One SHA-256 per lab folder a pack ships ({@code labs/<id>/}), over its files' names and bytes, to tell changed labs. */
final class LabDigests {
    private LabDigests() {
    }

    static Map<String, String> of(PackLocation location) throws IOException {
        Map<String, MessageDigest> digests = new TreeMap<>();
        List<String> files = location.files().stream().filter(name -> name.startsWith("labs/")).sorted().toList();
        for (String name : files) {
            int end = name.indexOf('/', "labs/".length());
            if (end < 0) {
                continue;
            }
            MessageDigest digest = digests.computeIfAbsent(name.substring("labs/".length(), end), id -> sha256());
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] bytes = Files.readAllBytes(location.resolve(name));
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            digest.update(bytes);
        }
        Map<String, String> result = new TreeMap<>();
        digests.forEach((id, digest) -> result.put(id, HexFormat.of().formatHex(digest.digest())));
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
