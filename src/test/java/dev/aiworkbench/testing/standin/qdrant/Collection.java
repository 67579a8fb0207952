package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One collection: its vector spaces, points (kept in id order) and payload indexes, with the point operations
 * of Qdrant's REST API. Not thread-safe: {@link Collections} serialises access.
 */
final class Collection {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The key of the unnamed vector in {@link Point#vectors}. */
    private static final String UNNAMED = "";

    private record Point(PointId id, Map<String, float[]> vectors, ObjectNode payload, long version) {
    }

    private record Hit(Point point, double score) {
    }

    private final JsonNode vectorsConfig;
    private final Map<String, VectorSpace> spaces = new LinkedHashMap<>();
    private final TreeMap<PointId, Point> points = new TreeMap<>();
    private final ObjectNode payloadSchema = JSON.objectNode();
    private long operation;

    /** A new collection from the body of {@code PUT /collections/{name}}. */
    Collection(JsonNode body) {
        JsonNode vectors = body.path("vectors");
        this.vectorsConfig = vectors.isMissingNode() || vectors.isNull() ? JSON.objectNode() : vectors.deepCopy();
        if (vectorsConfig.has("size") || vectorsConfig.has("distance")) {
            spaces.put(UNNAMED, VectorSpace.parse(null, vectorsConfig));
        } else {
            vectorsConfig.properties().forEach(e -> spaces.put(e.getKey(), VectorSpace.parse(e.getKey(), e.getValue())));
        }
    }

    // --- storage ------------------------------------------------------------------------------------------

    /** Everything, to write to the storage folder. */
    ObjectNode stored() {
        ObjectNode out = JSON.objectNode();
        out.set("vectors", vectorsConfig);
        out.set("payload_schema", payloadSchema);
        out.put("operation", operation);
        ArrayNode list = out.putArray("points");
        for (Point p : points.values()) {
            ObjectNode point = list.addObject();
            point.set("id", p.id().json());
            point.put("version", p.version());
            point.set("vector", vectors(p, null));
            point.set("payload", p.payload());
        }
        return out;
    }

    /** A collection as {@link #stored()} wrote it. */
    static Collection restored(JsonNode stored) {
        ObjectNode body = JSON.objectNode();
        body.set("vectors", stored.path("vectors"));
        Collection c = new Collection(body);
        c.payloadSchema.setAll((ObjectNode) stored.path("payload_schema"));
        c.operation = stored.path("operation").asLong();
        for (JsonNode point : stored.path("points")) {
            PointId id = PointId.parse(point.get("id"));
            c.points.put(id, new Point(id, c.vectors(point.get("vector")), (ObjectNode) point.get("payload"),
                    point.path("version").asLong()));
        }
        return c;
    }

    // --- collection ---------------------------------------------------------------------------------------

    /** {@code GET /collections/{name}}: a CollectionInfo shaped like Qdrant 1.12's. */
    ObjectNode info() {
        ObjectNode info = JSON.objectNode();
        info.put("status", "green").put("optimizer_status", "ok").put("indexed_vectors_count", 0)
                .put("points_count", points.size()).put("segments_count", 1);
        ObjectNode config = info.putObject("config");
        ObjectNode params = config.putObject("params");
        params.set("vectors", vectorsConfig);
        params.put("shard_number", 1).put("replication_factor", 1).put("write_consistency_factor", 1)
                .put("on_disk_payload", true);
        config.putObject("hnsw_config").put("m", 16).put("ef_construct", 100).put("full_scan_threshold", 10000)
                .put("max_indexing_threads", 0).put("on_disk", false);
        config.putObject("optimizer_config").put("deleted_threshold", 0.2).put("vacuum_min_vector_number", 1000)
                .put("default_segment_number", 0).putNull("max_segment_size").putNull("memmap_threshold")
                .put("indexing_threshold", 20000).put("flush_interval_sec", 5).putNull("max_optimization_threads");
        config.putObject("wal_config").put("wal_capacity_mb", 32).put("wal_segments_ahead", 0);
        config.putNull("quantization_config");
        ObjectNode schema = info.putObject("payload_schema");
        payloadSchema.properties().forEach(e -> schema.putObject(e.getKey()).put("data_type", e.getValue().asText())
                .put("points", (int) points.values().stream()
                        .filter(p -> !PayloadFilter.values(p.payload(), e.getKey()).isEmpty()).count()));
        return info;
    }

