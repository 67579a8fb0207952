package dev.aiworkbench.curriculum;

/** The pack cannot be opened at all (missing, not a folder or zip, or an unsafe archive). */
public final class PackAccessException extends Exception {
    public PackAccessException(String message) {
        super(message);
    }
}
