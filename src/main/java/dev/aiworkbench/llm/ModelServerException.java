package dev.aiworkbench.llm;

/**
 * The model server could not do what was asked. The message is a sentence for the learner with
 * the next step; {@link #serverText()} is the server's own words when it gave any.
 */
public class ModelServerException extends Exception {
    public enum Kind {
        /** Nothing answers at the address. */
        UNREACHABLE,
        /** The server does not have the model. */
        MODEL_NOT_FOUND,
        /** The server refused the request as malformed (bad option, unsupported format). */
        BAD_REQUEST,
        /** The server is busy (HTTP 503/429). */
        BUSY,
        /** No answer within the time allowed. */
        TIMEOUT,
        /** The server failed, before or during generation. */
        SERVER_ERROR,
        /** A hosted provider refused the key (missing, wrong, without permission or quota); the message says "key". */
        KEY_REJECTED
    }

    private final Kind kind;
    private final String serverText;

    public ModelServerException(Kind kind, String message, String serverText, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.serverText = serverText;
    }

    public Kind kind() {
        return kind;
    }

    /** What the server said, verbatim; null when it said nothing (unreachable, timeout). */
    public String serverText() {
        return serverText;
    }

    /** Whether trying again later may work (busy, unreachable, timed out, a 5xx). */
    public boolean transientFailure() {
        return kind == Kind.UNREACHABLE || kind == Kind.BUSY || kind == Kind.TIMEOUT || kind == Kind.SERVER_ERROR;
    }
}
