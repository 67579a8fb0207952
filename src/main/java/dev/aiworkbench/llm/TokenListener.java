package dev.aiworkbench.llm;

/**
 * Receives an answer as it streams, one piece at a time, in order. It is called on the gateway's I/O
 * thread, which reads every answer in flight: return quickly and never block there.
 */
@FunctionalInterface
public interface TokenListener {
    void onToken(String delta);

    /** Reasoning text from thinking models; ignored unless overridden. */
    default void onThinking(String delta) {
    }

    /** A piece of a tool call the model is making; ignored unless overridden. */
    default void onToolCall(ToolCallDelta delta) {
    }
}
