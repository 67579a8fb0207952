package dev.aiworkbench.curriculum.bundle;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.testing.TinyPack;
import dev.aiworkbench.testing.ZipEntries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** keygen → sign → verify, and every way a pack file can differ from what was signed. */
class PackSigningTest {
    private static final String WEEK_ENTRY = TinyPack.ID + "/" + TinyPack.WEEK_FILE;
    private static final String MANIFEST_ENTRY = TinyPack.ID + "/" + PackManifest.FILE_NAME;

    @TempDir
    Path temp;

    private Path zip;
    private SigningKeys.KeyFiles keys;

    @BeforeEach
    void buildAndMakeKeys() throws Exception {
        zip = temp.resolve("tiny.zip");
        new PackBuilder(new PackLoader(AppInfo.version())).build(TinyPack.write(temp.resolve("tiny")), zip);
        keys = SigningKeys.generate(temp.resolve("keys"));
    }

    private PublicKey trusted() throws KeyFileException {
        return SigningKeys.readPublic(keys.publicKey());
    }

    @Test
    void aSignedPackVerifiesWithItsKey() throws Exception {
        SignedPack signed = PackSigner.sign(zip, keys.privateKey());

        Verification verification = PackVerifier.verify(zip, Optional.of(trusted()));

        assertThat(signed.carriedKeyFingerprint()).contains(keys.fingerprint());
        assertThat(verification.signature()).isEqualTo(Verification.SignatureCheck.MATCHES_GIVEN_KEY);
        assertThat(verification.signerFingerprint()).contains(keys.fingerprint());
        assertThat(verification.manifest().files()).hasSize(3);
    }

    @Test
    void withoutAKeyTheVerifierSaysWhetherItIsSignedAndByWhichCarriedKey() throws Exception {
        assertThat(PackVerifier.verify(zip, Optional.empty()).signature()).isEqualTo(Verification.SignatureCheck.UNSIGNED);

        PackSigner.sign(zip, keys.privateKey());
        Verification carried = PackVerifier.verify(zip, Optional.empty());

        assertThat(carried.signature()).isEqualTo(Verification.SignatureCheck.MATCHES_CARRIED_KEY);
        assertThat(carried.signerFingerprint()).contains(keys.fingerprint());
    }

    @Test
    void aPrivateKeyWithoutItsPublicHalfStillSignsButCarriesNoKey() throws Exception {
        Files.delete(keys.publicKey());

        assertThat(PackSigner.sign(zip, keys.privateKey()).carriedKeyFingerprint()).isEmpty();

        assertThat(ZipEntries.read(zip)).doesNotContainKey(TinyPack.ID + "/" + PackArchive.PUBLIC_KEY);
        assertThat(PackVerifier.verify(zip, Optional.empty()).signature())
                .isEqualTo(Verification.SignatureCheck.NOT_CHECKED);
    }

    @Test
    void signingIsDeterministicToo() throws Exception {
        Path copy = Files.copy(zip, temp.resolve("copy.zip"));

        PackSigner.sign(zip, keys.privateKey());
        PackSigner.sign(copy, keys.privateKey());

        assertThat(copy).hasSameBinaryContentAs(zip);
        assertThat(List.copyOf(ZipEntries.read(zip).keySet())).isSorted()
                .contains(TinyPack.ID + "/" + PackArchive.SIGNATURE, TinyPack.ID + "/" + PackArchive.PUBLIC_KEY);
    }

