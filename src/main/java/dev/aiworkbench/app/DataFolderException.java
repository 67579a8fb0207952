package dev.aiworkbench.app;

/** The data folder cannot be used; the message names the folder and the reason. */
public final class DataFolderException extends Exception {
    public DataFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
