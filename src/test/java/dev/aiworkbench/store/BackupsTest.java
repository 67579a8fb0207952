package dev.aiworkbench.store;

import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups of the open database and their restore: exact copies, seven kept, foreign files refused. */
class BackupsTest {
    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:15:30");
    private Path file;
    private Database database;
    private BackupFolder folder;
    private Backups backups;

    @BeforeEach
    void open() {
        file = data.resolve("workbench.db");
        database = Database.open(file);
        folder = new BackupFolder(data.resolve("backups"));
        backups = new Backups(database, folder, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_backup_is_named_by_its_utc_time_and_reason_and_listed_with_its_size() throws Exception {
        Backup made = backups.backup(Backups.MANUAL);

        assertThat(made.file()).isEqualTo(data.resolve("backups/workbench-20260302-091530-manual.db"));
        assertThat(made.time()).isEqualTo(Instant.parse("2026-03-02T09:15:30Z"));
        assertThat(made.size()).isEqualTo(Files.size(made.file())).isPositive();
        assertThat(backups.list()).containsExactly(made);
    }

    @Test
    void a_restored_backup_holds_exactly_the_data_of_its_time_and_the_newer_file_is_set_aside() throws Exception {
        SettingsStore settings = new SettingsStore(database);
        settings.put("ui.theme", "dark");
        settings.put("ollama.url", "http://127.0.0.1:11434");
        String atBackup = DatabaseDump.of(database);
        Backup backup = backups.backup(Backups.MANUAL);
        settings.put("ui.theme", "light");
        String later = DatabaseDump.of(database);
        database.close();

        Optional<Path> setAside = DatabaseRestore.restore(file, backup.file(), clock);

        database = Database.open(file);
        assertThat(DatabaseDump.of(database)).isEqualTo(atBackup).isNotEqualTo(later);
        assertThat(setAside).isPresent();
        try (Database kept = Database.open(setAside.get())) {
            assertThat(DatabaseDump.of(kept)).isEqualTo(later);
        }
        assertThat(backup.file()).exists();
    }

    @Test
    void the_newest_seven_are_kept_and_other_files_in_the_folder_are_left_alone() throws Exception {
        Files.createDirectories(folder.path());
        Path notes = Files.writeString(folder.path().resolve("notes.txt"), "mine");
        Path lookalike = Files.writeString(folder.path().resolve("workbench-old-copy.db"), "mine too");
        List<Backup> made = Stream.generate(() -> {
            Backup backup = backups.backup(Backups.DAILY);
            clock.advance(Duration.ofHours(1));
            return backup;
        }).limit(9).toList();

        assertThat(backups.list()).containsExactlyElementsOf(made.reversed().subList(0, Backups.KEEP));
        assertThat(made.get(0).file()).doesNotExist();
        assertThat(made.get(1).file()).doesNotExist();
        assertThat(notes).hasContent("mine");
        assertThat(lookalike).hasContent("mine too");
    }

    @Test
    void a_daily_backup_is_made_only_when_the_newest_is_older_than_a_day() {
        assertThat(backups.backupIfOlderThan(Duration.ofDays(1))).isPresent();
        clock.advance(Duration.ofHours(23));
        assertThat(backups.backupIfOlderThan(Duration.ofDays(1))).isEmpty();
        clock.advance(Duration.ofHours(2));

        assertThat(backups.backupIfOlderThan(Duration.ofDays(1))).get()
                .extracting(Backup::reason).isEqualTo(Backups.DAILY);
        assertThat(backups.list()).hasSize(2);
    }

    @Test
    void a_file_that_is_not_sqlite_is_refused_and_nothing_changes() throws Exception {
        new SettingsStore(database).put("ui.theme", "dark");
        database.close();
        byte[] before = Files.readAllBytes(file);
        Path text = Files.writeString(data.resolve("workbench-20260301-000000-daily.db"), "not a database at all");

        assertThatThrownBy(() -> DatabaseRestore.restore(file, text, clock))
                .isInstanceOf(BackupException.class)
                .hasMessage("Cannot restore " + text + ": it is not a readable SQLite database. Choose one of the files "
                        + "that `workbench database backups` lists.");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains("set-aside") || name.contains("restoring"));
        }
        database = Database.open(file);
    }

    @Test
    void an_sqlite_file_of_another_app_and_a_missing_file_are_refused_with_the_reason() throws Exception {
        Path foreign = data.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }

        assertThatThrownBy(() -> DatabaseRestore.check(foreign)).isInstanceOf(BackupException.class)
                .hasMessageContaining("it is an SQLite database, but not one of AI Engineer Workbench's");
        assertThatThrownBy(() -> DatabaseRestore.check(data.resolve("gone.db"))).isInstanceOf(BackupException.class)
                .hasMessageContaining("it does not exist or is not a file");
    }
}
