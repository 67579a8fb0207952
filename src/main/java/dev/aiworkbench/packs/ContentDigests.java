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

/** SHA-256 digests over a pack's files, their names and bytes: of each lab folder, and of the whole pack. */
final class ContentDigests {
    private ContentDigests() {
    }

    /** One digest per lab folder the pack ships ({@code labs/<id>/}), to tell which labs a new version changed. */
    static Map<String, String> labs(PackLocation location) throws IOException {
        Map<String, MessageDigest> digests = new TreeMap<>();
        List<String> files = location.files().stream().filter(name -> name.startsWith("labs/")).sorted().toList();
        for (String name : files) {
            int end = name.indexOf('/', "labs/".length());
            if (end < 0) {
                continue;
            }
            add(digests.computeIfAbsent(name.substring("labs/".length(), end), id -> sha256()), location, name);
        }
        Map<String, String> result = new TreeMap<>();
        digests.forEach((id, digest) -> result.put(id, HexFormat.of().formatHex(digest.digest())));
        return result;
    }

    /** One digest over every file, so an install can tell that what it copied is what was checked. */
    static String whole(PackLocation location) throws IOException {
        MessageDigest digest = sha256();
        for (String name : location.files().stream().sorted().toList()) {
            add(digest, location, name);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, PackLocation location, String name) throws IOException {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        byte[] bytes = Files.readAllBytes(location.resolve(name));
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
