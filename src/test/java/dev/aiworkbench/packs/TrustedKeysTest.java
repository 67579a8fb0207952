package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.bundle.KeyFileException;
import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.SignedPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.aiworkbench.testing.FolderTree.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys a learner trusts, kept as one PEM file a key in the data folder. */
class TrustedKeysTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    @TempDir
    Path temp;

    private Path folder() {
        return temp.resolve("data/trusted-keys");
    }

    private TrustedKeys keys() {
        return new TrustedKeys(folder(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aKeyFromAPublicKeyFileIsListedWithItsFingerprintNameAndDate() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));

        TrustedKeys.Outcome outcome = keys().add(pair.publicKey(), Optional.of("Jane's course"));

        assertThat(outcome.alreadyTrusted()).isFalse();
        assertThat(keys().list()).singleElement().satisfies(key -> {
            assertThat(key.fingerprint()).isEqualTo(pair.fingerprint());
            assertThat(key.name()).isEqualTo("Jane's course");
            assertThat(key.added()).isEqualTo(NOW);
            assertThat(key.file()).isEqualTo(folder().resolve(pair.fingerprint() + ".pub"));
            assertThat(key.key()).isEqualTo(SigningKeys.readPublic(pair.publicKey()));
        });
        assertThat(keys().keys()).containsExactly(SigningKeys.readPublic(pair.publicKey()));
        assertThat(keys().unreadable()).isEmpty();
        assertThat(SigningKeys.fingerprint(SigningKeys.readPublic(outcome.key().file())))
                .as("the file stays a PEM public key other tools read").isEqualTo(pair.fingerprint());
        try (var files = Files.list(folder())) {
            assertThat(files.toList()).as("nothing is left of the atomic write").containsExactly(outcome.key().file());
        }
    }

    @Test
    void withoutANameTheKeyIsNamedAfterItsFile() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));

        keys().add(pair.publicKey(), Optional.of("  "));

        assertThat(keys().list()).singleElement().extracting(TrustedKey::name)
                .isEqualTo("from " + SigningKeys.PUBLIC_KEY_FILE);
    }

    @Test
    void aKeyTrustedAlreadyIsLeftAsItWas() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));
        keys().add(pair.publicKey(), Optional.of("first name"));
        List<String> before = snapshot(folder());

        TrustedKeys later = new TrustedKeys(folder(), Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        TrustedKeys.Outcome again = later.add(pair.publicKey(), Optional.of("second name"));

        assertThat(again.alreadyTrusted()).isTrue();
        assertThat(again.key().name()).isEqualTo("first name");
        assertThat(again.key().added()).isEqualTo(NOW);
        assertThat(snapshot(folder())).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAPublicKeyIsRefusedAndNothingIsWritten() {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));

        assertThatThrownBy(() -> keys().add(pair.privateKey(), Optional.empty())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is not a PEM public key");
        assertThatThrownBy(() -> keys().add(temp.resolve("missing.pub"), Optional.empty()))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("does not exist");
        assertThat(folder()).doesNotExist();
    }

    @Test
    void aNameCannotAddLinesToTheKeyFile() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));

        keys().add(pair.publicKey(), Optional.of("Jane\n# added: 1999-01-01T00:00:00Z"));

        TrustedKey key = keys().list().get(0);
        assertThat(key.name()).isEqualTo("Jane # added: 1999-01-01T00:00:00Z");
        assertThat(key.added()).isEqualTo(NOW);
    }

    @Test
    void aUniquePrefixOfTheFingerprintFindsTheKeyInEitherCase() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));
        keys().add(pair.publicKey(), Optional.of("Jane"));
        String fingerprint = pair.fingerprint();

        assertThat(keys().matching(fingerprint.substring(0, 8))).extracting(TrustedKey::fingerprint)
                .containsExactly(fingerprint);
        assertThat(keys().matching(fingerprint.substring(0, 8).toUpperCase(Locale.ROOT))).hasSize(1);
        assertThat(keys().matching(fingerprint)).hasSize(1);
        assertThat(keys().matching("")).as("an empty prefix names no key").isEmpty();
        assertThat(keys().matching(fingerprint + "0")).isEmpty();
        assertThat(keys().find(fingerprint)).isPresent();
        assertThat(keys().find(fingerprint.substring(0, 8))).as("find wants the whole fingerprint").isEmpty();
    }

    @Test
    void aSharedPrefixMatchesEveryKeyThatStartsWithIt() throws Exception {
        List<String> fingerprints = new ArrayList<>();
        String shared = null;
        for (int i = 0; shared == null; i++) {
            String fingerprint = keys().add(SignedPacks.keys(temp.resolve("key-" + i)).publicKey(), Optional.empty())
                    .key().fingerprint();
            String first = fingerprint.substring(0, 1);
            shared = fingerprints.stream().anyMatch(f -> f.startsWith(first)) ? first : null;
            fingerprints.add(fingerprint);
        }

        String prefix = shared;
        assertThat(keys().matching(prefix)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(key -> assertThat(key.fingerprint()).startsWith(prefix));
    }

    @Test
    void removingAKeyDeletesItsFileAndOnlyIt() throws Exception {
        SigningKeys.KeyFiles jane = SignedPacks.keys(temp.resolve("jane"));
        SigningKeys.KeyFiles omar = SignedPacks.keys(temp.resolve("omar"));
        keys().add(jane.publicKey(), Optional.of("Jane"));
        keys().add(omar.publicKey(), Optional.of("Omar"));

        keys().remove(keys().find(jane.fingerprint()).orElseThrow());

        assertThat(keys().list()).extracting(TrustedKey::fingerprint).containsExactly(omar.fingerprint());
        assertThat(folder().resolve(jane.fingerprint() + ".pub")).doesNotExist();
    }

    @Test
    void aDamagedFileTrustsNothingAndIsReportedAndFilesBeingWrittenAreIgnored() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));
        keys().add(pair.publicKey(), Optional.of("Jane"));
        PackFiles.write(folder().resolve("damaged.pub"), "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n");
        Files.copy(pair.publicKey(), folder().resolve(".half-written.pub"));
        PackFiles.write(folder().resolve("notes.txt"), "not a key file");

        assertThat(keys().list()).extracting(TrustedKey::fingerprint).containsExactly(pair.fingerprint());
        assertThat(keys().unreadable()).containsExactly(folder().resolve("damaged.pub"));
    }

    @Test
    void aKeyFileWithoutItsCommentLinesStillCountsUnderItsOwnFingerprint() throws Exception {
        SigningKeys.KeyFiles pair = SignedPacks.keys(temp.resolve("jane"));
        Files.createDirectories(folder());
        Files.copy(pair.publicKey(), folder().resolve("copied-by-hand.pub"));

        assertThat(keys().list()).singleElement().satisfies(key -> {
            assertThat(key.fingerprint()).isEqualTo(pair.fingerprint());
            assertThat(key.name()).isEmpty();
        });
        assertThat(keys().add(pair.publicKey(), Optional.empty()).alreadyTrusted()).isTrue();
    }
}
