package dev.aiworkbench.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over what a schema check's verdict depends on: the app's version, the schemas it ships and every pack file
 * read, each with its name. Any edit, added or removed file, or new schema gives another digest.
 */
final class PackDigest {
    private final MessageDigest sha;

    PackDigest(String appVersion) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        add("app", appVersion);
        for (PackSchemas.Kind kind : PackSchemas.Kind.values()) {
            add("schema " + kind.file(), schemaText(kind));
        }
    }

    void add(String name, String text) {
        part(name.getBytes(StandardCharsets.UTF_8));
        part(text.getBytes(StandardCharsets.UTF_8));
    }

    String finish() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Length first, so that no two different lists of parts run together into the same bytes. */
    private void part(byte[] bytes) {
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                (byte) bytes.length});
        sha.update(bytes);
    }

    private static String schemaText(PackSchemas.Kind kind) {
        try (InputStream in = PackDigest.class.getResourceAsStream("/schemas/" + kind.file())) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // an unreadable schema fails the check itself, which then records nothing
            return "unreadable";
        }
    }
}
