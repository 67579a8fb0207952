package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The bytes of {@link FakeAnthropic}'s answers, in the Messages API's documented shapes (version 2023-06-01). */
final class FakeAnthropicWire {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    static final String APPLICATION_JSON = "application/json";
    private static final AtomicLong IDS = new AtomicLong(1);

    private FakeAnthropicWire() {
    }

    static String id(String prefix) {
        return prefix + "_01Fake" + String.format("%016d", IDS.getAndIncrement());
    }

    /** One event: its {@code event:} and {@code data:} lines and the blank line that ends it. */
    static byte[] event(String name, ObjectNode data) {
        return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode usage(int input, int output) {
        ObjectNode usage = object();
        usage.put("input_tokens", input);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", output);
        return usage;
    }

    /** The message object of message_start (empty content, no stop reason yet) and of a whole answer. */
    static ObjectNode message(String id, String model, List<String> text, String stopReason, ObjectNode usage) {
        ObjectNode message = object();
        message.put("id", id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        ArrayNode content = message.putArray("content");
        if (text != null) {
            ObjectNode block = content.addObject();
            block.put("type", "text");
            block.put("text", String.join("", text));
        }
        if (stopReason == null) {
            message.putNull("stop_reason");
        } else {
            message.put("stop_reason", stopReason);
        }
        message.putNull("stop_sequence");
        message.set("usage", usage);
        return message;
    }

    static ObjectNode messageStart(ObjectNode message) {
        ObjectNode data = object().put("type", "message_start");
        data.set("message", message);
        return data;
    }

    static ObjectNode contentBlockStart(int index) {
        ObjectNode data = object().put("type", "content_block_start").put("index", index);
        data.putObject("content_block").put("type", "text").put("text", "");
        return data;
    }

    static ObjectNode ping() {
        return object().put("type", "ping");
    }

    static ObjectNode textDelta(int index, String text) {
        ObjectNode data = object().put("type", "content_block_delta").put("index", index);
        data.putObject("delta").put("type", "text_delta").put("text", text);
        return data;
    }

    static ObjectNode contentBlockStop(int index) {
        return object().put("type", "content_block_stop").put("index", index);
    }

    static ObjectNode messageDelta(String stopReason, int outputTokens) {
        ObjectNode data = object().put("type", "message_delta");
        data.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        data.putObject("usage").put("output_tokens", outputTokens);
        return data;
    }

    static ObjectNode messageStop() {
        return object().put("type", "message_stop");
    }

    /** The error object of an error body and of an {@code error} event. */
    static ObjectNode error(String type, String message) {
        ObjectNode body = object().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }

    /** An error body as the API answers it, with the request's id. */
    static byte[] errorBody(String type, String message) {
        ObjectNode body = error(type, message);
        body.put("request_id", id("req"));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode modelEntry(String id, String displayName, String createdAt) {
        return object().put("type", "model").put("id", id).put("display_name", displayName)
                .put("created_at", createdAt);
    }
}