    /** {@code PUT /collections/{name}/index}: Qdrant builds an index; here only the schema is recorded. */
    long createIndex(JsonNode body) {
        String field = body.path("field_name").asText("");
        if (field.isEmpty()) {
            throw QdrantError.format("missing field `field_name`");
        }
        JsonNode schema = body.path("field_schema");
        payloadSchema.put(field, schema.isObject() ? schema.path("type").asText("keyword") : schema.asText("keyword"));
        return ++operation;
    }

    long deleteIndex(String field) {
        payloadSchema.remove(field);
        return ++operation;
    }

    // --- points -------------------------------------------------------------------------------------------

    /** {@code PUT /collections/{name}/points}: {@code points} or {@code batch}. */
    long upsert(JsonNode body) {
        List<Point> incoming = new ArrayList<>();
        long version = operation + 1;
        if (body.has("points")) {
            for (JsonNode point : body.get("points")) {
                PointId id = PointId.parse(point.get("id"));
                incoming.add(new Point(id, vectors(point.get("vector")), payload(point.get("payload")), version));
            }
        } else if (body.has("batch")) {
            JsonNode batch = body.get("batch");
            JsonNode ids = batch.path("ids");
            for (int i = 0; i < ids.size(); i++) {
                JsonNode vectors = batch.path("vectors");
                JsonNode vector;
                if (vectors.isArray()) {
                    vector = vectors.get(i);
                } else {
                    ObjectNode named = JSON.objectNode();
                    final int index = i;
                    vectors.properties().forEach(e -> named.set(e.getKey(), e.getValue().get(index)));
                    vector = named;
                }
                JsonNode payloads = batch.path("payloads");
                incoming.add(new Point(PointId.parse(ids.get(i)), vectors(vector),
                        payload(payloads.isArray() ? payloads.get(i) : null), version));
            }
        } else {
            throw QdrantError.format("expected `points` or `batch`");
        }
        operation = version;
        incoming.forEach(p -> points.put(p.id(), p));
        return operation;
    }

    /** {@code POST /collections/{name}/points/delete}: by {@code points} (ids) or by {@code filter}. */
    long delete(JsonNode body) {
        if (body.has("points")) {
            for (JsonNode id : body.get("points")) {
                points.remove(PointId.parse(id));
            }
        } else if (body.has("filter")) {
            PayloadFilter filter = PayloadFilter.of(body.get("filter"));
            points.values().removeIf(p -> filter.test(p.id(), p.payload()));
        } else {
            throw QdrantError.format("expected `points` or `filter`");
        }
        return ++operation;
    }

    /** {@code POST /collections/{name}/points/count}. */
    long count(JsonNode body) {
        PayloadFilter filter = PayloadFilter.of(body.get("filter"));
        return points.values().stream().filter(p -> filter.test(p.id(), p.payload())).count();
    }

    /** {@code POST /collections/{name}/points}: the records of these ids that exist, in the order asked. */
    ArrayNode retrieve(JsonNode body) {
        ArrayNode out = JSON.arrayNode();
        for (JsonNode raw : body.path("ids")) {
            Point p = points.get(PointId.parse(raw));
            if (p != null) {
                out.add(record(p, body.has("with_payload") ? body.get("with_payload") : JSON.booleanNode(true),
                        body.get("with_vector")));
            }
        }
        return out;
    }

    /** {@code GET /collections/{name}/points/{id}}. */
    ObjectNode point(PointId id) {
        Point p = points.get(id);
        if (p == null) {
            throw new QdrantError(404, "Not found: No point with id " + id + " found");
        }
        return record(p, JSON.booleanNode(true), JSON.booleanNode(true));
    }

