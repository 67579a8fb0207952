package dev.aiworkbench.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ToolCallAssembler;
import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.llm.Usage;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An answer put together from the Messages API's stream events: text and thinking deltas go to the listener as they
 * come, the prompt's tokens come from {@code message_start}, the output's (and a stop reason) from
 * {@code message_delta}, and {@code message_stop} ends it. Event types this version does not know are skipped, as
 * the API's versioning policy asks of clients.
 */
final class StreamedAnswer {
    enum Step { MORE, FINISHED, FAILED }

    private final TokenListener listener;
    private final long startNanos;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private final ToolCallAssembler toolCalls = new ToolCallAssembler();
    /** The content block index of each tool_use block, to its place among the answer's tool calls. */
    private final Map<Integer, Integer> callOfBlock = new HashMap<>();
    private volatile Duration firstToken;
    // written by the stream's thread, read by a canceller's
    private volatile String model;
    private volatile String stopReason;
    private volatile OptionalInt inputTokens = OptionalInt.empty();
    private volatile OptionalInt outputTokens = OptionalInt.empty();
    private volatile AnthropicWire.ServerError error;

    /** @param startNanos when the first request was sent: time to first token counts from there, retries included */
    StreamedAnswer(String model, TokenListener listener, long startNanos) {
        this.model = model;
        this.listener = listener;
        this.startNanos = startNanos;
    }

    /**
     * Takes one event.
     *
     * @throws IOException the event's data is not JSON
     */
    Step accept(ServerSentEvents.Event event) throws IOException {
        JsonNode data = AnthropicWire.JSON.readTree(event.data());
        String type = data.path("type").asText(event.name());
        switch (type) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                model = message.path("model").asText(model);
                inputTokens = AnthropicWire.inputTokens(message.path("usage"));
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                switch (block.path("type").asText()) {
                    case "text" -> text(block.path("text").asText(""));
                    case "tool_use" -> toolCall(data.path("index").asInt(), block.path("id").asText(null),
                            block.path("name").asText(""));
                    default -> {
                        // thinking blocks start empty; their text comes in deltas
                    }
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                switch (delta.path("type").asText()) {
                    case "text_delta" -> text(delta.path("text").asText(""));
                    case "thinking_delta" -> thought(delta.path("thinking").asText(""));
                    case "input_json_delta" -> toolInput(data.path("index").asInt(),
                            delta.path("partial_json").asText(""));
                    default -> {
                        // signatures and citations are not answer text
                    }
                }
            }
            case "message_delta" -> {
                JsonNode delta = data.path("delta");
                if (delta.hasNonNull("stop_reason")) {
                    stopReason = delta.get("stop_reason").asText();
                }
                JsonNode usage = data.path("usage");
                OptionalInt output = AnthropicWire.integer(usage, "output_tokens");
                outputTokens = output.isPresent() ? output : outputTokens;
                // the counts are running totals; a late input count (server tools) replaces message_start's
                OptionalInt input = AnthropicWire.inputTokens(usage);
                inputTokens = input.isPresent() ? input : inputTokens;
            }
            case "message_stop" -> {
                return Step.FINISHED;
            }
            case "error" -> {
                error = AnthropicWire.ServerError.of(event.data());
                return Step.FAILED;
            }
            default -> {
                // ping, content_block_stop and event types added after this version
            }
        }
        return Step.MORE;
    }

    private void text(String delta) {
        if (delta.isEmpty()) {
            return;
        }
        markFirstToken();
        synchronized (this) {
            text.append(delta);
        }
        listener.onToken(delta);
    }

    /** A tool_use block opens a call: its id and name now, its input in the deltas that follow. */
    private void toolCall(int block, String id, String name) {
        if (name.isBlank()) {
            return;
        }
        markFirstToken();
        int index;
        synchronized (this) {
            index = callOfBlock.size();
            callOfBlock.put(block, index);
        }
        ToolCallDelta opening = new ToolCallDelta(index, id, name, "");
        toolCalls.accept(opening);
        listener.onToolCall(opening);
    }

    private void toolInput(int block, String fragment) {
        Integer index;
        synchronized (this) {
            index = callOfBlock.get(block);
        }
        if (index == null || fragment.isEmpty()) {
            return;
        }
        ToolCallDelta piece = new ToolCallDelta(index, null, null, fragment);
        toolCalls.accept(piece);
        listener.onToolCall(piece);
    }

    private void thought(String delta) {
        if (delta.isEmpty()) {
            return;
        }
        markFirstToken();
        synchronized (this) {
            thinking.append(delta);
        }
        listener.onThinking(delta);
    }

    private void markFirstToken() {
        if (firstToken == null) {
            firstToken = Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    /** Whether any text or thinking has reached the listener: after that, a request is never sent again. */
    boolean started() {
        return firstToken != null;
    }

    /** The error an {@code error} event gave, once {@link #accept} said {@link Step#FAILED}. */
    AnthropicWire.ServerError error() {
        return error;
    }

    synchronized String partialText() {
        return text.toString();
    }

    private synchronized GenerationResult result(String reason) {
        Usage usage = AnthropicWire.usage(inputTokens, outputTokens);
        return new GenerationResult(text.toString(), thinking.toString(), model, reason, usage,
                Optional.ofNullable(firstToken), Duration.ofNanos(System.nanoTime() - startNanos), toolCalls.calls());
    }

    /** The result of a finished stream, with the server's stop reason ("end_turn", "max_tokens", …). */
    synchronized GenerationResult finished() {
        return result(stopReason == null ? "end_turn" : stopReason);
    }

    /** What had arrived when the learner stopped it; the server's counts never came. */
    synchronized GenerationResult cancelled() {
        return new GenerationResult(text.toString(), thinking.toString(), model, GenerationResult.CANCELLED,
                Usage.UNKNOWN, Optional.ofNullable(firstToken), Duration.ofNanos(System.nanoTime() - startNanos),
                toolCalls.calls());
    }
}
