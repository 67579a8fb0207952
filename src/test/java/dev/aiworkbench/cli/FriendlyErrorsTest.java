package dev.aiworkbench.cli;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.store.BackupException;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line prints for a failure (the store's sentence for anything from SQLite, Flyway or the disk), and
 * the exit codes the issues name for a model server's failures.
 */
class FriendlyErrorsTest {
    private static int exit(Kind kind) {
        return FriendlyErrors.exitCode(new ModelServerException(kind, "a sentence", null, null));
    }

    @Test
    void aRejectedKeyExitsLikeAnUnreachableServer() {
        assertThat(exit(Kind.KEY_REJECTED)).isEqualTo(3).isEqualTo(exit(Kind.UNREACHABLE));
        assertThat(exit(Kind.MODEL_NOT_FOUND)).isEqualTo(3);
        assertThat(exit(Kind.BAD_REQUEST)).isEqualTo(2);
        assertThat(exit(Kind.SERVER_ERROR)).isEqualTo(4);
        assertThat(FriendlyErrors.exitCode(new GenerationFailedException("cut", null, "part", null))).isEqualTo(4);
    }

    @Test
    void flywaysRawReportOfABusyMigrationBecomesTheBusySentence() {
        FlywayException raw = new FlywayException("Failed to execute script V1__progress.sql\nSQL State  : null\n"
                + "Error Code : 5", new SQLiteException("[SQLITE_BUSY_SNAPSHOT] Another database connection has already "
                + "written to the database (database is locked)", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT));

        String said = FriendlyErrors.message(raw);

        assertThat(said).startsWith("The workbench's database stayed busy")
                .doesNotContain("SQLITE", "Flyway", "V1__progress", "Error Code", "Unexpected error");
    }

    @Test
    void aBareSqlExceptionOrAFullDiskIsASentenceNotAnUnexpectedError() {
        assertThat(FriendlyErrors.message(new IllegalStateException(new SQLiteException("[SQLITE_CORRUPT] raw",
                SQLiteErrorCode.SQLITE_CORRUPT)))).contains("is damaged").doesNotContain("raw", "Unexpected");
        assertThat(FriendlyErrors.message(new UncheckedIOException(new FileSystemException("/data/packs/x", null,
                "No space left on device")))).startsWith("The disk is full").doesNotContain("/data/packs/x");
        assertThat(FriendlyErrors.message(new BackupException("No backup could be made.", null)))
                .isEqualTo("No backup could be made.");
    }

    @Test
    void otherFailuresStillSayTheyWereUnexpected() {
        assertThat(FriendlyErrors.message(new IllegalStateException("a bug")))
                .isEqualTo("Unexpected error: a bug (details in the log in the data folder's logs/)");
    }
}
