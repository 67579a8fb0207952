package dev.aiworkbench.llm;

/** A tool the caller runs for the model: the call's arguments (JSON text, possibly not valid) in, its result out. */
@FunctionalInterface
public interface ToolFunction {
    /**
     * @throws Exception the tool failed; {@link ToolLoop} tells the model so, in a tool result, and carries on
     */
    String run(String argumentsJson) throws Exception;
}
