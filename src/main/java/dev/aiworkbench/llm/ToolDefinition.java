package dev.aiworkbench.llm;

import java.util.regex.Pattern;

/**
 * A function the model may ask the caller to run. All three providers take the same three parts;
 * each gateway writes them in its own wire shape (Ollama and OpenAI nest them under
 * {@code function}, Anthropic calls the schema {@code input_schema}).
 *
 * @param parametersJson the arguments' JSON Schema, as JSON text of an object
 */
public record ToolDefinition(String name, String description, String parametersJson) {
    /** The strictest of the three providers' rules (OpenAI's), so a definition works everywhere. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ToolDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A tool's name uses only letters, digits, _ and -, at most 64 of them: "
                    + name);
        }
        description = description == null ? "" : description;
        parametersJson = parametersJson == null || parametersJson.isBlank()
                ? "{\"type\":\"object\",\"properties\":{}}" : parametersJson.strip();
        if (!parametersJson.startsWith("{")) {
            throw new IllegalArgumentException("The parameters of tool " + name + " must be a JSON Schema object");
        }
    }
}