    /** {@code POST /collections/{name}/points/scroll}: points in id order from {@code offset}. */
    ObjectNode scroll(JsonNode body) {
        PayloadFilter filter = PayloadFilter.of(body.get("filter"));
        int limit = body.path("limit").asInt(10);
        JsonNode withPayload = body.has("with_payload") ? body.get("with_payload") : JSON.booleanNode(true);
        Map<PointId, Point> from = body.hasNonNull("offset") ? points.tailMap(PointId.parse(body.get("offset")), true)
                : points;
        ArrayNode list = JSON.arrayNode();
        JsonNode next = JSON.nullNode();
        for (Point p : from.values()) {
            if (!filter.test(p.id(), p.payload())) {
                continue;
            }
            if (list.size() == limit) {
                next = p.id().json();
                break;
            }
            list.add(record(p, withPayload, body.get("with_vector")));
        }
        ObjectNode out = JSON.objectNode();
        out.set("points", list);
        out.set("next_page_offset", next);
        return out;
    }

    /** {@code POST /collections/{name}/points/query}: nearest neighbours of a vector or of a stored point. */
    ArrayNode query(JsonNode body) {
        if (body.hasNonNull("prefetch")) {
            throw QdrantError.badRequest("this stand-in does not support prefetch");
        }
        JsonNode query = body.get("query");
        if (query != null && query.isObject()) {
            if (!query.has("nearest")) {
                throw QdrantError.badRequest("this stand-in supports only nearest queries, not " + query);
            }
            query = query.get("nearest");
        }
        String using = body.hasNonNull("using") ? body.get("using").asText() : UNNAMED;
        if (query == null || query.isNull()) {
            PayloadFilter filter = PayloadFilter.of(body.get("filter"));
            List<Hit> all = points.values().stream().filter(p -> filter.test(p.id(), p.payload()))
                    .map(p -> new Hit(p, 0)).toList();
            return scored(page(all, body), body, false);
        }
        PointId exclude = null;
        float[] vector;
        if (query.isArray()) {
            vector = space(using).accept(query);
        } else {
            exclude = PointId.parse(query);
            Point p = points.get(exclude);
            if (p == null) {
                throw QdrantError.badRequest("No point with id " + exclude + " found");
            }
            vector = p.vectors().get(using);
            if (vector == null) {
                throw QdrantError.badRequest("Not existing vector name error: " + using);
            }
        }
        return scored(nearest(vector, using, exclude, body), body, true);
    }

    /** {@code POST /collections/{name}/points/search}, the API before the query one: a bare list. */
    ArrayNode search(JsonNode body) {
        JsonNode vector = body.get("vector");
        String using = UNNAMED;
        if (vector != null && vector.isObject()) {
            using = vector.path("name").asText();
            vector = vector.get("vector");
        }
        return scored(nearest(space(using).accept(vector), using, null, body), body, true);
    }

    private List<Hit> nearest(float[] vector, String using, PointId exclude, JsonNode body) {
        VectorSpace space = space(using);
        PayloadFilter filter = PayloadFilter.of(body.get("filter"));
        Double threshold = body.hasNonNull("score_threshold") ? body.get("score_threshold").asDouble() : null;
        List<Hit> hits = new ArrayList<>();
        for (Point p : points.values()) {
            float[] stored = p.vectors().get(using);
            if (stored == null || p.id().equals(exclude) || !filter.test(p.id(), p.payload())) {
                continue;
            }
            double score = space.distance().score(stored, vector);
            if (threshold == null || space.distance().passes(score, threshold)) {
                hits.add(new Hit(p, score));
            }
        }
        Comparator<Hit> order = Comparator.comparingDouble(Hit::score);
        hits.sort(space.distance().higherIsBetter() ? order.reversed() : order);
        return page(hits, body);
    }

