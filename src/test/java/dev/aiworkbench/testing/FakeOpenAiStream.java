package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One streamed Chat Completions answer of {@link FakeOpenAi}, event by event, each event in an HTTP chunk of its own
 * as OpenAI's servers send them: {@code data: <chunk>\n\n}, ending {@code data: [DONE]\n\n}. With
 * {@code include_usage} every chunk carries {@code "usage": null} and a last chunk has empty choices and the usage.
 */
final class FakeOpenAiStream {
    private static final Duration ENDLESS_MIN_DELAY = Duration.ofMillis(10);

    private final FakeOpenAi fake;
    private final FakeOllamaHttp.Exchange ex;
    private final String model;
    private final List<String> pieces;
    private final List<FakeToolCall> toolCalls;
    private final String finishReason;
    private final int promptTokens;
    private final boolean includeUsage;
    private int sent;

    FakeOpenAiStream(FakeOpenAi fake, FakeOllamaHttp.Exchange ex, String model, List<String> pieces,
                     List<FakeToolCall> toolCalls, String finishReason, int promptTokens, boolean includeUsage) {
        this.fake = fake;
        this.ex = ex;
        this.model = model;
        this.pieces = pieces;
        this.toolCalls = toolCalls;
        this.finishReason = finishReason;
        this.promptTokens = promptTokens;
        this.includeUsage = includeUsage && !fake.usageIgnored();
    }

    void run() {
        ex.startChunked(200, FakeOpenAi.EVENT_STREAM);
        if (!pause(fake.firstTokenDelay())) {
            return;
        }
        ObjectNode first = chunk();
        first.withArray("choices").addObject().put("index", 0).putNull("logprobs").putNull("finish_reason")
                .putObject("delta").put("role", "assistant").put("content", "").putNull("refusal");
        if (!send(first)) {
            return;
        }
        Duration delay = fake.endless() && fake.tokenDelay().compareTo(ENDLESS_MIN_DELAY) < 0
                ? ENDLESS_MIN_DELAY : fake.tokenDelay();
        do {
            for (String piece : pieces) {
                if (sent == fake.dropAfter()) {
                    fake.hangUpQuietly(ex);
                    return;
                }
                if (sent == fake.errorAfter()) {
                    sendError();
                    return;
                }
                if (sent > 0 && !pause(delay)) {
                    return;
                }
                ObjectNode content = chunk();
                content.withArray("choices").addObject().put("index", 0).putNull("logprobs").putNull("finish_reason")
                        .putObject("delta").put("content", piece);
                if (!send(content)) {
                    return;
                }
                sent++;
            }
        } while (fake.endless());
        if (sent == fake.dropAfter()) {
            fake.hangUpQuietly(ex);
            return;
        }
        if (!sendToolCalls(delay)) {
            return;
        }
        ObjectNode finish = chunk();
        finish.withArray("choices").addObject().put("index", 0).putNull("logprobs")
                .put("finish_reason", finishReason).putObject("delta");
        if (!send(finish)) {
            return;
        }
        if (includeUsage) {
            ObjectNode usage = fake.chunkHead("chat.completion.chunk", model);
            usage.putArray("choices");
            usage.set("usage", FakeOpenAi.usage(promptTokens, sent));
            if (!send(usage)) {
                return;
            }
        }
        if (write("data: [DONE]\n\n")) {
            end();
        }
    }

    /**
     * Each call as OpenAI streams it: a chunk with its index, id, type and name (arguments ""), then one chunk per
     * fragment of its arguments with only the index. False when the client went away.
     */
    private boolean sendToolCalls(Duration delay) {
        for (int index = 0; index < toolCalls.size(); index++) {
            FakeToolCall call = toolCalls.get(index);
            ObjectNode opening = chunk();
            toolCallDelta(opening, index).put("id", fake.toolCallId()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", "");
            if (!pause(delay) || !send(opening)) {
                return false;
            }
            for (String fragment : call.fragments()) {
                ObjectNode piece = chunk();
                toolCallDelta(piece, index).putObject("function").put("arguments", fragment);
                if (!pause(delay) || !send(piece)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The chunk's one choice with {@code delta.tool_calls: [{index}]}; returns that call's object to fill. */
    private static ObjectNode toolCallDelta(ObjectNode chunk, int index) {
        ObjectNode choice = chunk.withArray("choices").addObject().put("index", 0);
        choice.putNull("logprobs").putNull("finish_reason");
        return choice.putObject("delta").putArray("tool_calls").addObject().put("index", index);
    }

    private ObjectNode chunk() {
        ObjectNode chunk = fake.chunkHead("chat.completion.chunk", model);
        chunk.putArray("choices");
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    /** OpenAI's mid-stream failure: an event whose data is an error object, then the stream ends. */
    private void sendError() {
        String error = FakeOpenAi.errorBody(fake.errorMessage(), "server_error", null, null);
        if (write("data: " + error + "\n\n")) {
            end();
        }
    }

    private boolean send(ObjectNode chunk) {
        return write("data: " + FakeOpenAi.compact(chunk) + "\n\n");
    }

    private boolean write(String event) {
        try {
            ex.writeChunk(event.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            fake.hangUp(ex, sent);
            return false;
        }
    }

    private void end() {
        try {
            ex.endChunked();
        } catch (IOException e) {
            fake.hangUp(ex, sent);
        }
    }

    /** Waits unless the client goes away first (then records the hang-up). */
    private boolean pause(Duration delay) {
        if (delay.isZero()) {
            if (ex.clientGone()) {
                fake.hangUp(ex, sent);
                return false;
            }
            return true;
        }
        if (!ex.pause(delay, fake::isClosed)) {
            fake.hangUp(ex, sent);
            return false;
        }
        return true;
    }
}
