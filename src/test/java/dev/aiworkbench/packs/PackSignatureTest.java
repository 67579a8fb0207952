package dev.aiworkbench.packs;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.bundle.PackArchive;
import dev.aiworkbench.curriculum.bundle.PackManifest;
import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.testing.SignedPacks;
import dev.aiworkbench.testing.TinyPack;
import dev.aiworkbench.testing.ZipEntries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an install makes of a pack's signature: only a signature by a key the learner trusts installs quietly; a key
 * the pack carries names the signer but proves nothing, and a signature that does not match is refused.
 */
class PackSignatureTest {
    private static final String PUBLIC_KEY_ENTRY = TinyPack.ID + "/" + PackArchive.PUBLIC_KEY;
    private static final String MANIFEST_ENTRY = TinyPack.ID + "/" + PackManifest.FILE_NAME;
    private static final String WEEK_ENTRY = TinyPack.ID + "/" + TinyPack.WEEK_FILE;

    @TempDir
    Path temp;

    private TrustedKeys trusted;
    private PackInstaller installer;
    private Path zip;
    private SigningKeys.KeyFiles signer;

    @BeforeEach
    void setUp() {
        trusted = new TrustedKeys(temp.resolve("data/trusted-keys"), Clock.systemUTC());
        installer = new PackInstaller(new PackShelf(temp.resolve("data/packs")), trusted, new PackLoader(AppInfo.version()));
        zip = SignedPacks.built(temp);
        signer = SignedPacks.keys(temp.resolve("signer"));
    }

    private PackSignature planned(Path source) throws InstallRefused {
        return installer.plan(source).signature();
    }

    private void trust(SigningKeys.KeyFiles keys) throws Exception {
        trusted.add(keys.publicKey(), Optional.of("test key"));
    }

    @Test
    void aFolderAndAnUnsignedZipAreUnsignedAndAsk() throws Exception {
        PackSignature folder = planned(TinyPack.write(temp.resolve("folder")));
        PackSignature unsignedZip = planned(zip);

        assertThat(folder).isEqualTo(PackSignature.UNSIGNED);
        assertThat(unsignedZip.kind()).isEqualTo(PackSignature.Kind.UNSIGNED);
        assertThat(unsignedZip.needsConfirmation()).isTrue();
        assertThat(unsignedZip.keyTrusted()).isFalse();
        assertThat(unsignedZip.label()).isEqualTo("unsigned");
    }

