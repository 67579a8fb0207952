package dev.aiworkbench.llm;

import java.util.List;
import java.util.Locale;

/**
 * One turn of a conversation. An assistant turn may carry the tool calls the model made; a tool turn
 * carries one call's result, quoting its id ({@code toolCallId}) and tool name.
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName) {
    public enum Role {
        SYSTEM, USER, ASSISTANT, TOOL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChatMessage {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (role == Role.TOOL && (toolCallId == null || toolName == null)) {
            throw new IllegalArgumentException("A tool result names the call and the tool it answers");
        }
    }

    public ChatMessage(Role role, String content) {
        this(role, content, List.of(), null, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    /** The model's turn as it came back, so the next request carries its tool calls. */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.ASSISTANT, content, toolCalls, null, null);
    }

    /** What running a tool gave, sent back to the model. */
    public static ChatMessage toolResult(ToolCall call, String result) {
        return new ChatMessage(Role.TOOL, result, List.of(), call.id(), call.name());
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
