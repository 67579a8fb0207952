package dev.aiworkbench.llm;

/** Receives an answer as it streams; called on a gateway thread, one piece at a time, in order. */
@FunctionalInterface
public interface TokenListener {
    void onToken(String delta);

    /** Reasoning text from thinking models; ignored unless overridden. */
    default void onThinking(String delta) {
    }
}
