package dev.aiworkbench.store;

import dev.aiworkbench.testing.DatabaseDump;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The SQLite file on disk: schema, pragmas, damaged and newer files, setting aside, transactions. */
class DatabaseTest {
    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("workbench.db");
    }

    private static String query(Database database, String sql) {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    private static List<String> tables(Database database) {
        return database.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        });
    }

    private static void putSetting(java.sql.Connection c, String key, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?)")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    @Test
    void aNewFileGetsTheSchemaWithWalAndForeignKeys() {
        try (Database database = Database.open(file())) {
            assertThat(tables(database)).contains("flyway_schema_history", "item_state", "progress_event", "week_note",
                    "time_entry", "plan", "setting");
            assertThat(query(database, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
            assertThat(query(database, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(query(database, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(database.file()).isEqualTo(file());
        }
        assertThat(file()).isRegularFile();
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() {
        try (Database database = Database.open(file())) {
            new SettingsStore(database).put("theme", "dark");
        }
        try (Database database = Database.open(file())) {
            assertThat(new SettingsStore(database).get("theme")).contains("dark");
            assertThat(query(database, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
        }
    }

    @Test
    void settingsAreReplacedNotDuplicated() {
        try (Database database = Database.open(file())) {
            SettingsStore settings = new SettingsStore(database);
            assertThat(settings.get("theme")).isEmpty();
            settings.put("theme", "light");
            settings.put("theme", "dark");
            assertThat(settings.get("theme")).contains("dark");
            assertThat(query(database, "SELECT COUNT(*) FROM setting")).isEqualTo("1");
        }
    }

    @Test
    void aFileOfRandomBytesIsReportedCorruptAndLeftAsItWas() throws IOException {
        byte[] noise = new byte[16 * 1024];
        new Random(42).nextBytes(noise);
        Files.write(file(), noise);

        assertThatThrownBy(() -> Database.open(file())).isInstanceOfSatisfying(DatabaseException.class, e -> {
            assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
            assertThat(e.canStartFresh()).isTrue();
            assertThat(e.file()).isEqualTo(file());
            assertThat(e.getMessage()).startsWith("The progress database " + file() + " is not a readable SQLite database")
                    .contains("Keep it aside and start fresh");
        });
        assertThat(Files.readAllBytes(file())).isEqualTo(noise);
    }

    @Test
    void aDatabaseFromANewerAppIsRecognisedAndLeftAlone() throws IOException {
        try (Database database = Database.open(file())) {
            database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                            + "script, checksum, installed_by, execution_time, success) "
                            + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)");
                }
                return null;
            });
        }
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> Database.open(file())).isInstanceOfSatisfying(DatabaseException.class, e -> {
            assertThat(e.reason()).isEqualTo(DatabaseException.Reason.NEWER_SCHEMA);
            assertThat(e.canStartFresh()).isTrue();
            assertThat(e.getMessage()).contains("written by a newer version of AI Engineer Workbench (schema 99, this "
                    + "version knows " + Database.SCHEMA_VERSION + ")");
        });
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void settingAsideRenamesTheFileAndItsCompanionsAndDeletesNothing() throws IOException {
        Files.writeString(file(), "db");
        Files.writeString(temp.resolve("workbench.db-wal"), "wal");
        Files.writeString(temp.resolve("workbench.db-shm"), "shm");
        MutableClock clock = MutableClock.utc("2025-01-02T03:04:05");

        Path kept = Database.setAside(file(), clock);

        assertThat(kept).isEqualTo(temp.resolve("workbench.db.set-aside-20250102-030405"));
        assertThat(kept).hasContent("db");
        assertThat(temp.resolve("workbench.db.set-aside-20250102-030405-wal")).hasContent("wal");
        assertThat(temp.resolve("workbench.db.set-aside-20250102-030405-shm")).hasContent("shm");
        assertThat(file()).doesNotExist();
        assertThat(temp.resolve("workbench.db-wal")).doesNotExist();
        assertThat(temp.resolve("workbench.db-shm")).doesNotExist();

        Files.writeString(file(), "second");
        Path second = Database.setAside(file(), clock);
        assertThat(second).isEqualTo(temp.resolve("workbench.db.set-aside-20250102-030405-2")).hasContent("second");
        assertThat(kept).hasContent("db");
        try (var files = Files.list(temp)) {
            assertThat(files).hasSize(4);
        }
    }

    @Test
    void afterSettingACorruptFileAsideAFreshDatabaseOpens() throws IOException {
        Files.writeString(file(), "this is not a database, it is a shopping list\n".repeat(200));
        assertThatThrownBy(() -> Database.open(file())).isInstanceOf(DatabaseException.class);

        Path kept = Database.setAside(file(), MutableClock.utc("2025-01-02T03:04:05"));

        try (Database fresh = Database.open(file())) {
            assertThat(tables(fresh)).contains("item_state");
        }
        assertThat(kept).content().startsWith("this is not a database");
    }

    @Test
    void aTransactionThatThrowsLeavesNothingWritten() {
        try (Database database = Database.open(file())) {
            String before = DatabaseDump.of(database);

            assertThatThrownBy(() -> database.inTransaction(c -> {
                putSetting(c, "a", "1");
                putSetting(c, "b", "2");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

            assertThat(DatabaseDump.of(database)).isEqualTo(before);
            database.inTransaction(c -> {
                putSetting(c, "c", "3");
                return null;
            });
            assertThat(new SettingsStore(database).get("c")).contains("3");
            assertThat(new SettingsStore(database).get("a")).isEmpty();
        }
    }

    @Test
    void aFailingStatementRollsBackTheWholeTransaction() {
        try (Database database = Database.open(file())) {
            assertThatThrownBy(() -> database.inTransaction(c -> {
                putSetting(c, "a", "1");
                putSetting(c, "a", "again");
                return null;
            })).isInstanceOfSatisfying(DatabaseException.class,
                    e -> assertThat(e.reason()).isEqualTo(DatabaseException.Reason.FAILED));

            assertThat(new SettingsStore(database).get("a")).isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedAsSuch() throws IOException {
        Path readOnly = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "Skipped: running as root (or another user that ignores file "
                    + "permissions), so a read-only folder is still writable and cannot show the error.");

            assertThatThrownBy(() -> Database.open(readOnly.resolve("workbench.db")))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DatabaseException.Reason.NOT_WRITABLE);
                        assertThat(e.canStartFresh()).isFalse();
                        assertThat(e.getMessage()).contains("cannot be opened for writing");
                    });
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDiskThatTurnsReadOnlyIsReportedAsNotWritable() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), "4m")) {
            Path file = disk.path().resolve("workbench.db");
            Database.open(file).close();
            disk.remountReadOnly();

            assertThatThrownBy(() -> {
                try (Database database = Database.open(file)) {
                    new SettingsStore(database).put("theme", "dark");
                }
            }).isInstanceOfSatisfying(DatabaseException.class, e -> {
                assertThat(e.reason()).isEqualTo(DatabaseException.Reason.NOT_WRITABLE);
                assertThat(e.getMessage()).doesNotContain("SQLITE").contains(file.toString());
            });
        }
    }
}
