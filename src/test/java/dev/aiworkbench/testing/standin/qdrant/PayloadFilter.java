package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Qdrant's filter over a point's id and payload: {@code must}, {@code should} (with {@code min_should}),
 * {@code must_not}, nested filters, and the conditions {@code match} (value, any, except, text), {@code range},
 * {@code values_count}, {@code is_empty}, {@code is_null} and {@code has_id}. Keys are dotted paths; {@code a[]}
 * steps into every element of an array, and a path that meets an array looks at each element, as in Qdrant.
 */
final class PayloadFilter {
    private final JsonNode filter;

    private PayloadFilter(JsonNode filter) {
        this.filter = filter;
    }

    /** A filter from a request body's {@code filter} member; a missing or null one lets every point through. */
    static PayloadFilter of(JsonNode filter) {
        if (filter != null && !filter.isNull() && !filter.isObject()) {
            throw QdrantError.format("the filter must be an object");
        }
        return new PayloadFilter(filter == null || filter.isNull() ? null : filter);
    }

    boolean test(PointId id, JsonNode payload) {
        return filter == null || matches(filter, id, payload);
    }

    private static boolean matches(JsonNode filter, PointId id, JsonNode payload) {
        List<JsonNode> must = clauses(filter.get("must"));
        for (JsonNode condition : must) {
            if (!condition(condition, id, payload)) {
                return false;
            }
        }
        for (JsonNode condition : clauses(filter.get("must_not"))) {
            if (condition(condition, id, payload)) {
                return false;
            }
        }
        List<JsonNode> should = clauses(filter.get("should"));
        if (!should.isEmpty()) {
            long met = should.stream().filter(c -> condition(c, id, payload)).count();
            if (met == 0) {
                return false;
            }
        }
        JsonNode minShould = filter.get("min_should");
        if (minShould != null && !minShould.isNull()) {
            List<JsonNode> conditions = clauses(minShould.get("conditions"));
            long met = conditions.stream().filter(c -> condition(c, id, payload)).count();
            return met >= minShould.path("min_count").asLong(1);
        }
        return true;
    }

    /** A clause may be one condition or a list of them. */
    private static List<JsonNode> clauses(JsonNode clause) {
        List<JsonNode> list = new ArrayList<>();
        if (clause == null || clause.isNull()) {
            return list;
        }
        if (clause.isArray()) {
            clause.forEach(list::add);
        } else {
            list.add(clause);
        }
        return list;
    }

    private static boolean condition(JsonNode condition, PointId id, JsonNode payload) {
        if (condition.has("must") || condition.has("should") || condition.has("must_not")
                || condition.has("min_should")) {
            return matches(condition, id, payload);
        }
        if (condition.has("has_id")) {
            for (JsonNode wanted : condition.get("has_id")) {
                if (PointId.parse(wanted).equals(id)) {
                    return true;
                }
            }
            return false;
        }
        if (condition.has("is_empty")) {
            // missing, null and [] are empty
            return values(payload, condition.get("is_empty").path("key").asText()).stream().allMatch(JsonNode::isNull);
        }
        if (condition.has("is_null")) {
            return values(payload, condition.get("is_null").path("key").asText(), false).stream()
                    .anyMatch(JsonNode::isNull);
        }
        if (condition.has("nested")) {
            JsonNode nested = condition.get("nested");
            for (JsonNode element : values(payload, nested.path("key").asText())) {
                if (element.isObject() && matches(nested.path("filter"), id, element)) {
                    return true;
                }
            }
            return false;
        }
        if (!condition.has("key")) {
            throw QdrantError.format("a filter condition needs a `key`, `has_id`, `is_empty`, `is_null`, `nested`"
                    + " or a nested filter: " + condition);
        }
        List<JsonNode> values = values(payload, condition.get("key").asText());
        if (condition.has("match")) {
            return match(condition.get("match"), values);
        }
        if (condition.has("range")) {
            JsonNode range = condition.get("range");
            return values.stream().filter(JsonNode::isNumber).anyMatch(v -> inRange(v.asDouble(), range));
        }
        if (condition.has("values_count")) {
            return inRange(values.stream().filter(v -> !v.isNull()).count(), condition.get("values_count"));
        }
        throw QdrantError.format("this stand-in does not know the filter condition " + condition);
    }

    private static boolean match(JsonNode match, List<JsonNode> values) {
        if (match.has("value")) {
            return values.stream().anyMatch(v -> same(v, match.get("value")));
        }
        if (match.has("any")) {
            for (JsonNode wanted : match.get("any")) {
                if (values.stream().anyMatch(v -> same(v, wanted))) {
                    return true;
                }
            }
            return false;
        }
        if (match.has("except")) {
            for (JsonNode unwanted : match.get("except")) {
                if (values.stream().anyMatch(v -> same(v, unwanted))) {
                    return false;
                }
            }
            return true;
        }
        if (match.has("text")) {
            return values.stream().anyMatch(v -> v.isTextual() && v.asText().contains(match.get("text").asText()));
        }
        throw QdrantError.format("this stand-in does not know the match " + match);
    }

    private static boolean same(JsonNode stored, JsonNode wanted) {
        if (stored.isNumber() && wanted.isNumber()) {
            return stored.isIntegralNumber() && wanted.isIntegralNumber() && stored.asLong() == wanted.asLong();
        }
        return stored.equals(wanted);
    }

    private static boolean inRange(double value, JsonNode range) {
        return (!range.hasNonNull("gt") || value > range.get("gt").asDouble())
                && (!range.hasNonNull("gte") || value >= range.get("gte").asDouble())
                && (!range.hasNonNull("lt") || value < range.get("lt").asDouble())
                && (!range.hasNonNull("lte") || value <= range.get("lte").asDouble());
    }

    static List<JsonNode> values(JsonNode payload, String key) {
        return values(payload, key, true);
    }

    /** The values at a dotted path; with {@code flatten}, arrays at the end are opened into their elements. */
    private static List<JsonNode> values(JsonNode payload, String key, boolean flatten) {
        List<JsonNode> current = new ArrayList<>(List.of(payload));
        for (String part : key.split("\\.")) {
            boolean each = part.endsWith("[]");
            String name = each ? part.substring(0, part.length() - 2) : part;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                for (JsonNode object : node.isArray() ? iterable(node) : List.of(node)) {
                    JsonNode value = object.isObject() ? object.get(name) : null;
                    if (value == null) {
                        continue;
                    }
                    if (each && value.isArray()) {
                        value.forEach(next::add);
                    } else {
                        next.add(value);
                    }
                }
            }
            current = next;
        }
        if (!flatten) {
            return current;
        }
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode value : current) {
            if (value.isArray()) {
                value.forEach(flat::add);
            } else {
                flat.add(value);
            }
        }
        return flat;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
