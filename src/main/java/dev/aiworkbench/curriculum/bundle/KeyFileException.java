package dev.aiworkbench.curriculum.bundle;

/** A key file is missing, unreadable or not the kind of key asked for: the command was given the wrong file. */
public final class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }
}
