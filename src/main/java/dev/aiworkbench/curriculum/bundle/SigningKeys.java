package dev.aiworkbench.curriculum.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 key pairs for signing packs, kept in PEM files: the private key as PKCS#8
 * ({@value #PRIVATE_KEY_FILE}, readable by its owner only where the file system has POSIX permissions)
 * and the public key as X.509 SubjectPublicKeyInfo ({@value #PUBLIC_KEY_FILE}), the forms OpenSSL reads.
 */
public final class SigningKeys {
    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_KEY_FILE = "pack-signing.key";
    public static final String PUBLIC_KEY_FILE = "pack-signing.pub";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private SigningKeys() {
    }

    /** The two files of a new key pair. */
    public record KeyFiles(Path privateKey, Path publicKey, String fingerprint) {
    }

    /** Makes a key pair in {@code folder} (created if needed); refuses to replace a key that is there. */
    public static KeyFiles generate(Path folder) throws BundleException, IOException {
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        List<Path> existing = List.of(privateFile, publicFile).stream().filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            throw new BundleException(existing.get(0) + " already exists, and replacing a signing key would orphan every"
                    + " pack signed with it; move it away first or choose another folder");
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ runtime has Ed25519", e);
        }
        Files.createDirectories(folder);
        writePrivate(privateFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()));
        Files.write(publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
        return new KeyFiles(privateFile, publicFile, fingerprint(pair.getPublic()));
    }

    private static void writePrivate(Path file, byte[] pem) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Windows and other non-POSIX file systems: the file inherits its folder's access list.
            Files.createFile(file);
        }
        Files.write(file, pem, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public static PrivateKey readPrivate(Path file) throws KeyFileException {
        byte[] der = readPem(file, PRIVATE_LABEL, "private");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file + " is not an Ed25519 private key; use the " + PRIVATE_KEY_FILE
                    + " that `workbench pack keygen` wrote");
        }
    }

    public static PublicKey readPublic(Path file) throws KeyFileException {
        return parsePublic(readPem(file, PUBLIC_LABEL, "public"), file.toString());
    }

    /** A public key from the PEM text a pack file carries beside its signature. */
    static PublicKey parsePublicPem(byte[] pem, String where) throws KeyFileException {
        return parsePublic(decodePem(new String(pem, StandardCharsets.US_ASCII), PUBLIC_LABEL, where, "public"), where);
    }

    private static PublicKey parsePublic(byte[] der, String where) throws KeyFileException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(where + " is not an Ed25519 public key; use the " + PUBLIC_KEY_FILE
                    + " that `workbench pack keygen` wrote");
        }
    }

    /** The PEM text of a public key, as keygen writes it and a signed pack carries it. */
    public static byte[] publicPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** SHA-256 of the public key's X.509 encoding, in hex: what a learner compares with the fingerprint an instructor publishes. */
    public static String fingerprint(PublicKey key) {
        return Sha256.hex(key.getEncoded());
    }

    private static byte[] readPem(Path file, String label, String kind) throws KeyFileException {
        try {
            return decodePem(Files.readString(file, StandardCharsets.US_ASCII), label, file.toString(), kind);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file + " does not exist; give the " + kind + " key file that"
                    + " `workbench pack keygen` wrote");
        } catch (IOException e) {
            throw new KeyFileException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static byte[] decodePem(String text, String label, String where, String kind) throws KeyFileException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new KeyFileException(where + " is not a PEM " + kind + " key (no '" + begin + "' line); give the "
                    + (kind.equals("private") ? PRIVATE_KEY_FILE : PUBLIC_KEY_FILE) + " that `workbench pack keygen` wrote");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(where + " holds a damaged " + kind + " key (" + e.getMessage() + ")");
        }
    }

    private static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
