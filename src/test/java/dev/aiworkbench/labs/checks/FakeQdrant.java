package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Qdrant REST server for tests, after section 4 of the shared reference (ollama-qdrant-testcontainers.md):
 * {@code {"result":..,"status":"ok","time":..}} envelopes, {@code {"status":{"error":".."},"time":..}} errors with
 * their status codes (404 for a missing collection, 409 for one that exists, 400 for a wrong dimension), the
 * {@code api-key} header (or a bearer token) when a key is set (401 without it), and the endpoints the checks use:
 * {@code GET /}, {@code PUT|GET|DELETE /collections/{name}}, {@code PUT /collections/{name}/points},
 * {@code POST /collections/{name}/points/count} and {@code POST /collections/{name}/points/query}. Unknown routes
 * answer 404 with an empty body, as actix does.
 */
final class FakeQdrant implements AutoCloseable {
    static final String VERSION = "1.20.3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE = Pattern.compile("^/collections/([^/]+)(/points(?:/(count|query))?)?/?$");

    record Point(JsonNode id, Map<String, float[]> vectors, JsonNode payload) {
    }

    record Space(int size, String distance) {
    }

    static final class Collection {
        final Map<String, Space> spaces = new LinkedHashMap<>(); // "" for the unnamed vector
        final Map<String, Point> points = new LinkedHashMap<>();
    }

