package dev.aiworkbench.curriculum.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Signs a built pack file: an Ed25519 signature over the manifest's exact bytes goes in as
 * {@value PackArchive#SIGNATURE} (base64), and the file is rewritten by the same deterministic rules.
 * When the public key lies next to the private one (as {@code keygen} leaves them), it is carried as
 * {@value PackArchive#PUBLIC_KEY} so a learner can read the signer's fingerprint; a JDK private key
 * cannot give its public half, and a carried key proves nothing by itself, so trust always comes from
 * a key the learner was given.
 */
public final class PackSigner {

    private PackSigner() {
    }

    public static SignedPack sign(Path zip, Path privateKeyFile) throws BundleException, KeyFileException, IOException {
        PrivateKey key = SigningKeys.readPrivate(privateKeyFile);
        Optional<PublicKey> publicKey = publicKeyBeside(privateKeyFile);
        PackArchive archive = PackArchive.read(zip);
        PackManifest manifest = PackVerifier.checkContents(archive);
        byte[] signature = sign(archive.file(PackManifest.FILE_NAME).orElseThrow(), key);
        if (publicKey.isPresent() && !PackVerifier.matches(
                archive.file(PackManifest.FILE_NAME).orElseThrow(), signature, publicKey.get())) {
            throw new KeyFileException(siblingOf(privateKeyFile) + " is not the public half of " + privateKeyFile
                    + "; keep the two files keygen wrote together, or move the stray one away");
        }
        // A key carried from an earlier signing would name the wrong signer once the signature is replaced.
        SortedMap<String, byte[]> files = new TreeMap<>(archive.files());
        files.remove(PackArchive.PUBLIC_KEY);
        files.put(PackArchive.SIGNATURE, (Base64.getEncoder().encodeToString(signature) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        publicKey.ifPresent(k -> files.put(PackArchive.PUBLIC_KEY, SigningKeys.publicPem(k)));
        DeterministicZip.write(new PackArchive(archive.topFolder(), files), zip);
        return new SignedPack(manifest, publicKey.map(SigningKeys::fingerprint));
    }

    private static Optional<PublicKey> publicKeyBeside(Path privateKeyFile) throws KeyFileException {
        Path sibling = siblingOf(privateKeyFile);
        return Files.isRegularFile(sibling) ? Optional.of(SigningKeys.readPublic(sibling)) : Optional.empty();
    }

    private static Path siblingOf(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - ".key".length()) : name;
        return privateKeyFile.resolveSibling(base + ".pub");
    }

    private static byte[] sign(byte[] manifest, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(SigningKeys.ALGORITHM);
            signer.initSign(key);
            signer.update(manifest);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key read by KeyFactory signs", e);
        }
    }
}