    private static List<Hit> page(List<Hit> hits, JsonNode body) {
        int offset = Math.max(0, body.path("offset").asInt(0));
        int limit = body.path("limit").asInt(10);
        return hits.subList(Math.min(offset, hits.size()), Math.min(hits.size(), offset + Math.max(0, limit)));
    }

    private ArrayNode scored(List<Hit> hits, JsonNode body, boolean withScore) {
        ArrayNode out = JSON.arrayNode();
        for (Hit hit : hits) {
            ObjectNode point = JSON.objectNode();
            point.set("id", hit.point().id().json());
            point.put("version", hit.point().version());
            point.put("score", withScore ? (float) hit.score() : 0f);
            point.set("payload", payloadJson(hit.point(), body.get("with_payload")));
            point.set("vector", vectorJson(hit.point(), body.get("with_vector")));
            out.add(point);
        }
        return out;
    }

    private ObjectNode record(Point p, JsonNode withPayload, JsonNode withVector) {
        ObjectNode out = JSON.objectNode();
        out.set("id", p.id().json());
        out.set("payload", payloadJson(p, withPayload));
        out.set("vector", vectorJson(p, withVector));
        return out;
    }

    /** with_payload: true, false, a list of keys, or {include: [...]} / {exclude: [...]}. */
    private static JsonNode payloadJson(Point p, JsonNode selector) {
        if (selector == null || selector.isNull() || (selector.isBoolean() && !selector.asBoolean())) {
            return JSON.nullNode();
        }
        if (selector.isBoolean()) {
            return p.payload();
        }
        ObjectNode out = JSON.objectNode();
        if (selector.isArray() || selector.has("include")) {
            for (JsonNode key : selector.isArray() ? selector : selector.get("include")) {
                if (p.payload().has(key.asText())) {
                    out.set(key.asText(), p.payload().get(key.asText()));
                }
            }
            return out;
        }
        out.setAll(p.payload());
        selector.path("exclude").forEach(key -> out.remove(key.asText()));
        return out;
    }

    /** with_vector: true, false, or a list of vector names. */
    private static JsonNode vectorJson(Point p, JsonNode selector) {
        if (selector == null || selector.isNull() || (selector.isBoolean() && !selector.asBoolean())) {
            return JSON.nullNode();
        }
        return vectors(p, selector.isArray() ? selector : null);
    }

    private static JsonNode vectors(Point p, JsonNode names) {
        if (p.vectors().size() == 1 && p.vectors().containsKey(UNNAMED)) {
            return floats(p.vectors().get(UNNAMED));
        }
        ObjectNode out = JSON.objectNode();
        p.vectors().forEach((name, vector) -> {
            if (names == null || contains(names, name)) {
                out.set(name, floats(vector));
            }
        });
        return out;
    }

    private static boolean contains(JsonNode names, String name) {
        for (JsonNode n : names) {
            if (n.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode floats(float[] vector) {
        ArrayNode out = JSON.arrayNode(vector.length);
        for (float x : vector) {
            out.add(x);
        }
        return out;
    }

    /** A point's vectors: one array for the unnamed vector, or an object of named ones. */
    private Map<String, float[]> vectors(JsonNode vector) {
        Map<String, float[]> out = new LinkedHashMap<>();
        if (vector == null || vector.isNull()) {
            if (!spaces.isEmpty()) {
                throw QdrantError.format("missing field `vector`");
            }
            return out;
        }
        if (vector.isArray()) {
            out.put(UNNAMED, space(UNNAMED).accept(vector));
            return out;
        }
        vector.properties().forEach(e -> out.put(e.getKey(), space(e.getKey()).accept(e.getValue())));
        return out;
    }

    private VectorSpace space(String name) {
        VectorSpace space = spaces.get(name);
        if (space == null) {
            throw QdrantError.badRequest("Not existing vector name error: " + name);
        }
        return space;
    }

    private static ObjectNode payload(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return JSON.objectNode();
        }
        if (!payload.isObject()) {
            throw QdrantError.format("a payload must be an object, not " + payload);
        }
        return (ObjectNode) payload.deepCopy();
    }
}
