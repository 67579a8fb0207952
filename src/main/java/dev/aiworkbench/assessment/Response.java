package dev.aiworkbench.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/** What the learner gave: the picked choices, a written answer, or a capability rating of 1 to 5. */
public sealed interface Response {
    /** Indexes of the picked choices, counted from 0, in ascending order. */
    record Choices(List<Integer> picked) implements Response {
        public Choices {
            picked = picked.stream().distinct().sorted().toList();
        }
    }

    record Text(String text) implements Response {
    }

    record Level(int level) implements Response {
    }

    /** The JSON kept in the database and in exports: a list of indexes, a string, or a number. */
    default JsonNode toJson() {
        return switch (this) {
            case Choices c -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                c.picked().forEach(array::add);
                yield array;
            }
            case Text t -> JsonNodeFactory.instance.textNode(t.text());
            case Level l -> JsonNodeFactory.instance.numberNode(l.level());
        };
    }

    /** @throws IllegalArgumentException the JSON is none of the three forms */
    static Response fromJson(JsonNode node) {
        if (node != null && node.isArray()) {
            List<Integer> picked = new ArrayList<>();
            for (JsonNode index : node) {
                if (!index.canConvertToExactIntegral() || !index.isNumber()) {
                    throw new IllegalArgumentException("a choice is given by its index (a whole number), not " + index);
                }
                picked.add(index.asInt());
            }
            return new Choices(picked);
        }
        if (node != null && node.isTextual()) {
            return new Text(node.asText());
        }
        if (node != null && node.isNumber() && node.canConvertToExactIntegral()) {
            return new Level(node.asInt());
        }
        throw new IllegalArgumentException("an answer is a choice index, a list of them, a text or a rating, not "
                + (node == null ? "nothing" : node.toString()));
    }
}
