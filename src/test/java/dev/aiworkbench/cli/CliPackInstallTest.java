package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.Logging;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyPack;
import dev.aiworkbench.testing.ZipEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.aiworkbench.cli.CliHarness.runRaw;
import static dev.aiworkbench.testing.FolderTree.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench pack install | list | use | remove}: packs installed in the data folder, one of them active. */
class CliPackInstallTest {
    private static final Path SECOND_PACK = Path.of("curriculum", "llm-evals-in-practice");
    private static final String SECOND_ID = "llm-evals-in-practice";

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private CliHarness cli() {
        return new CliHarness(data());
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Path signedTinyZip() {
        Path zip = temp.resolve("dist/tiny.zip");
        ok(runRaw("pack", "build", TinyPack.write(temp.resolve("tiny")).toString(), "-o", zip.toString()));
        ok(runRaw("pack", "keygen", temp.resolve("keys").toString()));
        ok(runRaw("pack", "sign", zip.toString(), "--key", temp.resolve("keys/pack-signing.key").toString()));
        return zip;
    }

    @Test
    void installAFolderThenSwitchToItAndBack() {
        CliHarness cli = cli();

        CliHarness.Run install = ok(cli.run("pack", "install", SECOND_PACK.toString(), "--yes"));
        JsonNode listed = ok(cli.run("pack", "list", "--json")).json();
        CliHarness.Run listedText = ok(cli.run("pack", "list"));
        CliHarness.Run use = ok(cli.run("pack", "use", SECOND_ID));
        JsonNode second = ok(cli.run("progress", "show", "--json")).json();
        JsonNode activeListed = ok(cli.run("pack", "list", "--json")).json();
        JsonNode overridden = ok(cli.run("--pack", "curriculum/devops-to-ai", "progress", "show", "--json")).json();
        ok(cli.run("pack", "use", "devops-to-ai"));
        JsonNode standard = ok(cli.run("progress", "show", "--json")).json();

        assertThat(install.out()).isEqualTo("installed " + SECOND_ID + " 1.0.0 (unsigned: anyone could have changed it);"
                + " make it the active pack with `workbench pack use " + SECOND_ID + "`\n");
        assertThat(data().resolve("packs/" + SECOND_ID + "/1.0.0/pack.yaml")).exists();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("id").asText()).isEqualTo("devops-to-ai");
        assertThat(listed.get(0).get("active").asBoolean()).isTrue();
        assertThat(listed.get(0).get("source").asText()).isEqualTo("built-in");
        assertThat(listed.get(1).get("id").asText()).isEqualTo(SECOND_ID);
        assertThat(listed.get(1).get("version").asText()).isEqualTo("1.0.0");
        assertThat(listed.get(1).get("active").asBoolean()).isFalse();
        assertThat(listed.get(1).get("source").asText()).isEqualTo(SECOND_PACK + " (unsigned)");
        assertThat(listedText.outLines()).hasSize(2);
        assertThat(listedText.outLines().get(0)).startsWith("* devops-to-ai ").endsWith(" from built-in");
        assertThat(listedText.outLines().get(1)).startsWith("  " + SECOND_ID + " 1.0.0  ")
                .endsWith(" from " + SECOND_PACK + " (unsigned)");
        assertThat(use.out()).startsWith(SECOND_ID + " is the active pack;");
        assertThat(second.at("/pack/id").asText()).isEqualTo(SECOND_ID);
        assertThat(second.get("weeks")).hasSize(4);
        assertThat(activeListed.get(0).get("active").asBoolean()).isFalse();
        assertThat(overridden.get("weeks")).as("--pack overrides the active pack").hasSize(36);
        assertThat(activeListed.get(1).get("active").asBoolean()).isTrue();
        assertThat(standard.at("/pack/id").asText()).isEqualTo("devops-to-ai");
        assertThat(standard.get("weeks")).hasSize(36);
    }

    @Test
    void removingAPackKeepsItsProgressForWhenItIsInstalledAgain() {
        CliHarness cli = cli();
        ok(cli.run("pack", "install", SECOND_PACK.toString(), "--yes"));
        ok(cli.run("pack", "use", SECOND_ID));
        ok(cli.run("progress", "mark", "w01-failure-inventory", "done"));

        CliHarness.Run remove = ok(cli.run("pack", "remove", SECOND_ID, "--yes"));
        boolean filesGone = Files.notExists(data().resolve("packs/" + SECOND_ID));
        JsonNode fallback = ok(cli.run("progress", "show", "--json")).json();
        ok(cli.run("pack", "install", SECOND_PACK.toString(), "--yes"));
        ok(cli.run("pack", "use", SECOND_ID));
        JsonNode again = ok(cli.run("progress", "show", "--json")).json();

        assertThat(remove.outLines()).containsExactly(
                "removed " + SECOND_ID + ". Your progress on it is kept: install it again to pick up where you left off.",
                "It was the active pack; the built-in pack devops-to-ai is active now.");
        assertThat(filesGone).isTrue();
        assertThat(fallback.at("/pack/id").asText()).isEqualTo("devops-to-ai");
        assertThat(again.at("/pack/id").asText()).isEqualTo(SECOND_ID);
        assertThat(again.at("/overall/done").asInt()).isEqualTo(1);
    }

