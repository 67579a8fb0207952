package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One answer of {@link FakeAnthropic}, streamed as events or sent whole, with the faults it was scripted with. */
final class FakeAnthropicStream {
    private static final Duration ENDLESS_MIN_DELAY = Duration.ofMillis(10);

    /** Hears that the client closed the connection after this many text deltas. */
    @FunctionalInterface
    interface Departure {
        void left(FakeOllamaHttp.Exchange ex, int deltasSent);
    }

    private final FakeOllamaHttp.Exchange ex;
    private final String model;
    private final List<String> tokens;
    private final List<FakeToolCall> toolCalls;
    private final List<String> toolIds;
    private final int maxTokens;
    private final int inputTokens;
    private final Duration tokenDelay;
    private final Duration firstTokenDelay;
    private final int errorAt;
    private final String errorType;
    private final String errorMessage;
    private final int dropAfter;
    private final boolean endless;
    private final BooleanSupplier serverClosed;
    private final Departure departure;

    FakeAnthropicStream(FakeOllamaHttp.Exchange ex, String model, List<String> tokens, List<FakeToolCall> toolCalls,
                        int maxTokens, int inputTokens,
                        Duration tokenDelay, Duration firstTokenDelay, int errorAt, String errorType,
                        String errorMessage, int dropAfter, boolean endless, BooleanSupplier serverClosed,
                        Departure departure) {
        this.ex = ex;
        this.model = model;
        this.tokens = tokens;
        this.toolCalls = toolCalls;
        this.toolIds = toolCalls.stream().map(call -> FakeAnthropicWire.id("toolu")).toList();
        this.maxTokens = maxTokens;
        this.inputTokens = inputTokens;
        this.tokenDelay = tokenDelay;
        this.firstTokenDelay = firstTokenDelay;
        this.errorAt = errorAt;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.dropAfter = dropAfter;
        this.endless = endless;
        this.serverClosed = serverClosed;
        this.departure = departure;
    }

    /** The whole answer as one message object; {@code max_tokens} cuts it with stop_reason "max_tokens". */
    void whole() throws IOException {
        if (!ex.pause(firstTokenDelay, serverClosed)) {
            departure.left(ex, 0);
            return;
        }
        boolean cut = tokens.size() > maxTokens;
        List<String> sent = cut ? tokens.subList(0, maxTokens) : tokens;
        boolean calls = !cut && !toolCalls.isEmpty();
        ObjectNode message = FakeAnthropicWire.message(FakeAnthropicWire.id("msg"), model,
                calls && sent.isEmpty() ? null : sent, cut ? "max_tokens" : calls ? "tool_use" : "end_turn",
                FakeAnthropicWire.usage(inputTokens, sent.size()));
        if (calls) {
            FakeAnthropicWire.toolUses(message, toolCalls, toolIds);
        }
        ex.respond(200, FakeAnthropicWire.APPLICATION_JSON, Map.of("request-id", FakeAnthropicWire.id("req")),
                message.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The events of a streamed answer, one chunk each, as the API orders them. */
    void stream() throws IOException {
        if (!ex.pause(firstTokenDelay, serverClosed)) {
            departure.left(ex, 0);
            return;
        }
        ex.startChunked(200, FakeAnthropicWire.EVENT_STREAM,
                Map.of("Cache-Control", "no-cache", "request-id", FakeAnthropicWire.id("req")));
        ObjectNode start = FakeAnthropicWire.message(FakeAnthropicWire.id("msg"), model, null, null,
                FakeAnthropicWire.usage(inputTokens, 1));
        // An answer that only calls tools has no text block: its first block is the first tool_use.
        boolean textBlock = !tokens.isEmpty() || toolCalls.isEmpty() || endless;
        if (!send("message_start", FakeAnthropicWire.messageStart(start), 0)
                || textBlock && !send("content_block_start", FakeAnthropicWire.contentBlockStart(0), 0)
                || !send("ping", FakeAnthropicWire.ping(), 0)) {
            return;
        }
        Duration delay = endless && tokenDelay.compareTo(ENDLESS_MIN_DELAY) < 0 ? ENDLESS_MIN_DELAY : tokenDelay;
        int sent = 0;
        String stopReason = "end_turn";
        while (endless || sent < tokens.size()) {
            if (sent == errorAt) {
                endWithError();
                return;
            }
            if (sent == dropAfter) {
                ex.abort();
                return;
            }
            if (sent >= maxTokens && !endless) {
                stopReason = "max_tokens";
                break;
            }
            if (sent > 0 && !delay.isZero() && !ex.pause(delay, serverClosed)) {
                departure.left(ex, sent);
                return;
            }
            if (!send("content_block_delta", FakeAnthropicWire.textDelta(0, tokens.get(sent % tokens.size())), sent)) {
                return;
            }
            sent++;
        }
        if (sent == errorAt) {
            endWithError();
            return;
        }
        if (textBlock && !send("content_block_stop", FakeAnthropicWire.contentBlockStop(0), sent)) {
            return;
        }
        if (!stopReason.equals("max_tokens") && !toolCalls.isEmpty()) {
            if (!sendToolUses(textBlock ? 1 : 0, delay, sent)) {
                return;
            }
            stopReason = "tool_use";
        }
        if (send("message_delta", FakeAnthropicWire.messageDelta(stopReason, sent), sent)
                && send("message_stop", FakeAnthropicWire.messageStop(), sent)) {
            end(sent);
        }
    }

    /** Each call as a tool_use block: its start (id, name, empty input), its input in fragments, its stop. */
    private boolean sendToolUses(int firstIndex, Duration delay, int sent) {
        for (int i = 0; i < toolCalls.size(); i++) {
            int index = firstIndex + i;
            FakeToolCall call = toolCalls.get(i);
            if (!pauseBetween(delay, sent)
                    || !send("content_block_start", FakeAnthropicWire.toolUseStart(index, toolIds.get(i), call.name()),
                    sent)) {
                return false;
            }
            for (String fragment : call.fragments()) {
                if (!pauseBetween(delay, sent)
                        || !send("content_block_delta", FakeAnthropicWire.inputJsonDelta(index, fragment), sent)) {
                    return false;
                }
            }
            if (!send("content_block_stop", FakeAnthropicWire.contentBlockStop(index), sent)) {
                return false;
            }
        }
        return true;
    }

    private boolean pauseBetween(Duration delay, int sent) {
        if (!delay.isZero() && !ex.pause(delay, serverClosed)) {
            departure.left(ex, sent);
            return false;
        }
        return true;
    }

    private void endWithError() {
        if (send("error", FakeAnthropicWire.error(errorType, errorMessage), errorAt)) {
            end(errorAt);
        }
    }

    private boolean send(String name, ObjectNode data, int deltasSent) {
        try {
            ex.writeChunk(FakeAnthropicWire.event(name, data));
            return true;
        } catch (IOException e) {
            departure.left(ex, deltasSent);
            return false;
        }
    }

    private void end(int deltasSent) {
        try {
            ex.endChunked();
        } catch (IOException e) {
            departure.left(ex, deltasSent);
        }
    }
}
