package dev.aiworkbench.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * One call to a model: a chat (a list of messages, with the system prompt sent as the first
 * message, since Ollama's chat has no top-level system field) or a completion of a single prompt.
 */
public record GenerationRequest(Mode mode, String model, String system, List<ChatMessage> messages, String prompt,
                                ModelOptions options, OutputFormat format, List<ToolDefinition> tools) {
    public enum Mode { CHAT, GENERATE }

    public GenerationRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        options = options == null ? ModelOptions.DEFAULTS : options;
        format = format == null ? OutputFormat.PLAIN : format;
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (!tools.isEmpty() && mode == Mode.GENERATE) {
            throw new IllegalArgumentException("Tools need a chat: a single-prompt completion cannot call them");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("choose a model");
        }
    }

    public GenerationRequest(Mode mode, String model, String system, List<ChatMessage> messages, String prompt,
                             ModelOptions options, OutputFormat format) {
        this(mode, model, system, messages, prompt, options, format, List.of());
    }

    public static GenerationRequest chat(String model, String system, String userText, ModelOptions options,
                                         OutputFormat format) {
        return new GenerationRequest(Mode.CHAT, model, system, List.of(ChatMessage.user(userText)), null, options, format);
    }

    public static GenerationRequest generate(String model, String system, String prompt, ModelOptions options,
                                             OutputFormat format) {
        return new GenerationRequest(Mode.GENERATE, model, system, List.of(), prompt, options, format);
    }

    /** The messages as sent: the system prompt first when there is one. */
    public List<ChatMessage> wireMessages() {
        List<ChatMessage> all = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            all.add(new ChatMessage(ChatMessage.Role.SYSTEM, system));
        }
        all.addAll(messages);
        return all;
    }

    public GenerationRequest withModel(String other) {
        return new GenerationRequest(mode, other, system, messages, prompt, options, format, tools);
    }

    /** This request offering the model these tools. */
    public GenerationRequest withTools(List<ToolDefinition> offered) {
        return new GenerationRequest(mode, model, system, messages, prompt, options, format, offered);
    }

    /** The same chat carried on: these turns (the model's tool calls, their results) appended. */
    public GenerationRequest followedBy(List<ChatMessage> turns) {
        List<ChatMessage> all = new ArrayList<>(messages);
        all.addAll(turns);
        return new GenerationRequest(mode, model, system, all, prompt, options, format, tools);
    }
}