    @Test
    void aSignatureByTheKeyThePackCarriesAsksAndNamesThatKey() throws Exception {
        SignedPacks.sign(zip, signer);

        PackSignature signature = planned(zip);

        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.UNTRUSTED_KEY);
        assertThat(signature.fingerprint()).contains(signer.fingerprint());
        assertThat(signature.key()).contains(SigningKeys.readPublic(signer.publicKey()));
        assertThat(signature.needsConfirmation()).isTrue();
        assertThat(signature.label()).isEqualTo("untrusted-key");
    }

    @Test
    void onceTheLearnerTrustsTheKeyTheSamePackInstallsQuietly() throws Exception {
        SignedPacks.sign(zip, signer);
        trust(signer);

        PackSignature signature = planned(zip);

        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.TRUSTED_KEY);
        assertThat(signature.fingerprint()).contains(signer.fingerprint());
        assertThat(signature.needsConfirmation()).isFalse();
        assertThat(signature.keyTrusted()).isTrue();
        assertThat(signature.label()).isEqualTo("trusted-key");
    }

    @Test
    void trustingAnotherKeyDoesNotMakeThisPackQuiet() throws Exception {
        SignedPacks.sign(zip, signer);
        trust(SignedPacks.keys(temp.resolve("someone-else")));

        PackSignature signature = planned(zip);

        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.UNTRUSTED_KEY);
        assertThat(signature.fingerprint()).contains(signer.fingerprint());
    }

    @Test
    void aSignatureWithNoKeyToCheckItIsNotCheckedAndAsks() throws Exception {
        SignedPacks.signCarryingNoKey(zip, signer);

        PackSignature signature = planned(zip);

        assertThat(ZipEntries.read(zip)).doesNotContainKey(PUBLIC_KEY_ENTRY);
        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.NOT_CHECKED);
        assertThat(signature.fingerprint()).isEmpty();
        assertThat(signature.needsConfirmation()).isTrue();
        assertThat(signature.label()).isEqualTo("not-checked");
    }

    @Test
    void aTrustedKeyChecksASignatureThePackCarriesNoKeyFor() throws Exception {
        SignedPacks.signCarryingNoKey(zip, signer);
        trust(signer);

        PackSignature signature = planned(zip);

        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.TRUSTED_KEY);
        assertThat(signature.fingerprint()).contains(signer.fingerprint());
    }

    @Test
    void aTrustedSignatureStaysTrustedWhateverKeyThePackClaimsToCarry() throws Exception {
        SignedPacks.sign(zip, signer);
        trust(signer);
        SigningKeys.KeyFiles stranger = SignedPacks.keys(temp.resolve("stranger"));
        Map<String, byte[]> entries = ZipEntries.read(zip);
        entries.put(PUBLIC_KEY_ENTRY, Files.readAllBytes(stranger.publicKey()));
        ZipEntries.write(zip, entries);

        PackSignature signature = planned(zip);

        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.TRUSTED_KEY);
        assertThat(signature.fingerprint()).contains(signer.fingerprint());
    }

    @Test
    void aChangedFileIsRefusedNamingItEvenWhenTheKeyIsTrusted() throws Exception {
        SignedPacks.sign(zip, signer);
        trust(signer);
        Map<String, byte[]> entries = ZipEntries.read(zip);
        byte[] week = entries.get(WEEK_ENTRY);
        week[week.length - 2] ^= 1;
        ZipEntries.write(zip, entries);

        assertThatThrownBy(() -> installer.plan(zip)).isInstanceOf(InstallRefused.class)
                .hasMessage(TinyPack.WEEK_FILE + ": its SHA-256 differs from the manifest's");
    }

    @Test
    void aManifestChangedAfterSigningIsRefusedNamingTheManifest() throws Exception {
        SignedPacks.sign(zip, signer);
        trust(signer);
        changeWeekAndItsManifestLine();

        assertThatThrownBy(() -> installer.plan(zip)).isInstanceOf(InstallRefused.class)
                .hasMessageStartingWith("the signature does not match the manifest under the key " + signer.fingerprint())
                .hasMessageContaining(PackManifest.FILE_NAME + " differs from what was signed");
    }

    @Test
    void strippingTheCarriedKeyFromAChangedPackCannotMakeItQuiet() throws Exception {
        SignedPacks.sign(zip, signer);
        trust(signer);
        changeWeekAndItsManifestLine();
        Map<String, byte[]> entries = ZipEntries.read(zip);
        entries.remove(PUBLIC_KEY_ENTRY);
        ZipEntries.write(zip, entries);

        PackSignature signature = planned(zip);

        assertThat(signature.kind()).isEqualTo(PackSignature.Kind.NOT_CHECKED);
        assertThat(signature.needsConfirmation()).isTrue();
    }

    /** Changes a letter of the week's guide and rewrites its line in the manifest to match, as someone who cannot sign would. */
    private void changeWeekAndItsManifestLine() throws Exception {
        Map<String, byte[]> entries = ZipEntries.read(zip);
        byte[] week = entries.get(WEEK_ENTRY);
        byte[] changed = week.clone();
        changed[changed.length - 2] ^= 1;
        entries.put(WEEK_ENTRY, changed);
        entries.put(MANIFEST_ENTRY, new String(entries.get(MANIFEST_ENTRY), StandardCharsets.UTF_8)
                .replace(sha256(week), sha256(changed)).getBytes(StandardCharsets.UTF_8));
        ZipEntries.write(zip, entries);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
