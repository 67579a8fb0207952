package dev.aiworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When opening the database runs SQLite's {@code PRAGMA quick_check}, which reads every page of the file: a cost that
 * grows with the call records and was paid by every command, every {@code eval run} in CI included. It runs where
 * damage is likely or would otherwise go unnoticed: when the file's write-ahead log is still there (the last process
 * did not close it cleanly, or one has it open now), when no check has passed on it yet, and otherwise at most once a
 * {@link #INTERVAL}. The time of the last passing check is the modification time of a marker file beside the database;
 * setting the database aside removes the marker, so whatever takes its place is checked.
 */
final class QuickCheckSchedule {
    static final Duration INTERVAL = Duration.ofDays(1);
    private final Path database;
    private final Clock clock;

    QuickCheckSchedule(Path database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    static Path marker(Path database) {
        return database.resolveSibling(database.getFileName() + ".checked");
    }

    static Path writeAheadLog(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    /** Asked before the file is opened, since opening it makes a write-ahead log. */
    boolean due() {
        if (Files.exists(writeAheadLog(database))) {
            return true;
        }
        try {
            Instant last = Files.getLastModifiedTime(marker(database)).toInstant();
            Instant now = clock.instant();
            return last.isAfter(now) || !last.plus(INTERVAL).isAfter(now);
        } catch (IOException e) {
            return true;
        }
    }

    /** Notes a check that passed; a marker that cannot be written only means the next open checks again. */
    void passed() {
        Path marker = marker(database);
        try {
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
            Files.setLastModifiedTime(marker, FileTime.from(clock.instant()));
        } catch (IOException e) {
            // nothing lost: the check runs again next time
        }
    }

    /** The database was replaced or set aside: whatever comes in its place gets checked. */
    static void forget(Path database) throws IOException {
        Files.deleteIfExists(marker(database));
    }
}
