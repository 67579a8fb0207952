package dev.aiworkbench.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts a backup in place of the database file. It works on files, not on an open {@link Database}, so it runs
 * while nothing has the database open: before the command line opens the workbench, or after the app closed it.
 */
public final class DatabaseRestore {
    private DatabaseRestore() {
    }

    /**
     * Checks that {@code backup} is a readable SQLite database written by this app, without changing it.
     *
     * @throws BackupException a sentence saying why the file cannot be restored
     */
    public static void check(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw refused(backup, "it does not exist or is not a file", null);
        }
        if (!Files.isReadable(backup)) {
            throw refused(backup, "it cannot be read (check its permissions)", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup.toAbsolutePath(),
                config.toProperties()); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                String verdict = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(verdict)) {
                    throw refused(backup, "SQLite finds it damaged (" + verdict + ")", null);
                }
            }
            try (ResultSet history = statement.executeQuery("SELECT MAX(CAST(version AS INTEGER)) "
                    + "FROM flyway_schema_history WHERE success = 1")) {
                int version = history.next() ? history.getInt(1) : 0;
                if (version > Database.SCHEMA_VERSION) {
                    throw refused(backup, "it was written by a newer version of the app (schema " + version
                            + "); update the app first", null);
                }
            }
        } catch (SQLException e) {
            String why = e.getMessage() != null && e.getMessage().contains("no such table")
                    ? "it is an SQLite database, but not one of AI Engineer Workbench's"
                    : "it is not a readable SQLite database";
            throw refused(backup, why, e);
        }
    }

    /**
     * Sets the current database aside (renamed, never deleted) and copies {@code backup} into its place.
     *
     * @return where the current database was set aside, if there was one
     * @throws BackupException the backup is not ours or unreadable; then nothing has changed
     */
    public static Optional<Path> restore(Path database, Path backup, Clock clock) throws IOException {
        check(backup);
        Path incoming = database.resolveSibling("." + database.getFileName() + ".restoring");
        // Copied next to the database first, so a full disk fails before the current file is touched.
        Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
        try {
            Optional<Path> setAside = Files.exists(database) ? Optional.of(Database.setAside(database, clock))
                    : Optional.empty();
            Files.move(incoming, database, StandardCopyOption.ATOMIC_MOVE);
            QuickCheckSchedule.forget(database);
            return setAside;
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    private static BackupException refused(Path backup, String why, Throwable cause) {
        return new BackupException("Cannot restore " + backup + ": " + why + ". Choose one of the files that "
                + "`workbench database backups` lists.", cause);
    }
}
