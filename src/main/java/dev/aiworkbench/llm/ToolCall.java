package dev.aiworkbench.llm;

/**
 * The model asking for one tool to run.
 *
 * @param id            the provider's id for the call, which the result must quote back; Ollama gives none, so
 *                      its gateway numbers the calls of an answer ({@code call_0}, {@code call_1}, …)
 * @param argumentsJson the arguments as JSON text of an object, exactly as the model wrote them (they may not
 *                      match the schema: checking them is the caller's job)
 */
public record ToolCall(String id, String name, String argumentsJson) {
    public ToolCall {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A tool call needs an id");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A tool call needs the tool's name");
        }
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
