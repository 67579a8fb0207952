package dev.aiworkbench.testing;

import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolCallDelta;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer a {@link ScriptedGateway} streams: text pieces and tool-call pieces in order, as OpenAI streams them
 * (a call's id and name first, then its arguments in fragments), optionally holding after some pieces until the test
 * releases it or the call is cancelled.
 */
public final class ScriptedAnswer {
    final List<Object> pieces = new ArrayList<>();
    final List<ToolCall> calls = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int holdAfter = -1;
    int promptTokens = 12;
    int outputTokens = 5;

    private ScriptedAnswer() {
    }

    /** An answer of text only, in these pieces. */
    public static ScriptedAnswer text(String... tokens) {
        ScriptedAnswer answer = new ScriptedAnswer();
        for (String token : tokens) {
            answer.pieces.add(token);
            answer.text.append(token);
        }
        return answer;
    }

    /** Adds a tool call, its arguments split into {@code fragments} pieces of about equal length. */
    public ScriptedAnswer call(String id, String name, String argumentsJson, int fragments) {
        int index = calls.size();
        calls.add(new ToolCall(id, name, argumentsJson));
        pieces.add(new ToolCallDelta(index, id, name, ""));
        int size = Math.max(1, (int) Math.ceil(argumentsJson.length() / (double) fragments));
        for (int at = 0; at < argumentsJson.length(); at += size) {
            pieces.add(new ToolCallDelta(index, null, null, argumentsJson.substring(at,
                    Math.min(argumentsJson.length(), at + size))));
        }
        return this;
    }

    /** Stops after this many pieces until {@link ScriptedGateway#release()} or a cancel. */
    public ScriptedAnswer holdAfter(int pieceCount) {
        this.holdAfter = pieceCount;
        return this;
    }

    /** The server's counts for the answer. */
    public ScriptedAnswer tokens(int prompt, int output) {
        this.promptTokens = prompt;
        this.outputTokens = output;
        return this;
    }

    public List<ToolCall> calls() {
        return List.copyOf(calls);
    }
}
