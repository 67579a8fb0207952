package dev.aiworkbench.providers;

/** The keychain refused or failed; the message is a sentence with what to do, never the key or the library's text. */
public final class KeychainException extends RuntimeException {
    public KeychainException(String message, Throwable cause) {
        super(message, cause);
    }
}
