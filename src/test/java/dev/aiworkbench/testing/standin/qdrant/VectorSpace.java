package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/**
 * One vector space of a collection: its name (null for the unnamed vector), size and distance. Scores follow
 * Qdrant: Cosine and Dot are similarities (higher first; Cosine vectors are normalised when stored), Euclid and
 * Manhattan are distances (lower first).
 */
record VectorSpace(String name, int size, Distance distance) {

    enum Distance {
        COSINE("Cosine"), EUCLID("Euclid"), DOT("Dot"), MANHATTAN("Manhattan");

        final String wire;

        Distance(String wire) {
            this.wire = wire;
        }

        static Distance parse(JsonNode node) {
            for (Distance d : values()) {
                if (d.wire.equals(node.asText())) {
                    return d;
                }
            }
            throw QdrantError.format("unknown variant `" + node.asText() + "`, expected one of `Cosine`, `Euclid`,"
                    + " `Dot`, `Manhattan`");
        }

        boolean higherIsBetter() {
            return this == COSINE || this == DOT;
        }

        double score(float[] stored, float[] query) {
            double sum = 0;
            for (int i = 0; i < stored.length; i++) {
                switch (this) {
                    case COSINE, DOT -> sum += stored[i] * query[i];
                    case EUCLID -> sum += (stored[i] - query[i]) * (stored[i] - query[i]);
                    case MANHATTAN -> sum += Math.abs(stored[i] - query[i]);
                }
            }
            return this == EUCLID ? Math.sqrt(sum) : sum;
        }

        /** Whether a score passes a score_threshold: at least it for similarities, at most it for distances. */
        boolean passes(double score, double threshold) {
            return higherIsBetter() ? score >= threshold : score <= threshold;
        }
    }

    static VectorSpace parse(String name, JsonNode params) {
        if (!params.path("size").canConvertToInt() || params.path("size").asInt() < 1) {
            throw QdrantError.format("missing or invalid field `size` of the vector params");
        }
        if (!params.has("distance")) {
            throw QdrantError.format("missing field `distance`");
        }
        return new VectorSpace(name, params.path("size").asInt(), Distance.parse(params.path("distance")));
    }

    ObjectNode json() {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("size", size).put("distance", distance.wire);
        return params;
    }

    /** A vector checked against this space, normalised for Cosine as Qdrant stores it. */
    float[] accept(JsonNode values) {
        if (values == null || !values.isArray()) {
            throw QdrantError.format("the vector" + (name == null ? "" : " '" + name + "'") + " must be an array of"
                    + " numbers");
        }
        if (values.size() != size) {
            throw QdrantError.badRequest("Vector dimension error: expected dim: " + size + ", got " + values.size());
        }
        float[] vector = new float[size];
        for (int i = 0; i < size; i++) {
            if (!values.get(i).isNumber()) {
                throw QdrantError.format("the vector holds " + values.get(i) + ", which is not a number");
            }
            vector[i] = (float) values.get(i).asDouble();
        }
        return distance == Distance.COSINE ? normalised(vector) : vector;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        if (norm == 0) {
            return vector;
        }
        double length = Math.sqrt(norm);
        float[] out = Arrays.copyOf(vector, vector.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] / length);
        }
        return out;
    }
}
