package dev.aiworkbench.store;

import java.nio.file.Path;

/**
 * The database cannot be used. The message is a sentence for the learner; {@link #reason()} says
 * whether setting the file aside and starting fresh would help.
 */
public final class DatabaseException extends RuntimeException {
    public enum Reason {
        /** Not a SQLite database, or damaged. */
        CORRUPT,
        /** Written by a newer version of the app. */
        NEWER_SCHEMA,
        /** The file or its folder cannot be written. */
        NOT_WRITABLE,
        /** Another process held the database for longer than this one would wait. */
        BUSY,
        /** The disk (or the user's quota) has no room for the change. */
        DISK_FULL,
        /** Anything else SQLite reports. */
        FAILED
    }

    private final Reason reason;
    private final transient Path file;

    public DatabaseException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    /** True when keeping the file aside and starting with a new one would let the learner go on. */
    public boolean canStartFresh() {
        return reason == Reason.CORRUPT || reason == Reason.NEWER_SCHEMA;
    }
}
