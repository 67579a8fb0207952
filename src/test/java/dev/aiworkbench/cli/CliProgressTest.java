package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench progress ...} end to end over a temporary data folder. */
class CliProgressTest {
    private final Pack pack = TestPacks.defaultPack();
    private final Week week1 = pack.weekNumber(1).orElseThrow();
    private final String firstTask = week1.tasks().get(0).id();
    private final String secondTask = week1.tasks().get(1).id();

    @TempDir
    Path temp;

    private CliHarness cli(String folder) {
        return new CliHarness(temp.resolve(folder));
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void showOnAFreshFolderStartsThePlanTodayWithNothingDone() {
        CliHarness.Run run = ok(cli("data").run("progress", "show"));

        assertThat(run.out()).startsWith("DevOps to AI Engineer (devops-to-ai 2026.1.0)\n")
                .contains("Now:      week 1 by the calendar, week 1 by your work; on plan")
                .contains("Streak:   0 day(s), longest 0")
                .contains("Overall:  0% (0 done, 0 skipped, 0 in progress, of " + pack.workItems().size() + ")")
                .contains("Next:     " + firstTask + "  " + week1.tasks().get(0).title() + " (week 1)");
        assertThat(temp.resolve("data/workbench.db")).isRegularFile();
    }

    @Test
    void showAsJsonHasThePlanStatusCompletionAndWeeks() {
        JsonNode json = ok(cli("data").run("progress", "show", "--json")).json();

        assertThat(json.at("/pack/id").asText()).isEqualTo("devops-to-ai");
        assertThat(json.at("/plan/startDate").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(json.at("/plan/hoursPerWeek").asDouble()).isEqualTo(12.0);
        assertThat(json.at("/status/calendarWeek").asInt()).isEqualTo(1);
        assertThat(json.at("/status/workWeek").asInt()).isEqualTo(1);
        assertThat(json.at("/status/projectedFinish").isNull()).isTrue();
        assertThat(json.at("/overall/total").asInt()).isEqualTo(pack.workItems().size());
        assertThat(json.get("phases")).hasSize(3);
        assertThat(json.at("/phases/0/modules")).hasSize(3);
        assertThat(json.at("/phases/0/milestone/checklist")).hasSize(pack.phases().get(0).milestone().checklist().size());
        assertThat(json.get("weeks")).hasSize(36);
        assertThat(json.at("/weeks/0/id").asText()).isEqualTo("week-01");
        assertThat(json.at("/weeks/0/start").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(json.at("/weeks/0/tasks/0/state").asText()).isEqualTo("todo");
        assertThat(json.at("/next/id").asText()).isEqualTo(firstTask);
    }

    @Test
    void markChangesWhatShowReports() {
        CliHarness cli = cli("data");

        CliHarness.Run mark = ok(cli.run("progress", "mark", firstTask, "done"));
        assertThat(mark.out()).isEqualTo("Marked " + firstTask + " done.\n");
        assertThat(ok(cli.run("progress", "mark", firstTask, "done")).out())
                .isEqualTo(firstTask + " was already done.\n");

        JsonNode json = ok(cli.run("progress", "show", "--json")).json();
        assertThat(json.at("/weeks/0/tasks/0/state").asText()).isEqualTo("done");
        assertThat(json.at("/weeks/0/completion/done").asInt()).isEqualTo(1);
        assertThat(json.at("/overall/done").asInt()).isEqualTo(1);
        assertThat(json.at("/next/id").asText()).isEqualTo(secondTask);
        assertThat(json.at("/streak/current").asInt()).isEqualTo(1);
        assertThat(ok(cli.run("progress", "show")).out()).contains("Next:     " + secondTask);
    }

    @Test
    void markingAWeekSaysHowManyItemsChanged() {
        CliHarness cli = cli("data");
        ok(cli.run("progress", "mark", firstTask, "done"));

        CliHarness.Run run = ok(cli.run("progress", "mark", "week-01", "done"));

        int total = week1.tasks().size();
        assertThat(run.out()).isEqualTo("Marked " + (total - 1) + " of the " + total
                + " items in week-01 done (the others already were).\n");
        assertThat(ok(cli.run("progress", "mark", "week-01", "in-progress")).out())
                .isEqualTo("Marked " + total + " of the " + total + " items in week-01 in-progress.\n");
    }

    @Test
    void aBrokenPackStillShowsWhatCouldBeReadWithANote() {
        Path broken = PackFiles.copyDefaultPack(temp.resolve("broken-pack"));
        PackFiles.replaceLine(broken.resolve(PackFiles.weekFile(3)), "hours:", "hours: plenty");

        CliHarness.Run run = ok(cli("data").run("--pack", broken.toString(), "progress", "show", "--json"));

        assertThat(run.err()).isEqualTo("Note: the pack from " + broken + " has 1 problem(s); run `workbench pack "
                + "validate` on it to see them.\n");
        assertThat(run.json().get("weeks")).hasSize(36);
        assertThat(run.json().at("/weeks/2/id").asText()).isEqualTo("week-03");
    }

    @Test
    void aStateThatDoesNotExistIsAUsageError() {
        CliHarness.Run run = cli("data").run("progress", "mark", firstTask, "finished");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("'finished' is not a state; use todo, in-progress, done or skipped\n");
    }

    @Test
    void anUnknownIdFailsWithASuggestion() {
        CliHarness cli = cli("data");
        String typo = firstTask.replace("project", "projct");

        CliHarness.Run run = cli.run("progress", "mark", typo, "done");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("'" + typo + "' is not an item of the pack 'devops-to-ai'. Did you mean "
                + firstTask + "?\n");
        assertThat(ok(cli.run("progress", "show", "--json")).json().at("/overall/done").asInt()).isZero();
    }

    @Test
    void exportImportRoundTripsThroughFiles() throws Exception {
        CliHarness first = cli("first");
        ok(first.run("plan", "set", "--start", "2025-01-06", "--hours", "10"));
        ok(first.run("progress", "mark", "week-01", "done"));
        ok(first.run("progress", "mark", secondTask, "skipped"));
        Path exported = temp.resolve("progress.json");

        CliHarness.Run export = ok(first.run("progress", "export", exported.toString()));
        assertThat(export.out()).startsWith("Exported " + week1.tasks().size() + " item states, ");

        CliHarness second = cli("second");
        CliHarness.Run imported = ok(second.run("progress", "import", exported.toString()));
        assertThat(imported.out()).startsWith("Imported " + week1.tasks().size() + " item states, ")
                .endsWith(" into devops-to-ai.\n");
        Path again = temp.resolve("again.json");
        ok(second.run("progress", "export", again.toString()));

        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(exported));
        assertThat(ok(second.run("progress", "show", "--json")).json().at("/plan/startDate").asText())
                .isEqualTo("2025-01-06");
    }

    @Test
    void anImportThatDoesNotFitIsRefusedWithTheReasonAndExitOne() throws Exception {
        CliHarness cli = cli("data");
        ok(cli.run("progress", "mark", firstTask, "done"));
        Path exported = temp.resolve("progress.json");
        ok(cli.run("progress", "export", exported.toString()));
        ObjectMapper json = new ObjectMapper();
        ObjectNode archive = (ObjectNode) json.readTree(exported.toFile());
        ((ObjectNode) archive.get("pack")).put("id", "another-pack");
        Path other = temp.resolve("other.json");
        json.writeValue(other.toFile(), archive);

        CliHarness.Run otherPack = cli("fresh").run("progress", "import", other.toString());
        assertThat(otherPack.exitCode()).isEqualTo(1);
        assertThat(otherPack.err()).contains("This export holds progress for the pack 'another-pack', but the installed "
                + "pack is 'devops-to-ai'.");

        CliHarness.Run existing = cli.run("progress", "import", exported.toString());
        assertThat(existing.exitCode()).isEqualTo(1);
        assertThat(existing.err()).contains("already has progress for 'devops-to-ai'").contains("--replace");

        ok(cli.run("progress", "import", exported.toString(), "--replace"));
    }
}