    @Test
    void aZipSignedByATrustedKeyInstallsWithoutAskingAndIsWalkedOnceActive() {
        Path zip = temp.resolve("evals.zip");
        ok(runRaw("pack", "build", SECOND_PACK.toString(), "-o", zip.toString()));
        ok(runRaw("pack", "keygen", temp.resolve("keys").toString()));
        ok(runRaw("pack", "sign", zip.toString(), "--key", temp.resolve("keys/pack-signing.key").toString()));
        CliHarness cli = cli();
        ok(cli.run("pack", "trust", temp.resolve("keys/pack-signing.pub").toString()));

        CliHarness.Run install = ok(cli.run("pack", "install", zip.toString(), "--json"));
        ok(cli.run("pack", "use", SECOND_ID));
        JsonNode progress = ok(cli.run("progress", "show", "--json")).json();

        assertThat(install.err()).as("nothing is asked").isEmpty();
        assertThat(install.json().get("status").asText()).isEqualTo("installed");
        assertThat(install.json().get("signature").asText()).isEqualTo("trusted-key");
        assertThat(install.json().get("keyTrusted").asBoolean()).isTrue();
        assertThat(install.json().get("keyFingerprint").asText()).hasSize(64);
        assertThat(data().resolve("packs/" + SECOND_ID + "/1.0.0/weeks")).isDirectory();
        assertThat(progress.at("/pack/id").asText()).isEqualTo(SECOND_ID);
        assertThat(progress.get("weeks")).hasSize(4);
    }

    @Test
    void aTamperedSignedZipIsRefusedNamingTheFileAndNothingIsWritten() {
        Path zip = signedTinyZip();
        Map<String, byte[]> entries = ZipEntries.read(zip);
        String manifest = TinyPack.ID + "/pack.yaml";
        entries.put(manifest, new String(entries.get(manifest), StandardCharsets.UTF_8)
                .replace("One week", "Two week").getBytes(StandardCharsets.UTF_8));
        ZipEntries.write(zip, entries);

        CliHarness.Run run = cli().run("pack", "install", zip.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).startsWith("Not installed: pack.yaml: its SHA-256 differs from the manifest's");
        assertThat(data()).doesNotExist();
    }

    @Test
    void aPackWithErrorsIsRefusedAndTheDataFolderIsByteForByteAsBefore() {
        CliHarness cli = cli();
        ok(cli.run("pack", "install", SECOND_PACK.toString(), "--yes"));
        ok(cli.run("pack", "use", SECOND_ID));
        ok(cli.run("progress", "mark", "w01-failure-inventory", "done"));
        Path broken = TinyPack.write(temp.resolve("tiny"));
        PackFiles.replaceLine(broken.resolve(TinyPack.WEEK_FILE), "hours: 3", "hours: lots");
        // The earlier verbs, run in this JVM, pointed the log into the data folder; a new process would not.
        Logging.toFolder(temp.resolve("elsewhere/logs"));
        List<String> before = snapshot(data());

        CliHarness.Run run = cli.run("pack", "install", broken.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.err().lines()).containsExactly(
                "Not installed: the pack has 1 error(s); ask its author for a fixed version, or fix them and run"
                        + " `workbench pack validate` on it.",
                PackFiles.at(broken, TinyPack.WEEK_FILE, "hours: |lots") + ": hours: wrong type: expected number, found string");
        assertThat(snapshot(data())).isEqualTo(before).isNotEmpty();
    }

    @Test
    void aPackHoldingALinkIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        Files.createSymbolicLink(folder.resolve("notes.txt"), folder.resolve("pack.yaml"));

