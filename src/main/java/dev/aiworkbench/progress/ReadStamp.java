package dev.aiworkbench.progress;

/**
 * How far the database had got when a snapshot was read: the rows this connection had changed
 * and SQLite's count of commits by other connections (another app or a command line). While both
 * are unchanged, nothing was written since, so the next snapshot can be the previous one plus a change.
 *
 * @param changes     SQLite's {@code total_changes()} on the app's connection
 * @param dataVersion SQLite's {@code PRAGMA data_version}
 */
public record ReadStamp(long changes, long dataVersion) {
    /** For snapshots built outside the database: never current, so a change onto one reads afresh. */
    public static final ReadStamp NONE = new ReadStamp(-1, -1);
}
