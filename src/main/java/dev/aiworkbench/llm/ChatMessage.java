package dev.aiworkbench.llm;

import java.util.Locale;

/** One turn of a conversation. */
public record ChatMessage(Role role, String content) {
    public enum Role {
        SYSTEM, USER, ASSISTANT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }
}
