package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damage inside a table's pages, which opening and migrating never read, is caught by the quick check wherever it is
 * due: a file never checked, one whose write-ahead log was left behind, one last checked over a day ago.
 */
class DatabaseQuickCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("workbench.db");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private Database open(Instant now) {
        return Database.open(file(), Contention.DEFAULT, waiting -> { }, at(now));
    }

    /** A database with a table of 300 rows, closed cleanly (its log folded in), checked at {@code NOW}. */
    private void writeCheckedDatabase() {
        try (Database database = open(NOW)) {
            database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE TABLE filler (x BLOB)");
                    s.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                            + "INSERT INTO filler SELECT randomblob(1500) FROM n");
                }
                return null;
            });
        }
        assertThat(QuickCheckSchedule.writeAheadLog(file())).doesNotExist();
        assertThat(QuickCheckSchedule.marker(file())).exists();
    }

    /** Overwrites the headers of the last 40 pages, all of them the filler table's. */
    private void damageTheLastPages() throws IOException {
        byte[] junk = new byte[16];
        Arrays.fill(junk, (byte) 0xEE);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            long pages = raf.length() / 4096;
            for (long page = pages - 40; page < pages; page++) {
                raf.seek(page * 4096);
                raf.write(junk);
            }
        }
    }

    private void assertCaught(Instant now) {
        assertThatThrownBy(() -> open(now)).isInstanceOfSatisfying(DatabaseException.class, e -> {
            assertThat(e.reason()).isEqualTo(DatabaseException.Reason.CORRUPT);
            assertThat(e.getMessage()).contains("is damaged").contains("Keep it aside and start fresh");
        });
    }

    @Test
    void aFileNoCheckHasPassedOnIsChecked() throws IOException {
        writeCheckedDatabase();
        damageTheLastPages();
        Files.delete(QuickCheckSchedule.marker(file()));

        assertCaught(NOW.plusSeconds(60));
    }

    @Test
    void aFileWhoseWriteAheadLogWasLeftBehindIsChecked() throws IOException {
        writeCheckedDatabase();
        damageTheLastPages();
        Files.write(QuickCheckSchedule.writeAheadLog(file()), new byte[0]);

        assertCaught(NOW.plusSeconds(60));
    }

    @Test
    void aFileLastCheckedOverADayAgoIsChecked() throws IOException {
        writeCheckedDatabase();
        damageTheLastPages();

        assertCaught(NOW.plus(QuickCheckSchedule.INTERVAL).plusSeconds(1));
    }

    @Test
    void aMarkerFromTheFutureDoesNotPutTheCheckOff() throws IOException {
        writeCheckedDatabase();
        damageTheLastPages();
        Files.setLastModifiedTime(QuickCheckSchedule.marker(file()), FileTime.from(NOW.plus(Duration.ofDays(30))));

        assertCaught(NOW.plusSeconds(60));
    }

    @Test
    void aCleanlyClosedFileCheckedWithinTheDayIsNotReadThroughAgain() throws IOException {
        writeCheckedDatabase();
        damageTheLastPages();

        // the damage is in pages no query at opening reads: only a quick check would see it
        try (Database database = open(NOW.plus(Duration.ofHours(23)))) {
            assertThat(database.file()).isEqualTo(file());
        }
        assertThat(Files.getLastModifiedTime(QuickCheckSchedule.marker(file())).toInstant()).isEqualTo(NOW);
    }

    @Test
    void aPassingCheckMovesTheMarkerOn() throws IOException {
        writeCheckedDatabase();
        Instant later = NOW.plus(Duration.ofDays(2));

        open(later).close();

        assertThat(Files.getLastModifiedTime(QuickCheckSchedule.marker(file())).toInstant()).isEqualTo(later);
    }

    @Test
    void settingTheFileAsideForgetsItsCheck() throws IOException {
        writeCheckedDatabase();

        Database.setAside(file(), at(NOW));

        assertThat(QuickCheckSchedule.marker(file())).doesNotExist();
    }
}
