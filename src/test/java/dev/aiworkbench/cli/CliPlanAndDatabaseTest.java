package dev.aiworkbench.cli;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --version}, {@code plan set|show} and {@code database set-aside}. */
class CliPlanAndDatabaseTest {
    @TempDir
    Path temp;

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data"));
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void versionNamesTheApp() {
        CliHarness.Run run = CliHarness.runRaw("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("AI Engineer Workbench " + AppInfo.version() + "\n");
        assertThat(AppInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void everyVerbAndSubVerbExplainsItselfWithHelp() {
        CliHarness.Run verb = CliHarness.runRaw("assess", "--help");
        CliHarness.Run subVerb = CliHarness.runRaw("progress", "show", "--help");

        assertThat(verb.exitCode()).as(verb.toString()).isZero();
        assertThat(verb.out()).startsWith("Usage: workbench assess ").contains("take", "report", "review");
        assertThat(subVerb.exitCode()).as(subVerb.toString()).isZero();
        assertThat(subVerb.out()).startsWith("Usage: workbench progress show ").contains("--json");
    }

    @Test
    void planSetDatesTheWeeksAndPlanShowListsThem() {
        CliHarness cli = cli();

        CliHarness.Run set = ok(cli.run("plan", "set", "--start", "2025-01-06", "--hours", "6"));
        // 432 planned hours at 6 h a week are 72 weeks: 504 days from 2025-01-06.
        assertThat(set.out()).isEqualTo("Plan: start 2025-01-06, 6.0 h/week, planned finish 2026-05-28.\n");

        CliHarness.Run show = ok(cli.run("plan", "show"));
        Week week1 = TestPacks.defaultPack().weekNumber(1).orElseThrow();
        assertThat(show.outLines().get(0)).isEqualTo("Start 2025-01-06, 6.0 h/week, planned finish 2026-05-28");
        assertThat(show.outLines()).contains(String.format("  week  1  2025-01-06 to 2025-01-19  %4.1f h    0%%  %s",
                week1.hours(), week1.title()));
        assertThat(show.outLines()).hasSize(2 + 36);

        ok(cli.run("plan", "set", "--hours", "12"));
        assertThat(ok(cli.run("plan", "show")).outLines().get(0)).startsWith("Start 2025-01-06, 12.0 h/week");
    }

    @Test
    void planSetRefusesBadInputAsUsageErrors() {
        CliHarness cli = cli();

        CliHarness.Run nothing = cli.run("plan", "set");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).isEqualTo("Give --start, --hours or both.\n");

        CliHarness.Run badDate = cli.run("plan", "set", "--start", "2025-13-01");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).isEqualTo("'2025-13-01' is not a date; write it as yyyy-mm-dd\n");

        CliHarness.Run badHours = cli.run("plan", "set", "--hours", "0");
        assertThat(badHours.exitCode()).isEqualTo(2);
        assertThat(badHours.err()).isEqualTo("hours per week must be more than 0 and at most 100, not 0.0\n");
    }

    @Test
    void aCorruptDatabaseIsExplainedAndSetAsideOnRequest() throws Exception {
        CliHarness cli = cli();
        Path database = temp.resolve("data/workbench.db");
        Files.createDirectories(database.getParent());
        Files.writeString(database, "not sqlite at all ".repeat(300));

        CliHarness.Run broken = cli.run("progress", "show");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("is not a readable SQLite database")
                .contains("Run `workbench database set-aside` to keep the old file and start with a new one.");

        CliHarness.Run setAside = ok(cli.run("database", "set-aside"));
        assertThat(setAside.out()).startsWith("Kept the old database as " + database + ".set-aside-")
                .endsWith(". The next start creates a fresh one.\n");
        Path kept = Path.of(setAside.out().substring("Kept the old database as ".length(),
                setAside.out().indexOf(". The next start")));
        assertThat(kept).content().startsWith("not sqlite at all");
        assertThat(database).doesNotExist();

        ok(cli.run("progress", "show"));
        assertThat(database).isRegularFile();
    }

    @Test
    void settingAsideWithoutADatabaseSaysSo() {
        CliHarness.Run run = ok(cli().run("database", "set-aside"));

        assertThat(run.out()).isEqualTo("There is no database at " + temp.resolve("data/workbench.db")
                + "; nothing to set aside.\n");
    }
}
