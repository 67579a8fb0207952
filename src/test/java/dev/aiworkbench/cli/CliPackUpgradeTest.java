package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing a newer version of an installed pack: a change report first, progress moved to items that replace
 * old ids, archived for removed ids (and restored when they come back), and a backup before anything changes.
 */
class CliPackUpgradeTest {
    private static final String ID = "llm-evals-in-practice";
    private static final String WEEK_ONE = "weeks/01-golden-datasets-and-assertions.md";

    @TempDir
    Path temp;

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data"));
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Path copyOfSecondPack(String folder, String version) {
        return PackFiles.secondPackAt(temp.resolve(folder), version);
    }

    /** Version 2: w01-golden-set is now w01-golden-dataset (it says so), and w01-dataset-policy is gone. */
    private Path version2() {
        Path pack = PackFiles.secondPackRenamingGoldenSet(temp.resolve("v2"), "2.0.0");
        Path week = pack.resolve(WEEK_ONE);
        String text = PackFiles.read(week);
        int start = text.indexOf("  - id: w01-dataset-policy");
        int end = text.indexOf("\nresources:", start);
        PackFiles.write(week, text.substring(0, start) + text.substring(end + 1));
        return pack;
    }

    private String dump() {
        try (Database database = Database.open(temp.resolve("data/workbench.db"))) {
            return DatabaseDump.of(database);
        }
    }

    private String state(String item) {
        JsonNode show = ok(cli().run("progress", "show", "--json")).json();
        for (JsonNode week : show.path("weeks")) {
            for (JsonNode task : week.path("tasks")) {
                if (task.path("id").asText().equals(item)) {
                    return task.path("state").asText();
                }
            }
        }
        return "absent";
    }

    @Test
    void aNewVersionShowsItsChangesThenMovesAndArchivesProgressAfterABackupAndALaterVersionRestoresIt() {
        ok(cli().run("pack", "install", copyOfSecondPack("v1", "1.0.0").toString(), "--yes"));
        ok(cli().run("pack", "use", ID));
        ok(cli().run("progress", "mark", "w01-golden-set", "done"));
        ok(cli().run("progress", "mark", "w01-dataset-policy", "in-progress"));
        ok(cli().run("progress", "mark", "w01-assertions", "done"));
        Path v2 = version2();
        String before = dump();

        CliHarness.Run dryRun = ok(cli().run("pack", "install", v2.toString(), "--dry-run"));

        assertThat(dryRun.out()).contains("Changes from " + ID + " 1.0.0 to 2.0.0:")
                .contains("> w01-golden-set").contains("(replaced by w01-golden-dataset)")
                .contains("- w01-dataset-policy").doesNotContain("+ w01-golden-dataset")
                .contains("moves w01-golden-set -> w01-golden-dataset")
                .contains("archives w01-dataset-policy")
                .contains("nothing was written");
        assertThat(dump()).as("a dry run changes no progress").isEqualTo(before);

        CliHarness.Run upgrade = ok(cli().run("pack", "install", v2.toString(), "--yes"));

        assertThat(upgrade.err()).contains("Backed up your progress first: ").contains("before-upgrade");
        assertThat(state("w01-golden-dataset")).isEqualTo("done");
        assertThat(state("w01-assertions")).isEqualTo("done");
        assertThat(state("w01-dataset-policy")).isEqualTo("absent");
        assertThat(ok(cli().run("database", "backups")).out()).contains("before-upgrade");
        assertThat(ok(cli().run("progress", "archived")).out()).contains("w01-dataset-policy").contains("from 1.0.0");

        CliHarness.Run back = ok(cli().run("pack", "install", copyOfSecondPack("v3", "3.0.0").toString(), "--yes",
                "--json"));

        JsonNode report = back.json();
        assertThat(report.path("progress").path("restored").get(0).path("id").asText()).isEqualTo("w01-dataset-policy");
        assertThat(state("w01-dataset-policy")).isEqualTo("in-progress");
        JsonNode archived = ok(cli().run("progress", "archived", "--json")).json();
        assertThat(archived).as("version 3 went back to w01-golden-set without saying it replaces the newer id")
                .hasSize(1);
        assertThat(archived.get(0).path("id").asText()).isEqualTo("w01-golden-dataset");
        assertThat(archived.get(0).path("packVersion").asText()).isEqualTo("2.0.0");
    }

    @Test
    void removingAPackKeepsItsProgressUnlessTheLearnerAsksToForgetItAfterABackup() {
        Path v1 = copyOfSecondPack("v1", "1.0.0");
        ok(cli().run("pack", "install", v1.toString(), "--yes"));
        ok(cli().run("pack", "use", ID));
        ok(cli().run("progress", "mark", "w01-assertions", "done"));

        ok(cli().run("pack", "remove", ID, "--yes"));
        ok(cli().run("pack", "install", v1.toString(), "--yes"));
        ok(cli().run("pack", "use", ID));
        assertThat(state("w01-assertions")).isEqualTo("done");

        CliHarness.Run declined = cli().runTyping("n\n", "pack", "remove", ID, "--forget-progress");
        assertThat(declined.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(declined.out()).contains("delete all your progress on it");
        assertThat(state("w01-assertions")).isEqualTo("done");

        CliHarness.Run forgot = ok(cli().run("pack", "remove", ID, "--forget-progress", "--yes"));
        assertThat(forgot.out()).contains("deleted your progress on ").contains("before-forget");
        ok(cli().run("pack", "install", v1.toString(), "--yes"));
        ok(cli().run("pack", "use", ID));
        assertThat(state("w01-assertions")).isEqualTo("todo");
    }
}