    @Test
    void oneChangedByteInOneFileIsRefusedNamingTheFile() throws Exception {
        PackSigner.sign(zip, keys.privateKey());
        Map<String, byte[]> entries = ZipEntries.read(zip);
        byte[] week = entries.get(WEEK_ENTRY);
        week[week.length - 2] ^= 1;
        ZipEntries.write(zip, entries);

        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.of(trusted()))).isInstanceOf(BundleException.class)
                .hasMessage(TinyPack.WEEK_FILE + ": its SHA-256 differs from the manifest's");
        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.empty())).isInstanceOf(BundleException.class)
                .hasMessage(TinyPack.WEEK_FILE + ": its SHA-256 differs from the manifest's");
    }

    @Test
    void aManifestChangedToMatchAChangedFileIsRefusedByTheSignature() throws Exception {
        PackSigner.sign(zip, keys.privateKey());
        Map<String, byte[]> entries = ZipEntries.read(zip);
        byte[] week = entries.get(WEEK_ENTRY);
        byte[] changed = Arrays.copyOf(week, week.length);
        changed[changed.length - 2] ^= 1;
        entries.put(WEEK_ENTRY, changed);
        entries.put(MANIFEST_ENTRY, new String(entries.get(MANIFEST_ENTRY), StandardCharsets.UTF_8)
                .replace(PackBuilderTest.sha256(week), PackBuilderTest.sha256(changed)).getBytes(StandardCharsets.UTF_8));
        ZipEntries.write(zip, entries);

        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.of(trusted()))).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("the signature does not match the manifest")
                .hasMessageContaining(PackManifest.FILE_NAME + " differs from what was signed");
        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.empty())).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("the signature does not match the manifest");
        assertThatThrownBy(() -> PackVerifier.verifyTrusting(zip, List.of(trusted()))).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("the signature does not match the manifest")
                .hasMessageContaining(PackManifest.FILE_NAME + " differs from what was signed");
    }

    @Test
    void anotherKeyIsRefused() throws Exception {
        PackSigner.sign(zip, keys.privateKey());
        PublicKey other = SigningKeys.readPublic(SigningKeys.generate(temp.resolve("other")).publicKey());

        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.of(other))).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("the signature does not match the manifest under the key "
                        + SigningKeys.fingerprint(other));
    }

    @Test
    void anUnsignedPackIsRefusedWhenAKeyIsGiven() {
        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.of(trusted()))).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("the pack is not signed");
    }

    @Test
    void aMissingOrExtraFileIsRefusedNamingIt() throws Exception {
        Map<String, byte[]> entries = ZipEntries.read(zip);
        entries.put(TinyPack.ID + "/weeks/02-extra.md", "smuggled".getBytes(StandardCharsets.UTF_8));
        ZipEntries.write(zip, entries);
        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.empty())).isInstanceOf(BundleException.class)
                .hasMessage("weeks/02-extra.md: the pack file holds it but the manifest does not list it");

        entries.remove(TinyPack.ID + "/weeks/02-extra.md");
        entries.remove(WEEK_ENTRY);
        ZipEntries.write(zip, entries);
        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.empty())).isInstanceOf(BundleException.class)
                .hasMessage(TinyPack.WEEK_FILE + ": the manifest lists it but the pack file does not hold it");
    }

    @Test
    void signingRefusesAFileThatDoesNotMatchItsManifestAndLeavesItAsItWas() throws Exception {
        Map<String, byte[]> entries = ZipEntries.read(zip);
        entries.get(WEEK_ENTRY)[0] ^= 1;
        ZipEntries.write(zip, entries);
        byte[] before = Files.readAllBytes(zip);

        assertThatThrownBy(() -> PackSigner.sign(zip, keys.privateKey())).isInstanceOf(BundleException.class)
                .hasMessage(TinyPack.WEEK_FILE + ": its SHA-256 differs from the manifest's");
        assertThat(zip).hasBinaryContent(before);
    }

    @Test
    void keygenWritesPemFilesTheOwnerAloneMayReadAndRefusesToReplaceThem() throws Exception {
        assertThat(Files.readString(keys.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(keys.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey())))
                    .isEqualTo("rw-------");
        }
        byte[] before = Files.readAllBytes(keys.privateKey());

        assertThatThrownBy(() -> SigningKeys.generate(keys.privateKey().getParent())).isInstanceOf(BundleException.class)
                .hasMessageContaining("already exists");
        assertThat(keys.privateKey()).hasBinaryContent(before);
    }

    @Test
    void aPublicKeyBesideThePrivateOneThatIsNotItsHalfIsRefusedAndNothingIsSigned() throws Exception {
        Files.copy(SigningKeys.generate(temp.resolve("other")).publicKey(), keys.publicKey(),
                StandardCopyOption.REPLACE_EXISTING);
        byte[] before = Files.readAllBytes(zip);

        assertThatThrownBy(() -> PackSigner.sign(zip, keys.privateKey())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is not the public half of");
        assertThat(zip).hasBinaryContent(before);
    }

    @Test
    void aManifestThatIsNotJsonIsRefused() {
        Map<String, byte[]> entries = ZipEntries.read(zip);
        entries.put(MANIFEST_ENTRY, "not json".getBytes(StandardCharsets.UTF_8));
        ZipEntries.write(zip, entries);

        assertThatThrownBy(() -> PackVerifier.verify(zip, Optional.empty())).isInstanceOf(BundleException.class)
                .hasMessageStartingWith(PackManifest.FILE_NAME + " is not a pack manifest");
    }

    @Test
    void aPublicKeyGivenAsThePrivateOneIsRefused() {
        assertThatThrownBy(() -> PackSigner.sign(zip, keys.publicKey())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is not a PEM private key");
    }
}
