package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.Logging;
import dev.aiworkbench.curriculum.bundle.PackManifest;
import dev.aiworkbench.curriculum.bundle.SigningKeys;
import dev.aiworkbench.testing.SignedPacks;
import dev.aiworkbench.testing.TinyPack;
import dev.aiworkbench.testing.ZipEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aiworkbench.testing.FolderTree.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workbench pack trust | trusted | distrust}, and what they change for {@code pack install}: a pack signed by
 * a trusted key installs quietly, one signed by any other key asks, naming the key.
 */
class CliPackTrustTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final String SECOND_PACK = "curriculum/llm-evals-in-practice";

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private CliHarness cli() {
        return new CliHarness(data(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private SigningKeys.KeyFiles keys(String name) {
        return SignedPacks.keys(temp.resolve(name));
    }

    /** The tiny pack built and signed with {@code keys}, carrying their public key. */
    private Path signedZip(SigningKeys.KeyFiles keys) {
        Path zip = SignedPacks.built(temp);
        SignedPacks.sign(zip, keys);
        return zip;
    }

    @Test
    void aPackSignedByATrustedKeyInstallsWithoutAsking() {
        SigningKeys.KeyFiles instructor = keys("instructor");
        Path zip = signedZip(instructor);
        CliHarness cli = cli();

        CliHarness.Run trust = ok(cli.run("pack", "trust", instructor.publicKey().toString(), "--name", "Course key"));
        CliHarness.Run install = ok(cli.run("pack", "install", zip.toString()));

        assertThat(trust.out()).isEqualTo("trusted " + instructor.fingerprint() + " (Course key): packs signed with it"
                + " install without asking\n");
        assertThat(data().resolve("trusted-keys/" + instructor.fingerprint() + ".pub")).exists();
        assertThat(install.err()).as("nothing is asked").isEmpty();
        assertThat(install.out()).isEqualTo("installed tiny-pack 1.2.0 (signed by a key you trust, "
                + instructor.fingerprint() + "); make it the active pack with `workbench pack use tiny-pack`\n");
        assertThat(data().resolve("packs/tiny-pack/1.2.0/pack.yaml")).exists();
    }

    @Test
    void aPackSignedByAKeyNotTrustedAsksNamingTheKeyAndDecliningWritesNothing() {
        SigningKeys.KeyFiles stranger = keys("stranger");
        Path zip = signedZip(stranger);
        CliHarness cli = cli();
        ok(cli.run("pack", "install", SECOND_PACK, "--yes"));
        ok(cli.run("pack", "trust", keys("instructor").publicKey().toString()));
        // The verbs above, run in this JVM, pointed the log into the data folder; a new process would not.
        Logging.toFolder(temp.resolve("elsewhere/logs"));
        List<String> before = snapshot(data());

        CliHarness.Run unattended = cli.run("pack", "install", zip.toString());
        CliHarness.Run declined = cli.runTyping("n\n", "pack", "install", zip.toString());
        List<String> after = snapshot(data());
        CliHarness.Run accepted = cli.runTyping("y\n", "pack", "install", zip.toString(), "--json");

        assertThat(unattended.exitCode()).as(unattended.toString()).isEqualTo(Cli.USAGE);
        assertThat(unattended.err()).contains("tiny-pack 1.2.0 is signed by a key you have not trusted, "
                + stranger.fingerprint() + ": anyone can sign a pack with a key of their own; trust the key with"
                + " `workbench pack trust <public-key.pem>`, or run again with --yes to install it anyway.");
        assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(Cli.FAILED);
        assertThat(declined.err()).startsWith("tiny-pack 1.2.0 is signed by a key you have not trusted, "
                        + stranger.fingerprint() + ": anyone can sign a pack with a key of their own.\n")
                .contains("trust it with `workbench pack trust <public-key.pem>`")
                .contains("Not installed: you declined.");
        assertThat(declined.out()).contains("Install it? [y/n] ");
        assertThat(after).isEqualTo(before).isNotEmpty();
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.err()).as("with --json the question goes to stderr").contains("Install it? [y/n] ");
        assertThat(accepted.json().get("signature").asText()).isEqualTo("untrusted-key");
        assertThat(accepted.json().get("keyTrusted").asBoolean()).isFalse();
        assertThat(accepted.json().get("keyFingerprint").asText()).isEqualTo(stranger.fingerprint());
    }

    @Test
    void aChangedFileOrManifestIsRefusedNamingItAndTheDataFolderIsByteForByteAsBefore() throws Exception {
        SigningKeys.KeyFiles instructor = keys("instructor");
        Path zip = signedZip(instructor);
        CliHarness cli = cli();
        ok(cli.run("pack", "install", SECOND_PACK, "--yes"));
        ok(cli.run("pack", "trust", instructor.publicKey().toString()));
        Logging.toFolder(temp.resolve("elsewhere/logs"));
        List<String> before = snapshot(data());
        Map<String, byte[]> signed = ZipEntries.read(zip);
        String weekEntry = TinyPack.ID + "/" + TinyPack.WEEK_FILE;
        String manifestEntry = TinyPack.ID + "/" + PackManifest.FILE_NAME;
        byte[] week = signed.get(weekEntry);
        byte[] changedWeek = week.clone();
        changedWeek[changedWeek.length - 2] ^= 1;

        Map<String, byte[]> fileChanged = new LinkedHashMap<>(signed);
        fileChanged.put(weekEntry, changedWeek);
        ZipEntries.write(zip, fileChanged);
        CliHarness.Run changedFile = cli.run("pack", "install", zip.toString(), "--yes");
        Map<String, byte[]> manifestChanged = new LinkedHashMap<>(fileChanged);
        manifestChanged.put(manifestEntry, new String(signed.get(manifestEntry), StandardCharsets.UTF_8)
                .replace(sha256(week), sha256(changedWeek)).getBytes(StandardCharsets.UTF_8));
        ZipEntries.write(zip, manifestChanged);
        CliHarness.Run changedManifest = cli.run("pack", "install", zip.toString(), "--yes");

        assertThat(changedFile.exitCode()).as(changedFile.toString()).isEqualTo(Cli.FAILED);
        assertThat(changedFile.err()).isEqualTo("Not installed: " + TinyPack.WEEK_FILE
                + ": its SHA-256 differs from the manifest's.\n");
        assertThat(changedManifest.exitCode()).as(changedManifest.toString()).isEqualTo(Cli.FAILED);
        assertThat(changedManifest.err()).startsWith("Not installed: the signature does not match the manifest under"
                + " the key " + instructor.fingerprint() + ": " + PackManifest.FILE_NAME + " differs from what was signed");
        assertThat(snapshot(data())).isEqualTo(before);
    }

    @Test
    void trustedListsTheKeysAndDistrustByAPrefixMakesTheirPacksAskAgain() {
        SigningKeys.KeyFiles instructor = keys("instructor");
        Path zip = signedZip(instructor);
        CliHarness cli = cli();
        CliHarness.Run none = ok(cli.run("pack", "trusted"));
        ok(cli.run("pack", "trust", instructor.publicKey().toString(), "--name", "Course key"));

        CliHarness.Run text = ok(cli.run("pack", "trusted"));
        JsonNode json = ok(cli.run("pack", "trusted", "--json")).json();
        CliHarness.Run distrust = ok(cli.run("pack", "distrust", instructor.fingerprint().substring(0, 12)));
        CliHarness.Run afterwards = ok(cli.run("pack", "trusted", "--json"));
        CliHarness.Run install = cli.run("pack", "install", zip.toString());

        assertThat(none.out()).startsWith("No keys are trusted yet, so every pack asks before it installs.");
        assertThat(text.out()).isEqualTo(instructor.fingerprint() + "  Course key  added 2026-03-02\n");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("fingerprint").asText()).isEqualTo(instructor.fingerprint());
        assertThat(json.get(0).get("name").asText()).isEqualTo("Course key");
        assertThat(json.get(0).get("added").asText()).isEqualTo(NOW.toString());
        assertThat(distrust.out()).isEqualTo("no longer trusted: " + instructor.fingerprint() + " (Course key). Packs"
                + " signed with it ask before they install; the ones installed stay installed.\n");
        assertThat(afterwards.json()).isEmpty();
        assertThat(data().resolve("trusted-keys/" + instructor.fingerprint() + ".pub")).doesNotExist();
        assertThat(install.exitCode()).as(install.toString()).isEqualTo(Cli.USAGE);
        assertThat(install.err()).contains("is signed by a key you have not trusted, " + instructor.fingerprint());
    }

    @Test
    void distrustWantsAPrefixThatNamesExactlyOneKey() {
        CliHarness cli = cli();
        List<String> fingerprints = new ArrayList<>();
        String shared = null;
        for (int i = 0; shared == null; i++) {
            SigningKeys.KeyFiles keys = keys("key-" + i);
            ok(cli.run("pack", "trust", keys.publicKey().toString()));
            String first = keys.fingerprint().substring(0, 1);
            shared = fingerprints.stream().anyMatch(f -> f.startsWith(first)) ? first : null;
            fingerprints.add(keys.fingerprint());
        }
        List<String> before = snapshot(data().resolve("trusted-keys"));

        CliHarness.Run ambiguous = cli.run("pack", "distrust", shared);
        CliHarness.Run unknown = cli.run("pack", "distrust", "not-hex");

        assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(Cli.USAGE);
        assertThat(ambiguous.err()).startsWith("'" + shared + "' starts ").contains("give more of the one you mean.");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).startsWith("No trusted key's fingerprint starts with 'not-hex';");
        assertThat(snapshot(data().resolve("trusted-keys"))).isEqualTo(before).hasSize(fingerprints.size() + 1);
    }

    @Test
    void trustRefusesWhatIsNotAPublicKeyAndSaysWhenAKeyIsTrustedAlready() {
        SigningKeys.KeyFiles instructor = keys("instructor");
        CliHarness cli = cli();

        CliHarness.Run missing = cli.run("pack", "trust", temp.resolve("nope.pem").toString());
        CliHarness.Run privateKey = cli.run("pack", "trust", instructor.privateKey().toString());
        boolean nothingWritten = !data().resolve("trusted-keys").toFile().exists();
        ok(cli.run("pack", "trust", instructor.publicKey().toString(), "--name", "Course key"));
        CliHarness.Run again = ok(cli.run("pack", "trust", instructor.publicKey().toString(), "--name", "Other"));

        assertThat(missing.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("does not exist or is not a file");
        assertThat(privateKey.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(privateKey.err()).contains("is not a PEM public key");
        assertThat(nothingWritten).isTrue();
        assertThat(again.out()).isEqualTo(instructor.fingerprint() + " is already trusted (Course key, since 2026-03-02);"
                + " nothing changed\n");
    }

    @Test
    void everyTrustVerbExplainsItselfWithHelp() {
        for (String verb : List.of("trust", "trusted", "distrust")) {
            CliHarness.Run help = CliHarness.runRaw("pack", verb, "--help");

            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.out()).startsWith("Usage: workbench pack " + verb + " ");
        }
        assertThat(CliHarness.runRaw("pack", "--help").out()).contains("trust", "trusted", "distrust");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
