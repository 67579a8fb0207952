package dev.aiworkbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tool call a fake model server makes, in whichever wire format that fake speaks: Ollama sends it whole with its
 * arguments as an object, OpenAI and Anthropic stream the arguments in fragments of {@link #FRAGMENT} characters.
 *
 * @param argumentsJson the arguments as the model writes them: JSON text of an object, or (to test a model that
 *                      writes nonsense) anything else; Ollama's fake needs an object
 */
public record FakeToolCall(String name, String argumentsJson) {
    /** How many characters of arguments each streamed fragment carries. */
    public static final int FRAGMENT = 5;

    public FakeToolCall {
        Objects.requireNonNull(name);
        argumentsJson = argumentsJson == null ? "{}" : argumentsJson;
    }

    /** The arguments cut into streamed fragments, in order; one empty fragment for empty arguments. */
    List<String> fragments() {
        if (argumentsJson.isEmpty()) {
            return List.of("");
        }
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < argumentsJson.length(); i += FRAGMENT) {
            pieces.add(argumentsJson.substring(i, Math.min(argumentsJson.length(), i + FRAGMENT)));
        }
        return List.copyOf(pieces);
    }
}
