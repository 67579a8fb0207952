package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import dev.aiworkbench.testing.ZipEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.aiworkbench.cli.CliHarness.runRaw;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench pack build | keygen | sign | verify}: what they print and their exit codes. */
class CliPackBundleTest {
    @TempDir
    Path temp;

    private Path built() {
        Path zip = temp.resolve("dist/tiny.zip");
        CliHarness.Run run = runRaw("pack", "build", TinyPack.write(temp.resolve("tiny")).toString(), "-o", zip.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return zip;
    }

    private Path keys() {
        Path folder = temp.resolve("keys");
        CliHarness.Run run = runRaw("pack", "keygen", folder.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return folder;
    }

    @Test
    void buildSignAndVerifyWithTheKey() {
        Path zip = built();
        Path keys = keys();

        CliHarness.Run sign = runRaw("pack", "sign", zip.toString(), "--key", keys.resolve("pack-signing.key").toString());
        CliHarness.Run verify = runRaw("pack", "verify", zip.toString(), "--key", keys.resolve("pack-signing.pub").toString());

        assertThat(sign.exitCode()).as(sign.toString()).isZero();
        assertThat(sign.out()).startsWith("signed tiny-pack 1.2.0: " + zip);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.outLines()).hasSize(2).first().isEqualTo("verified tiny-pack 1.2.0: 3 files match the manifest");
        assertThat(verify.outLines().get(1)).startsWith("signed: the signature matches the key ");
    }

    @Test
    void buildSaysWhatItWroteAndWhatItLeftOut() {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        PackFiles.write(folder.resolve(".DS_Store"), "finder");
        Path zip = temp.resolve("tiny.zip");

        CliHarness.Run run = runRaw("pack", "build", folder.toString(), "-o", zip.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(
                "left out (operating-system clutter and version control): .DS_Store",
                "built tiny-pack 1.2.0: " + zip + " (3 files)");
    }

    @Test
    void aPackWithErrorsIsNotBuiltAndExitsOne() {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        PackFiles.replaceLine(folder.resolve(TinyPack.WEEK_FILE), "hours: 3", "hours: lots");
        Path zip = temp.resolve("tiny.zip");

        CliHarness.Run run = runRaw("pack", "build", folder.toString(), "-o", zip.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines()).containsExactly(
                "Not built: the pack has 1 error(s); fix them and build again.",
                PackFiles.at(folder, TinyPack.WEEK_FILE, "hours: |lots") + ": hours: wrong type: expected number, found string");
        assertThat(zip).doesNotExist();
    }

    @Test
    void aTamperedFileIsRefusedNamingIt() {
        Path zip = built();
        Map<String, byte[]> entries = ZipEntries.read(zip);
        entries.get(TinyPack.ID + "/" + TinyPack.WEEK_FILE)[3] ^= 1;
        ZipEntries.write(zip, entries);

        CliHarness.Run text = runRaw("pack", "verify", zip.toString());
        CliHarness.Run json = runRaw("pack", "verify", zip.toString(), "--json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(Cli.FAILED);
        assertThat(text.outLines()).containsExactly("refused: " + TinyPack.WEEK_FILE + ": its SHA-256 differs from the manifest's");
        assertThat(json.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(json.json().get("verified").asBoolean()).isFalse();
        assertThat(json.json().get("reason").asText()).isEqualTo(TinyPack.WEEK_FILE + ": its SHA-256 differs from the manifest's");
    }

    @Test
    void anotherKeyIsRefused() {
        Path zip = built();
        runRaw("pack", "sign", zip.toString(), "--key", keys().resolve("pack-signing.key").toString());
        Path other = temp.resolve("other");
        runRaw("pack", "keygen", other.toString());

        CliHarness.Run run = runRaw("pack", "verify", zip.toString(), "--key", other.resolve("pack-signing.pub").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.out()).startsWith("refused: the signature does not match the manifest");
    }

    @Test
    void withoutAKeyJsonSaysWhetherItIsSignedAndTheCarriedKeysFingerprint() {
        Path zip = built();
        JsonNode unsigned = runRaw("pack", "verify", zip.toString(), "--json").json();
        Path keys = keys();
        String fingerprint = runRaw("pack", "sign", zip.toString(), "--key", keys.resolve("pack-signing.key").toString())
                .outLines().get(1).replace("carries the public key ", "");

        CliHarness.Run run = runRaw("pack", "verify", zip.toString(), "--json");

        assertThat(unsigned.get("verified").asBoolean()).isTrue();
        assertThat(unsigned.get("signature").asText()).isEqualTo("unsigned");
        assertThat(unsigned.get("keyFingerprint").isNull()).isTrue();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("signature").asText()).isEqualTo("matches-carried-key");
        assertThat(run.json().get("keyFingerprint").asText()).isEqualTo(fingerprint).hasSize(64);
        assertThat(run.json().get("files").asInt()).isEqualTo(3);
    }

    @Test
    void keygenRefusesToReplaceKeys() {
        Path keys = keys();

        CliHarness.Run again = runRaw("pack", "keygen", keys.toString());

        assertThat(again.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(again.err()).startsWith("No keys written: " + keys.resolve("pack-signing.key") + " already exists");
    }

    @Test
    void missingFilesAndWrongKeysAreUsageErrors() {
        Path zip = built();
        Path keys = keys();

        assertThat(runRaw("pack", "verify", temp.resolve("nope.zip").toString()).exitCode()).isEqualTo(Cli.USAGE);
        assertThat(runRaw("pack", "build", temp.resolve("nope").toString(), "-o", zip.toString()).exitCode())
                .isEqualTo(Cli.USAGE);
        assertThat(runRaw("pack", "build", temp.resolve("tiny").toString()).exitCode()).isEqualTo(Cli.USAGE);
        assertThat(runRaw("pack", "sign", zip.toString()).exitCode()).isEqualTo(Cli.USAGE);
        CliHarness.Run publicAsPrivate = runRaw("pack", "sign", zip.toString(), "--key", keys.resolve("pack-signing.pub").toString());
        assertThat(publicAsPrivate.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(publicAsPrivate.err()).contains("is not a PEM private key");
        CliHarness.Run privateAsPublic = runRaw("pack", "verify", zip.toString(), "--key", keys.resolve("pack-signing.key").toString());
        assertThat(privateAsPublic.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(privateAsPublic.err()).contains("is not a PEM public key");
    }
}
