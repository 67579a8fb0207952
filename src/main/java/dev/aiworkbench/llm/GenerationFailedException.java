package dev.aiworkbench.llm;

/**
 * The server started answering and then failed (a mid-stream error line, or the connection
 * dropped). The partial answer is kept, so the learner loses nothing that arrived.
 */
public final class GenerationFailedException extends ModelServerException {
    private final String partialText;

    public GenerationFailedException(String message, String serverText, String partialText, Throwable cause) {
        super(Kind.SERVER_ERROR, message, serverText, cause);
        this.partialText = partialText;
    }

    public String partialText() {
        return partialText;
    }
}
