package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.store.Backup;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.SettingsStore;
import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code database backups} and {@code database restore}. */
class CliDatabaseBackupTest {
    @TempDir
    Path temp;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00:00");
    private Path data;
    private Path database;
    private CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createDirectories(temp.resolve("data"));
        database = data.resolve("workbench.db");
        cli = new CliHarness(data, clock);
    }

    /** Writes a setting, backs up, then changes it; returns the dump at the backup's time. */
    private String backUpThenChange(Backup[] made) {
        try (Database open = Database.open(database)) {
            Backups backups = new Backups(open, new BackupFolder(data.resolve("backups")), clock);
            new SettingsStore(open).put("ui.theme", "dark");
            made[0] = backups.backup(Backups.BEFORE_IMPORT);
            clock.advance(Duration.ofDays(1));
            backups.backup(Backups.DAILY);
            String atBackup = DatabaseDump.of(open);
            new SettingsStore(open).put("ui.theme", "light");
            return atBackup;
        }
    }

    private String dumpNow() {
        try (Database open = Database.open(database)) {
            return DatabaseDump.of(open);
        }
    }

    @Test
    void backups_lists_them_newest_first_as_json_and_as_text() throws Exception {
        backUpThenChange(new Backup[1]);

        JsonNode list = cli.run("database", "backups", "--json").json();

        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("file").asText()).isEqualTo(data.resolve("backups/workbench-20260303-090000-daily.db")
                .toString());
        assertThat(list.get(0).get("time").asText()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(list.get(0).get("reason").asText()).isEqualTo("daily");
        assertThat(list.get(0).get("bytes").asLong()).isEqualTo(Files.size(Path.of(list.get(0).get("file").asText())));
        assertThat(list.get(1).get("reason").asText()).isEqualTo("before-import");
        CliHarness.Run text = cli.run("database", "backups");
        assertThat(text.exitCode()).isZero();
        assertThat(text.outLines().get(0)).startsWith("2026-03-03T09:00:00Z  daily  ");
    }

    @Test
    void restore_asks_first_and_a_no_changes_nothing() {
        Backup[] made = new Backup[1];
        backUpThenChange(made);
        String current = dumpNow();

        CliHarness.Run declined = cli.runTyping("n\n", "database", "restore", made[0].file().toString());

        assertThat(declined.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(declined.out()).contains("The current file is set aside first. [y/N] ").endsWith("Nothing changed.\n");
        assertThat(dumpNow()).isEqualTo(current);
    }

    @Test
    void restore_by_name_sets_the_current_file_aside_and_puts_the_backup_in_place() {
        Backup[] made = new Backup[1];
        String atBackup = backUpThenChange(made);
        String current = dumpNow();

        CliHarness.Run run = cli.runTyping("y\n", "database", "restore", made[0].file().getFileName().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String keptLine = run.outLines().stream().filter(l -> l.contains("Set the current database aside as"))
                .findFirst().orElseThrow();
        Path kept = Path.of(keptLine.substring(keptLine.indexOf(" as ") + 4, keptLine.length() - 1));
        assertThat(run.out()).contains("Restored " + made[0].file() + " into " + database + ". The next start uses it.");
        assertThat(dumpNow()).isEqualTo(atBackup);
        try (Database old = Database.open(kept)) {
            assertThat(DatabaseDump.of(old)).isEqualTo(current);
        }
    }

    @Test
    void restore_of_a_missing_or_foreign_file_exits_2_with_the_reason_and_changes_nothing() throws Exception {
        backUpThenChange(new Backup[1]);
        byte[] before = Files.readAllBytes(database);
        Path text = Files.writeString(temp.resolve("notes.db"), "just text");

        CliHarness.Run foreign = cli.runTyping("y\n", "database", "restore", text.toString());
        CliHarness.Run missing = cli.run("database", "restore", temp.resolve("nowhere.db").toString(), "--yes");

        assertThat(foreign.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(foreign.err()).contains("Cannot restore " + text + ": it is not a readable SQLite database.");
        assertThat(foreign.out()).doesNotContain("[y/N]");
        assertThat(missing.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("it does not exist or is not a file");
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
    }
}
