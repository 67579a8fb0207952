package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** The tool_use blocks of a whole answer, after its text: input as an object. */
    static void toolUses(ObjectNode message, List<FakeToolCall> calls, List<String> ids) {
        ArrayNode content = message.withArray("content");
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode block = content.addObject().put("type", "tool_use").put("id", ids.get(i))
                    .put("name", calls.get(i).name());
            try {
                block.set("input", JSON.readTree(calls.get(i).argumentsJson()));
            } catch (IOException e) {
                throw new IllegalArgumentException("Anthropic's whole answers carry input as an object", e);
            }
        }
    }

    static ObjectNode toolUseStart(int index, String id, String name) {
        ObjectNode data = object().put("type", "content_block_start").put("index", index);
        ObjectNode block = data.putObject("content_block").put("type", "tool_use").put("id", id).put("name", name);
        block.putObject("input");
        return data;
    }

    static ObjectNode inputJsonDelta(int index, String partialJson) {
        ObjectNode data = object().put("type", "content_block_delta").put("index", index);
        data.putObject("delta").put("type", "input_json_delta").put("partial_json", partialJson);
        return data;
    }

    /**
     * The API's 400s for tool turns that do not pair up: every {@code tool_use} of an assistant turn needs a
     * {@code tool_result} in the very next (user) turn, and every result a call in the turn before; inputs are
     * objects. Null when they pair up.
     */
    static String badToolTurns(JsonNode messages) {
        Set<String> open = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode message : messages) {
            Set<String> called = new LinkedHashSet<>();
            for (JsonNode block : message.path("content")) {
                String type = block.path("type").asText();
                if (type.equals("tool_use")) {
                    if (!block.path("input").isObject()) {
                        return "messages." + i + ".content: tool_use.input: Input should be a valid dictionary";
                    }
                    called.add(block.path("id").asText());
                } else if (type.equals("tool_result") && !open.remove(block.path("tool_use_id").asText())) {
                    return "messages." + i + ".content: unexpected `tool_use_id` found in `tool_result` blocks: "
                            + block.path("tool_use_id").asText() + ". Each `tool_result` block must have a"
                            + " corresponding `tool_use` block in the previous message.";
                }
            }
            if (!open.isEmpty()) {
                return "messages." + (i - 1) + ": `tool_use` ids were found without `tool_result` blocks immediately"
                        + " after: " + String.join(", ", open) + ". Each `tool_use` block must have a corresponding"
                        + " `tool_result` block in the next message.";
            }
            open.addAll(called);
            i++;
        }
        return null;
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
