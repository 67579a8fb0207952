package dev.aiworkbench.curriculum.bundle;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a built pack file: its manifest lists exactly the files it holds, each with the right size and
 * SHA-256, and its signature, when a key is given or carried, matches the manifest's exact bytes.
 * Every refusal names what differs.
 */
public final class PackVerifier {

    private PackVerifier() {
    }

    /** @param trustedKey the key the signature must match; without it a carried key is used and said to be unproven */
    public static Verification verify(Path zip, Optional<PublicKey> trustedKey) throws BundleException {
        PackArchive archive = PackArchive.read(zip);
        PackManifest manifest = checkContents(archive);
        byte[] manifestBytes = archive.file(PackManifest.FILE_NAME).orElseThrow();
        Optional<byte[]> signature = archive.file(PackArchive.SIGNATURE);
        if (trustedKey.isPresent()) {
            if (signature.isEmpty()) {
                throw new BundleException("the pack is not signed; ask its author for a signed file, or check it"
                        + " without --key");
            }
            checkSignature(manifestBytes, decode(signature.get()), trustedKey.get());
            return new Verification(manifest, Verification.SignatureCheck.MATCHES_GIVEN_KEY, trustedKey);
        }
        if (signature.isEmpty()) {
            return new Verification(manifest, Verification.SignatureCheck.UNSIGNED, Optional.empty());
        }
        return checkWithCarriedKey(archive, manifest, decode(signature.get()));
    }

    /**
     * Checks a pack file the way an install does: every file against the manifest, then the signature against each
     * key the learner trusts, and only when none of them matches, against the key the file carries. A signature that
     * matches neither is refused; one that no trusted key matches, in a file that carries no key, is not checked.
     */
    public static Verification verifyTrusting(Path zip, Collection<PublicKey> trustedKeys) throws BundleException {
        PackArchive archive = PackArchive.read(zip);
        PackManifest manifest = checkContents(archive);
        Optional<byte[]> signatureText = archive.file(PackArchive.SIGNATURE);
        if (signatureText.isEmpty()) {
            return new Verification(manifest, Verification.SignatureCheck.UNSIGNED, Optional.empty());
        }
        byte[] manifestBytes = archive.file(PackManifest.FILE_NAME).orElseThrow();
        byte[] signature = decode(signatureText.get());
        Optional<PublicKey> trusted = trustedKeys.stream().filter(key -> matches(manifestBytes, signature, key))
                .findFirst();
        if (trusted.isPresent()) {
            return new Verification(manifest, Verification.SignatureCheck.MATCHES_GIVEN_KEY, trusted);
        }
        return checkWithCarriedKey(archive, manifest, signature);
    }

    private static Verification checkWithCarriedKey(PackArchive archive, PackManifest manifest, byte[] signature)
            throws BundleException {
        Optional<PublicKey> carried = carriedKey(archive);
        if (carried.isEmpty()) {
            return new Verification(manifest, Verification.SignatureCheck.NOT_CHECKED, Optional.empty());
        }
        checkSignature(archive.file(PackManifest.FILE_NAME).orElseThrow(), signature, carried.get());
        return new Verification(manifest, Verification.SignatureCheck.MATCHES_CARRIED_KEY, carried);
    }

    /** The manifest of an archive whose files all match it: none missing, none extra, each size and SHA-256 right. */
    static PackManifest checkContents(PackArchive archive) throws BundleException {
        byte[] manifestBytes = archive.file(PackManifest.FILE_NAME).orElseThrow(() -> new BundleException(
                "the pack file has no " + PackManifest.FILE_NAME + "; build it with `workbench pack build`"));
        PackManifest manifest = PackManifest.parse(manifestBytes);
        if (!manifest.packId().equals(archive.topFolder())) {
            throw new BundleException("the pack file's top folder '" + archive.topFolder()
                    + "' is not the manifest's pack '" + manifest.packId() + "'");
        }
        Set<String> unlisted = new TreeSet<>(archive.files().keySet());
        unlisted.removeAll(PackBuilder.RESERVED);
        for (ManifestFile expected : manifest.files()) {
            byte[] content = archive.file(expected.path()).orElseThrow(() -> new BundleException(
                    expected.path() + ": the manifest lists it but the pack file does not hold it"));
            unlisted.remove(expected.path());
            if (content.length != expected.size()) {
                throw new BundleException(expected.path() + ": its size (" + content.length
                        + " bytes) differs from the manifest's (" + expected.size() + ")");
            }
            if (!Sha256.hex(content).equals(expected.sha256())) {
                throw new BundleException(expected.path() + ": its SHA-256 differs from the manifest's");
            }
        }
        if (!unlisted.isEmpty()) {
            throw new BundleException(unlisted.iterator().next() + ": the pack file holds it but the manifest does"
                    + " not list it");
        }
        return manifest;
    }

    private static Optional<PublicKey> carriedKey(PackArchive archive) throws BundleException {
        Optional<byte[]> pem = archive.file(PackArchive.PUBLIC_KEY);
        if (pem.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SigningKeys.parsePublicPem(pem.get(), PackArchive.PUBLIC_KEY));
        } catch (KeyFileException e) {
            throw new BundleException(e.getMessage());
        }
    }

    private static byte[] decode(byte[] signatureText) throws BundleException {
        try {
            return Base64.getMimeDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            throw new BundleException(PackArchive.SIGNATURE + " is not a base64 signature; sign the pack again");
        }
    }

    /** Every file already matches the manifest here, so a mismatch means the manifest itself is not what was signed. */
    private static void checkSignature(byte[] manifest, byte[] signature, PublicKey key) throws BundleException {
        if (!matches(manifest, signature, key)) {
            throw new BundleException("the signature does not match the manifest under the key "
                    + SigningKeys.fingerprint(key) + ": " + PackManifest.FILE_NAME + " differs from what was signed"
                    + " (it was changed after signing, perhaps with the files it lists), or the pack was signed with"
                    + " another key");
        }
    }

    static boolean matches(byte[] data, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(SigningKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
