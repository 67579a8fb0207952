package dev.aiworkbench.store;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one translator from what SQLite, Flyway, JDBC and the file system report about the database (locked, busy,
 * read-only, disk full, damaged) to a sentence with a next step, so no library's own text reaches a learner. The
 * original failure stays the cause, and unexpected ones are logged, for whoever reads the log.
 */
public final class DatabaseFailures {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);
    private static final String ANOTHER_PROCESS = "another workbench process (the app, a command or an eval run on "
            + "the same data folder)";

    private DatabaseFailures() {
    }

    /** A failure while opening or migrating {@code file}. */
    static DatabaseException whileOpening(Path file, Throwable failure) {
        DatabaseException.Reason reason = reasonOf(failure);
        String name = "The progress database " + file;
        String sentence = switch (reason) {
            case CORRUPT -> name + " is not a readable SQLite database. Keep it aside and start fresh; the old file "
                    + "stays on disk for recovery.";
            case NOT_WRITABLE -> name + " cannot be opened for writing. Check the permissions of the file and its "
                    + "folder, or choose another data folder with --data-dir or WORKBENCH_HOME.";
            case BUSY -> name + " is kept busy by " + ANOTHER_PROCESS + ". Try again when that process has finished.";
            case DISK_FULL -> "The disk holding " + file + " is full, so the database could not be opened. Free some "
                    + "space there, or choose another data folder with --data-dir or WORKBENCH_HOME, and try again.";
            case NEWER_SCHEMA, FAILED -> name + " could not be opened. The log in the data folder's logs/ has the "
                    + "details; `workbench doctor` checks the data folder.";
        };
        return translated(reason, file, sentence, failure);
    }

    /** A failure of a transaction, or a copy, of the open database {@code file}; nothing of it was written. */
    static DatabaseException whileWorking(Path file, Throwable failure) {
        DatabaseException.Reason reason = reasonOf(failure);
        String name = file == null ? "the workbench's database" : "the database " + file;
        String sentence = switch (reason) {
            case BUSY -> capitalised(name) + " stayed busy: " + ANOTHER_PROCESS + " kept it locked. Nothing of this "
                    + "change was written; try again when that process has finished.";
            case DISK_FULL -> "The disk is full, so this change to " + name + " was not saved; everything saved "
                    + "before is kept. Free some space on that disk and try again.";
            case NOT_WRITABLE -> capitalised(name) + " can no longer be written (the file or its folder is "
                    + "read-only). Nothing of this change was written; check the permissions of the file and its "
                    + "folder, then try again.";
            case CORRUPT -> capitalised(name) + " is damaged, so nothing of this change was written. Restore a "
                    + "backup with `workbench database restore`, or keep the file aside with `workbench database "
                    + "set-aside` and start fresh.";
            case NEWER_SCHEMA, FAILED -> "Saving to or reading from " + name + " failed. Nothing of this change was "
                    + "written; the log in the data folder's logs/ has the details.";
        };
        return translated(reason, file, sentence, failure);
    }

    /** Why a copy of the database could not be written into the backups {@code folder}; the database is unchanged. */
    static String backupFailed(Path folder, Throwable failure) {
        return switch (reasonOf(failure)) {
            case DISK_FULL -> "The disk is full, so no backup could be written into " + folder + "; the database "
                    + "itself is unchanged. Free some space on that disk and try again.";
            case NOT_WRITABLE -> "No backup could be written into " + folder + ": it cannot be written. Check the "
                    + "permissions of that folder and try again.";
            case BUSY -> "No backup could be made: " + ANOTHER_PROCESS + " kept the database locked. Try again "
                    + "when that process has finished.";
            default -> {
                LOG.warn("a backup failed without a known cause", failure);
                yield "Could not back up the database into " + folder + ". Check that the folder can be written "
                        + "and the disk has room; the log in the data folder's logs/ has the details.";
            }
        };
    }

    /**
     * The sentence for a failure that came from the store or the libraries under it, for the handlers at the edge
     * (the command line's error handler, the app's startup problem screen and notices); empty for anything else.
     */
    public static Optional<String> sentence(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException || cause instanceof BackupException) {
                return Optional.of(cause.getMessage());
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof FlywayException) {
                return Optional.of(whileWorking(null, failure).getMessage());
            }
        }
        if (reasonOf(failure) == DatabaseException.Reason.DISK_FULL) {
            return Optional.of("The disk is full, so this was not saved; everything saved before is kept. Free some "
                    + "space on the disk that holds the data folder and try again.");
        }
        return Optional.empty();
    }

    /** What kind of failure this is, read from SQLite's result code or the file system's error, anywhere in the chain. */
    static DatabaseException.Reason reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<DatabaseException.Reason> reason = switch (cause) {
                case DatabaseException database -> Optional.of(database.reason());
                case SQLiteException sqlite -> Optional.of(reasonOf(sqlite.getResultCode()));
                case IOException io -> reasonOf(io);
                case ReadOnlyFileSystemException readOnly -> Optional.of(DatabaseException.Reason.NOT_WRITABLE);
                default -> Optional.empty();
            };
            if (reason.isPresent() && reason.get() != DatabaseException.Reason.FAILED) {
                return reason.get();
            }
        }
        return DatabaseException.Reason.FAILED;
    }

    /** True when SQLite answered that another connection holds the lock (busy, or a stale snapshot). */
    static boolean isBusy(Throwable failure) {
        return reasonOf(failure) == DatabaseException.Reason.BUSY;
    }

    private static DatabaseException.Reason reasonOf(SQLiteErrorCode code) {
        String name = code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return DatabaseException.Reason.BUSY;
        }
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            return DatabaseException.Reason.DISK_FULL;
        }
        if (name.startsWith("SQLITE_CORRUPT") || code == SQLiteErrorCode.SQLITE_NOTADB) {
            return DatabaseException.Reason.CORRUPT;
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || code == SQLiteErrorCode.SQLITE_PERM) {
            return DatabaseException.Reason.NOT_WRITABLE;
        }
        return DatabaseException.Reason.FAILED;
    }

    private static Optional<DatabaseException.Reason> reasonOf(IOException io) {
        String text = (io instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(io.getMessage())).toLowerCase(Locale.ROOT);
        if (text.contains("no space left on device") || text.contains("disk quota exceeded")) {
            return Optional.of(DatabaseException.Reason.DISK_FULL);
        }
        if (io instanceof AccessDeniedException || text.contains("read-only file system")
                || text.contains("permission denied")) {
            return Optional.of(DatabaseException.Reason.NOT_WRITABLE);
        }
        return Optional.empty();
    }

    private static DatabaseException translated(DatabaseException.Reason reason, Path file, String sentence,
                                                Throwable failure) {
        if (reason == DatabaseException.Reason.FAILED) {
            LOG.warn("database failure without a known cause", failure);
        }
        return new DatabaseException(reason, file, sentence, failure);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
