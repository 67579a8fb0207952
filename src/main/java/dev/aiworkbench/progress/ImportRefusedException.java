package dev.aiworkbench.progress;

/** A progress file that cannot be imported; nothing was written. The message says why. */
public final class ImportRefusedException extends Exception {
    public ImportRefusedException(String message) {
        super(message);
    }
}
