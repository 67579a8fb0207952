package dev.aiworkbench.llm;

/**
 * A piece of a tool call as it streams. OpenAI and Anthropic send a call's name first and its arguments
 * in fragments; Ollama sends whole calls, which arrive as one delta each. Concatenating the
 * {@code argumentsFragment}s of one {@code index} in order gives the call's arguments.
 *
 * @param index the call's place among this answer's calls, from 0
 * @param id    the call's id, on the first delta of the call; null after
 * @param name  the tool's name, on the first delta of the call; null after
 */
public record ToolCallDelta(int index, String id, String name, String argumentsFragment) {
    public ToolCallDelta {
        argumentsFragment = argumentsFragment == null ? "" : argumentsFragment;
    }

    public boolean opensCall() {
        return name != null;
    }
}
