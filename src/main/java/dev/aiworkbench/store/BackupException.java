package dev.aiworkbench.store;

/** A backup that could not be made, or a file that cannot be restored; the message is a sentence for the learner. */
public final class BackupException extends RuntimeException {
    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
