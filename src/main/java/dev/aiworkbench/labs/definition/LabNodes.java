package dev.aiworkbench.labs.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of a possibly invalid lab.yaml: the schema reports what is wrong, these take what is usable. */
final class LabNodes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabNodes() {
    }

    static JsonNode get(JsonNode node, String field) {
        return node == null || !node.isObject() ? null : node.get(field);
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = get(node, field);
        return value != null && value.isObject() ? value : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = get(node, field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = get(node, field);
        return value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.asInt() : null;
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode value = get(node, field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.asLong() : null;
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = get(node, field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = get(node, field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /** The items of an array field; empty when the field is absent or not an array. */
    static List<JsonNode> items(JsonNode node, String field) {
        JsonNode value = get(node, field);
        List<JsonNode> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(items::add);
        }
        return items;
    }

    static List<JsonNode> objects(JsonNode node, String field) {
        return items(node, field).stream().filter(JsonNode::isObject).toList();
    }

    static List<String> texts(JsonNode node, String field) {
        return items(node, field).stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    /** A copy made of Jackson's plain nodes (the parsed nodes also carry their source locations). */
    static JsonNode plain(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
