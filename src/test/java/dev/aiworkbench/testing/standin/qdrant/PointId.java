package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Locale;
import java.util.UUID;

/**
 * A point id as Qdrant takes it: an unsigned 64-bit integer or a UUID (kept in its hyphenated lower-case form).
 * Integers sort before UUIDs, as in Qdrant's scroll order.
 */
record PointId(Long number, String uuid) implements Comparable<PointId> {

    static PointId parse(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return new PointId(node.asLong(), null);
        }
        if (node != null && node.isTextual()) {
            try {
                return new PointId(null, UUID.fromString(node.asText()).toString().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
        }
        throw QdrantError.format("value " + node + " is not a valid point ID, valid values are either an unsigned"
                + " integer or a UUID");
    }

    JsonNode json() {
        return number != null ? JsonNodeFactory.instance.numberNode(number) : JsonNodeFactory.instance.textNode(uuid);
    }

    @Override
    public int compareTo(PointId other) {
        if (number != null && other.number != null) {
            return Long.compareUnsigned(number, other.number);
        }
        if (number != null || other.number != null) {
            return number != null ? -1 : 1;
        }
        return uuid.compareTo(other.uuid);
    }

    @Override
    public String toString() {
        return number != null ? Long.toUnsignedString(number) : uuid;
    }
}
