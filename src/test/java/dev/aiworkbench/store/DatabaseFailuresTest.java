package dev.aiworkbench.store;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Each failure SQLite, Flyway, JDBC or the file system reports about the database becomes its sentence. */
class DatabaseFailuresTest {
    private static final Path FILE = Path.of("/data/workbench.db");

    private static SQLiteException sqlite(SQLiteErrorCode code) {
        return new SQLiteException("[" + code.name() + "] raw library text (" + code.message + ")", code);
    }

    private static void assertNoLibraryText(String sentence) {
        assertThat(sentence).doesNotContain("SQLITE", "raw library text", "Flyway", "Exception", "Error Code")
                .endsWith(".");
    }

    @Test
    void busyAndStaleSnapshotsAndLockedTablesAreBusy() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_BUSY,
                SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT, SQLiteErrorCode.SQLITE_BUSY_RECOVERY, SQLiteErrorCode.SQLITE_LOCKED}) {
            DatabaseException e = DatabaseFailures.whileWorking(FILE, sqlite(code));
            assertThat(e.reason()).as(code.name()).isEqualTo(DatabaseException.Reason.BUSY);
            assertThat(e.getMessage()).startsWith("The database " + FILE + " stayed busy")
                    .contains("try again when that process has finished");
            assertNoLibraryText(e.getMessage());
            assertThat(e.getCause()).isInstanceOf(SQLiteException.class);
        }
    }

    @Test
    void flywaysReportOfABusyMigrationIsBusyWhileOpening() {
        FlywayException flyway = new FlywayException("Failed to execute script V1__progress.sql",
                sqlite(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT));

        DatabaseException e = DatabaseFailures.whileOpening(FILE, flyway);

        assertThat(e.reason()).isEqualTo(DatabaseException.Reason.BUSY);
        assertThat(e.getMessage()).isEqualTo("The progress database " + FILE + " is kept busy by another workbench "
                + "process (the app, a command or an eval run on the same data folder). Try again when that process "
                + "has finished.");
        assertThat(e.canStartFresh()).isFalse();
    }

    @Test
    void aFullDiskFromSqliteOrTheFileSystemIsDiskFull() {
        for (Exception failure : new Exception[] {sqlite(SQLiteErrorCode.SQLITE_FULL),
                new SQLException("wrapped", new FileSystemException("/data/workbench.db-wal", null, "No space left on device")),
                new UncheckedIOException(new IOException("No space left on device"))}) {
            DatabaseException e = DatabaseFailures.whileWorking(FILE, failure);
            assertThat(e.reason()).as(failure.toString()).isEqualTo(DatabaseException.Reason.DISK_FULL);
            assertThat(e.getMessage()).isEqualTo("The disk is full, so this change to the database " + FILE
                    + " was not saved; everything saved before is kept. Free some space on that disk and try again.");
        }
        assertThat(DatabaseFailures.whileOpening(FILE, sqlite(SQLiteErrorCode.SQLITE_FULL)).getMessage())
                .startsWith("The disk holding " + FILE + " is full, so the database could not be opened.");
    }

    @Test
    void readOnlyFilesAndFoldersAreNotWritable() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_READONLY,
                SQLiteErrorCode.SQLITE_READONLY_DBMOVED, SQLiteErrorCode.SQLITE_CANTOPEN, SQLiteErrorCode.SQLITE_PERM}) {
            assertThat(DatabaseFailures.whileWorking(FILE, sqlite(code)).reason()).as(code.name())
                    .isEqualTo(DatabaseException.Reason.NOT_WRITABLE);
        }
        DatabaseException opening = DatabaseFailures.whileOpening(FILE,
                new FileSystemException("/data/.migrate.lock", null, "Read-only file system"));
        assertThat(opening.reason()).isEqualTo(DatabaseException.Reason.NOT_WRITABLE);
        assertThat(opening.getMessage()).contains("cannot be opened for writing")
                .contains("--data-dir or WORKBENCH_HOME");
    }

    @Test
    void damagedFilesAreCorruptAndCanStartFresh() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_CORRUPT, SQLiteErrorCode.SQLITE_NOTADB}) {
            DatabaseException opening = DatabaseFailures.whileOpening(FILE, sqlite(code));
            assertThat(opening.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
            assertThat(opening.canStartFresh()).isTrue();
            DatabaseException working = DatabaseFailures.whileWorking(FILE, sqlite(code));
            assertThat(working.getMessage()).contains("is damaged").contains("workbench database restore")
                    .contains("workbench database set-aside");
            assertNoLibraryText(working.getMessage());
        }
    }

    @Test
    void anythingElseKeepsTheLibrarysTextOutOfTheSentence() {
        DatabaseException e = DatabaseFailures.whileWorking(FILE, sqlite(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE));

        assertThat(e.reason()).isEqualTo(DatabaseException.Reason.FAILED);
        assertThat(e.getMessage()).isEqualTo("Saving to or reading from the database " + FILE + " failed. Nothing of "
                + "this change was written; the log in the data folder's logs/ has the details.");
        assertThat(DatabaseFailures.whileOpening(FILE, new FlywayException("Validate failed: checksum mismatch"))
                .getMessage()).doesNotContain("checksum").contains("logs/");
    }

    @Test
    void theEdgeGetsTheStoresSentenceForAnyStorageFailureAndNothingForOthers() {
        assertThat(DatabaseFailures.sentence(new RuntimeException("outer", sqlite(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))))
                .hasValueSatisfying(DatabaseFailuresTest::assertNoLibraryText)
                .hasValueSatisfying(s -> assertThat(s).startsWith("The workbench's database stayed busy"));
        assertThat(DatabaseFailures.sentence(new FlywayException("Migration V3 failed")))
                .hasValueSatisfying(s -> assertThat(s).doesNotContain("V3").contains("logs/"));
        assertThat(DatabaseFailures.sentence(new UncheckedIOException(new FileSystemException("/data/packs/x", null,
                "No space left on device")))).contains("The disk is full, so this was not saved; everything saved "
                + "before is kept. Free some space on the disk that holds the data folder and try again.");
        DatabaseException already = DatabaseFailures.whileWorking(FILE, sqlite(SQLiteErrorCode.SQLITE_FULL));
        assertThat(DatabaseFailures.sentence(new IllegalStateException("x", already))).contains(already.getMessage());
        assertThat(DatabaseFailures.sentence(new IllegalStateException("not the store's"))).isEmpty();
        assertThat(DatabaseFailures.sentence(new IOException("connection reset"))).isEmpty();
    }

    @Test
    void aBackupThatFailsSaysWhyWithoutTheLibrarysText() {
        Path folder = Path.of("/data/backups");
        assertThat(DatabaseFailures.backupFailed(folder, DatabaseFailures.whileWorking(FILE,
                sqlite(SQLiteErrorCode.SQLITE_FULL)))).isEqualTo("The disk is full, so no backup could be written "
                + "into " + folder + "; the database itself is unchanged. Free some space on that disk and try again.");
        assertThat(DatabaseFailures.backupFailed(folder, new java.nio.file.AccessDeniedException("/data/backups/x")))
                .startsWith("No backup could be written into " + folder + ": it cannot be written.");
        assertThat(DatabaseFailures.backupFailed(folder, new IOException("raw words"))).doesNotContain("raw words")
                .contains("logs/");
    }
}