        CliHarness.Run run = cli().run("pack", "install", folder.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).isEqualTo("Not installed: notes.txt is a symbolic link; packs may not contain links.\n");
        assertThat(data()).doesNotExist();
    }

    @Test
    void anUnsignedPackNeedsYesWhenNoOneCanBeAskedAndAnAnswerOtherwise() {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        CliHarness cli = cli();

        CliHarness.Run unattended = cli.run("pack", "install", folder.toString());
        CliHarness.Run declined = cli.runTyping("n\n", "pack", "install", folder.toString());
        List<String> afterRefusals = snapshot(data());
        CliHarness.Run accepted = cli.runTyping("y\n", "pack", "install", folder.toString());

        assertThat(unattended.exitCode()).as(unattended.toString()).isEqualTo(Cli.USAGE);
        assertThat(unattended.err()).contains("tiny-pack 1.2.0 is unsigned: anyone could have changed it; run again"
                + " with --yes to install it anyway.");
        assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(Cli.FAILED);
        assertThat(declined.err()).contains("Not installed: you declined.");
        assertThat(afterRefusals).isEmpty();
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.out()).contains("Install it? [y/n] ").contains("installed tiny-pack 1.2.0");
        assertThat(data().resolve("packs/tiny-pack/1.2.0/pack.yaml")).exists();
    }

    @Test
    void dryRunSaysWhatWouldHappenAndWritesNothing() {
        Path zip = signedTinyZip();
        CliHarness cli = cli();

        CliHarness.Run text = cli.run("pack", "install", zip.toString(), "--dry-run");
        CliHarness.Run json = cli.run("pack", "install", zip.toString(), "--dry-run", "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("would install tiny-pack 1.2.0 (signed by a key you have not trusted, ")
                .endsWith("; nothing was written\n");
        assertThat(json.json().get("status").asText()).isEqualTo("would-install");
        assertThat(data()).doesNotExist();
    }

    @Test
    void theSameVersionTwiceChangesNothingAndANewVersionIsInstalledBesideAndUsed() {
        Path folder = TinyPack.write(temp.resolve("tiny"));
        CliHarness cli = cli();
        ok(cli.run("pack", "install", folder.toString(), "--yes"));
        List<String> installedOnce = snapshot(data());

        CliHarness.Run again = ok(cli.run("pack", "install", folder.toString(), "--yes"));
        List<String> afterAgain = snapshot(data());
        PackFiles.replaceLine(folder.resolve("pack.yaml"), "version: 1.2.0", "version: 1.3.0");
        CliHarness.Run newer = ok(cli.run("pack", "install", folder.toString(), "--yes"));
        JsonNode listed = ok(cli.run("pack", "list", "--json")).json();

        assertThat(again.out()).isEqualTo("tiny-pack 1.2.0 is already installed; nothing changed\n");
        assertThat(afterAgain).isEqualTo(installedOnce);
        assertThat(newer.out()).startsWith("Changes from tiny-pack 1.2.0 to 1.3.0:\n"
                + "  none in weeks, tasks, checklists, labs or assessments\n").contains("\ninstalled tiny-pack 1.3.0");
        assertThat(data().resolve("packs/tiny-pack/1.2.0/pack.yaml")).exists();
        assertThat(data().resolve("packs/tiny-pack/1.3.0/pack.yaml")).exists();
        assertThat(listed.get(1).get("version").asText()).isEqualTo("1.3.0");
        assertThat(listed.get(1).get("versions")).hasSize(2);
    }

    @Test
    void unknownIdsAndTheBuiltInPackAreUsageErrors() {
        CliHarness cli = cli();
        ok(cli.run("pack", "install", SECOND_PACK.toString(), "--yes"));

        CliHarness.Run use = cli.run("pack", "use", "llm-evals-in-practise");
        CliHarness.Run removeBuiltIn = cli.run("pack", "remove", "devops-to-ai", "--yes");
        CliHarness.Run removeUnknown = cli.run("pack", "remove", "nothing-here", "--yes");

        assertThat(use.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(use.err()).contains("No pack 'llm-evals-in-practise' is installed. Did you mean " + SECOND_ID + "?"
                + " Installed: " + SECOND_ID + "; built-in: devops-to-ai.");
        assertThat(removeBuiltIn.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(removeBuiltIn.err()).contains("The built-in pack devops-to-ai is part of the app and cannot be removed");
        assertThat(removeUnknown.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(data().resolve("packs/active")).doesNotExist();
    }

    @Test
    void anActivePackWhoseFolderIsGoneFallsBackToTheBuiltInPack() throws IOException {
        CliHarness cli = cli();
        ok(cli.run("pack", "install", SECOND_PACK.toString(), "--yes"));
        ok(cli.run("pack", "use", SECOND_ID));
        try (Stream<Path> files = Files.walk(data().resolve("packs/" + SECOND_ID))) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }

        CliHarness.Run run = ok(cli.run("progress", "show", "--json"));

        assertThat(run.json().at("/pack/id").asText()).isEqualTo("devops-to-ai");
        assertThat(run.json().get("weeks")).hasSize(36);
        assertThat(run.err()).startsWith("Note: the active pack '" + SECOND_ID + "' is no longer installed");
    }
}
