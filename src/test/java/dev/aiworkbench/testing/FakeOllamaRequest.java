package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One request as the fake received it: method, path, headers in arrival order, raw and parsed body. */
public final class FakeOllamaRequest {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final JsonNode json;
    private final Instant at;

    FakeOllamaRequest(String method, String path, String query, List<Map.Entry<String, String>> headerList,
                      byte[] body, JsonNode json, Instant at) {
        this.method = method;
        this.path = path;
        this.query = query;
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> h : headerList) {
            map.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(map);
        this.body = body.clone();
        this.json = json;
        this.at = at;
    }

    public String method() {
        return method;
    }

    /** The path without the query, e.g. "/api/chat". */
    public String path() {
        return path;
    }

    /** The raw query string, or null. */
    public String query() {
        return query;
    }

    /** All headers; names are case-insensitive; a repeated header has several values. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header (e.g. Ollama4j sends Content-Type twice on GETs). */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The body as UTF-8 text, exactly as sent ("" if none). */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The parsed JSON body, or null if there was no body or it was not JSON. */
    public JsonNode json() {
        return json;
    }

    /** The "model" field of the body, else its "name" field, else null. */
    public String model() {
        if (json == null) {
            return null;
        }
        if (json.hasNonNull("model") && !json.get("model").asText().isEmpty()) {
            return json.get("model").asText();
        }
        return json.hasNonNull("name") ? json.get("name").asText() : null;
    }

    /** The {@code tools} the request offered (an empty array when none), in its own wire format. */
    public JsonNode tools() {
        JsonNode tools = json == null ? null : json.get("tools");
        return tools != null && tools.isArray() ? tools : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode();
    }

    /** The names of the offered tools, in order, whichever wire format (OpenAI's and Ollama's nest them). */
    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : tools()) {
            names.add(tool.has("function") ? tool.path("function").path("name").asText() : tool.path("name").asText());
        }
        return List.copyOf(names);
    }

    /**
     * The tool results the request sent back, in order: Ollama's and OpenAI's {@code role: tool} messages, or the
     * {@code tool_result} blocks of Anthropic's user turns.
     */
    public List<JsonNode> toolTurns() {
        List<JsonNode> turns = new ArrayList<>();
        JsonNode messages = json == null ? null : json.get("messages");
        if (messages == null || !messages.isArray()) {
            return List.of();
        }
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("tool")) {
                turns.add(message);
            }
            for (JsonNode block : message.path("content")) {
                if (block.path("type").asText().equals("tool_result")) {
                    turns.add(block);
                }
            }
        }
        return List.copyOf(turns);
    }

    /** When it arrived (wall clock). */
    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return method + " " + path + (body.length > 0 ? " " + body() : "");
    }
}