    /** A request as received. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String apiKey;
    private final Map<String, Collection> collections = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private FakeQdrant(String apiKey) {
        this.apiKey = apiKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeQdrant start() {
        return new FakeQdrant(null);
    }

    static FakeQdrant withApiKey(String key) {
        return new FakeQdrant(key);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized FakeQdrant collection(String name, int size, String distance) {
        Collection c = new Collection();
        c.spaces.put("", new Space(size, distance));
        collections.put(name, c);
        return this;
    }

    synchronized FakeQdrant namedCollection(String name, Map<String, Space> spaces) {
        Collection c = new Collection();
        c.spaces.putAll(spaces);
        collections.put(name, c);
        return this;
    }

    synchronized FakeQdrant point(String collection, long id, float[] vector, Map<String, Object> payload) {
        return namedPoint(collection, id, "", vector, payload);
    }

    synchronized FakeQdrant namedPoint(String collection, long id, String vectorName, float[] vector,
                                       Map<String, Object> payload) {
        Collection c = collections.get(collection);
        c.points.put(String.valueOf(id), new Point(JSON.valueToTree(id), Map.of(vectorName, vector),
                JSON.valueToTree(payload)));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            Request request = new Request(method, path, Map.copyOf(exchange.getRequestHeaders()), body);
            synchronized (this) {
                requests.add(request);
            }
            if (apiKey != null && !path.equals("/") && !path.equals("/healthz") && !path.equals("/readyz")
                    && !apiKey.equals(request.header("api-key"))
                    && !("Bearer " + apiKey).equals(request.header("Authorization"))) {
                send(exchange, 401, "text/plain; charset=utf-8", "Must provide an API key or an Authorization bearer token");
                return;
            }
            if (path.equals("/") && method.equals("GET")) {
                ObjectNode root = JSON.createObjectNode().put("title", "qdrant - vector search engine")
                        .put("version", VERSION).put("commit", "0000000000000000000000000000000000000000");
                send(exchange, 200, "application/json", JSON.writeValueAsString(root));
                return;
            }
            Matcher m = ROUTE.matcher(path);
            if (!m.matches()) {
                send(exchange, 404, null, "");
                return;
            }
            String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            String points = m.group(2);
            String action = m.group(3);
            synchronized (this) {
                Collection c = collections.get(name);
                if (points == null && method.equals("PUT")) {
                    if (c != null) {
                        error(exchange, 409, "Wrong input: Collection `" + name + "` already exists!");
                        return;
                    }
                    create(name, request.json());
                    ok(exchange, JSON.getNodeFactory().booleanNode(true));
                    return;
                }
                if (c == null) {
                    error(exchange, 404, "Not found: Collection `" + name + "` doesn't exist!");
                    return;
                }
                if (points == null && method.equals("GET")) {
                    ok(exchange, info(c));
                } else if (points == null && method.equals("DELETE")) {
                    collections.remove(name);
                    ok(exchange, JSON.getNodeFactory().booleanNode(true));
                } else if (action == null && method.equals("PUT")) {
                    upsert(exchange, c, request.json());
                } else if ("count".equals(action) && method.equals("POST")) {
                    ok(exchange, JSON.createObjectNode().put("count", c.points.size()));
                } else if ("query".equals(action) && method.equals("POST")) {
                    query(exchange, c, request.json());
                } else {
                    send(exchange, 404, null, "");
                }
            }
        }
    }

    private void create(String name, JsonNode body) {
        Collection c = new Collection();
        JsonNode vectors = body.path("vectors");
        if (vectors.has("size")) {
            c.spaces.put("", new Space(vectors.path("size").asInt(), vectors.path("distance").asText()));
        } else {
            vectors.properties().forEach(e -> c.spaces.put(e.getKey(),
                    new Space(e.getValue().path("size").asInt(), e.getValue().path("distance").asText())));
        }
        collections.put(name, c);
    }

    private static ObjectNode info(Collection c) {
        ObjectNode result = JSON.createObjectNode().put("status", "green").put("optimizer_status", "ok")
                .put("indexed_vectors_count", 0).put("points_count", c.points.size()).put("segments_count", 2);
        ObjectNode params = result.putObject("config").putObject("params");
        if (c.spaces.containsKey("")) {
            Space s = c.spaces.get("");
            params.putObject("vectors").put("size", s.size()).put("distance", s.distance());
        } else {
            ObjectNode vectors = params.putObject("vectors");
            c.spaces.forEach((n, s) -> vectors.putObject(n).put("size", s.size()).put("distance", s.distance()));
        }
        params.put("shard_number", 1).put("replication_factor", 1).put("write_consistency_factor", 1)
                .put("on_disk_payload", true);
        result.putObject("payload_schema");
        return result;
    }

    private void upsert(HttpExchange exchange, Collection c, JsonNode body) throws IOException {
        for (JsonNode p : body.path("points")) {
            JsonNode vector = p.path("vector");
            Map<String, float[]> vectors = new LinkedHashMap<>();
            if (vector.isArray()) {
                vectors.put("", floats(vector));
            } else {
                vector.properties().forEach(e -> vectors.put(e.getKey(), floats(e.getValue())));
            }
            for (Map.Entry<String, float[]> v : vectors.entrySet()) {
                Space s = c.spaces.get(v.getKey());
                if (s == null || s.size() != v.getValue().length) {
                    error(exchange, 400, "Wrong input: Vector dimension error: expected dim: " + (s == null ? 0 : s.size())
                            + ", got " + v.getValue().length);
                    return;
                }
            }
            c.points.put(p.path("id").asText(), new Point(p.path("id"), vectors, p.path("payload")));
        }
        ok(exchange, JSON.createObjectNode().put("operation_id", 0).put("status", "completed"));
    }

    private void query(HttpExchange exchange, Collection c, JsonNode body) throws IOException {
        String using = body.path("using").asText("");
        Space space = c.spaces.get(using);
        if (space == null) {
            error(exchange, 400, "Wrong input: Not existing vector name error: " + using);
            return;
        }
        float[] query = floats(body.path("query"));
        if (query.length != space.size()) {
            error(exchange, 400, "Wrong input: Vector dimension error: expected dim: " + space.size() + ", got "
                    + query.length);
            return;
        }
        int limit = body.path("limit").asInt(10);
        boolean withPayload = body.path("with_payload").asBoolean(false);
        boolean ascending = space.distance().equals("Euclid") || space.distance().equals("Manhattan");
        record Scored(Point point, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Point p : c.points.values()) {
            float[] v = p.vectors().get(using);
            if (v != null) {
                scored.add(new Scored(p, score(space.distance(), query, v)));
            }
        }
        Comparator<Scored> order = Comparator.comparingDouble(Scored::score);
        scored.sort(ascending ? order : order.reversed());
        ObjectNode result = JSON.createObjectNode();
        ArrayNode hits = result.putArray("points");
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            ObjectNode hit = hits.addObject();
            hit.set("id", s.point().id());
            hit.put("version", 0).put("score", s.score());
            if (withPayload) {
                hit.set("payload", s.point().payload());
            }
        }
        ok(exchange, result);
    }

    private static double score(String distance, float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double euclid = 0;
        double manhattan = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
            euclid += (a[i] - b[i]) * (a[i] - b[i]);
            manhattan += Math.abs(a[i] - b[i]);
        }
        return switch (distance) {
            case "Cosine" -> na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
            case "Dot" -> dot;
            case "Euclid" -> Math.sqrt(euclid);
            default -> manhattan;
        };
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    private static void ok(HttpExchange exchange, JsonNode result) throws IOException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("result", result);
        envelope.put("status", "ok").put("time", 0.000042);
        send(exchange, 200, "application/json", JSON.writeValueAsString(envelope));
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("status").put("error", message);
        envelope.put("time", 0.000017);
        send(exchange, status, "application/json", JSON.writeValueAsString(envelope));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
