package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The REST routes of Qdrant that the labs, their checks and the workbench call: the service probes, collections
 * (create, get, exists, delete, list, payload index) and points (upsert, retrieve, delete, count, scroll, query,
 * and the older search). Answers use Qdrant's envelope ({@code result}, {@code status}, {@code time}) and its
 * error shape; with an API key every route but the probes wants the {@code api-key} header or a bearer token.
 */
final class QdrantRoutes implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> OPEN = Set.of("/", "/healthz", "/livez", "/readyz");

    private final Collections collections;
    private final String version;
    private final Optional<String> apiKey;
    private final PrintStream log;

    QdrantRoutes(Collections collections, String version, Optional<String> apiKey, PrintStream log) {
        this.collections = collections;
        this.version = version;
        this.apiKey = apiKey;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (apiKey.isPresent() && !OPEN.contains(path) && !authorised(exchange)) {
                status = send(exchange, 401, "text/plain; charset=utf-8",
                        "Must provide an API key or an Authorization bearer token".getBytes(StandardCharsets.UTF_8));
            } else {
                status = route(exchange, segments(path), started);
            }
        }
        log.printf("INFO actix_web::middleware::logger: %s \"%s %s %s\" %d %.6f%n",
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getRequestMethod(),
                exchange.getRequestURI(), exchange.getProtocol(), status, (System.nanoTime() - started) / 1e9);
    }

    private boolean authorised(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("api-key");
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        return apiKey.get().equals(key) || ("Bearer " + apiKey.get()).equals(bearer);
    }

    private int route(HttpExchange exchange, List<String> path, long started) throws IOException {
        String method = exchange.getRequestMethod();
        try {
            if (path.isEmpty() && method.equals("GET")) {
                ObjectNode root = NODES.objectNode().put("title", "qdrant - vector search engine")
                        .put("version", version).put("commit", "workbench-test-stand-in");
                return send(exchange, 200, "application/json", JSON.writeValueAsBytes(root));
            }
            if (path.size() == 1 && method.equals("GET")) {
                switch (path.get(0)) {
                    case "healthz", "livez" -> {
                        return text(exchange, "healthz check passed");
                    }
                    case "readyz" -> {
                        return text(exchange, "all shards are ready");
                    }
                    default -> {
                        // not a probe: falls through to the collections or to 404
                    }
                }
            }
            if (path.isEmpty() || !path.get(0).equals("collections")) {
                return send(exchange, 404, null, new byte[0]);
            }
            Object result = collectionRoute(exchange, method, path);
            if (result == null) {
                return send(exchange, 404, null, new byte[0]);
            }
            return envelope(exchange, 200, "result", (JsonNode) result, started);
        } catch (QdrantError e) {
            return envelope(exchange, e.status, "status", NODES.objectNode().put("error", e.getMessage()), started);
        }
    }

    /** @return the result, or null when no route fits */
    private Object collectionRoute(HttpExchange exchange, String method, List<String> path) throws IOException {
        if (path.size() == 1) {
            if (!method.equals("GET")) {
                return null;
            }
            ObjectNode result = NODES.objectNode();
            collections.names().forEach(n -> result.withArray("collections").addObject().put("name", n));
            result.withArray("collections");
            return result;
        }
        String name = path.get(1);
        String rest = String.join("/", path.subList(2, path.size()));
        switch (method + " " + rest) {
            case "GET " -> {
                return collections.read(name, Collection::info);
            }
            case "PUT " -> {
                collections.create(name, body(exchange));
                return NODES.booleanNode(true);
            }
            case "PATCH " -> {
                collections.read(name, c -> true);
                return NODES.booleanNode(true);
            }
            case "DELETE " -> {
                collections.delete(name);
                return NODES.booleanNode(true);
            }
            case "GET exists" -> {
                return NODES.objectNode().put("exists", collections.exists(name));
            }
            case "PUT index", "POST index" -> {
                JsonNode body = body(exchange);
                return operation(exchange, collections.change(name, c -> c.createIndex(body)));
            }
            case "PUT points" -> {
                JsonNode body = body(exchange);
                return operation(exchange, collections.change(name, c -> c.upsert(body)));
            }
            case "POST points" -> {
                JsonNode body = body(exchange);
                return collections.read(name, c -> c.retrieve(body));
            }
            case "POST points/delete" -> {
                JsonNode body = body(exchange);
                return operation(exchange, collections.change(name, c -> c.delete(body)));
            }
            case "POST points/count" -> {
                JsonNode body = body(exchange);
                long count = collections.read(name, c -> c.count(body));
                return NODES.objectNode().put("count", count);
            }
            case "POST points/scroll" -> {
                JsonNode body = body(exchange);
                return collections.read(name, c -> c.scroll(body));
            }
            case "POST points/query" -> {
                JsonNode body = body(exchange);
                ObjectNode result = NODES.objectNode();
                result.set("points", collections.read(name, c -> c.query(body)));
                return result;
            }
            case "POST points/search" -> {
                JsonNode body = body(exchange);
                return collections.read(name, c -> c.search(body));
            }
            default -> {
                if (method.equals("GET") && path.size() == 4 && path.get(2).equals("points")) {
                    PointId id = PointId.parse(path.get(3).matches("\\d+") ? NODES.numberNode(Long.parseUnsignedLong(
                            path.get(3))) : NODES.textNode(path.get(3)));
                    return collections.read(name, c -> c.point(id));
                }
                if (method.equals("DELETE") && path.size() == 4 && path.get(2).equals("index")) {
                    return operation(exchange, collections.change(name, c -> c.deleteIndex(path.get(3))));
                }
                return null;
            }
        }
    }

    /** An UpdateResult: {@code completed} when the client waited ({@code ?wait=true}), else {@code acknowledged}. */
    private static ObjectNode operation(HttpExchange exchange, long id) {
        String query = exchange.getRequestURI().getRawQuery();
        boolean waited = query != null && List.of(query.split("&")).contains("wait=true");
        return NODES.objectNode().put("operation_id", id).put("status", waited ? "completed" : "acknowledged");
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return NODES.objectNode();
        }
        try {
            JsonNode body = JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw QdrantError.format("expected a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw QdrantError.format(e.getOriginalMessage());
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static int envelope(HttpExchange exchange, int status, String key, JsonNode value, long started)
            throws IOException {
        ObjectNode body = NODES.objectNode();
        body.set(key, value);
        if (status == 200) {
            body.put("status", "ok");
        }
        body.put("time", (System.nanoTime() - started) / 1e9);
        return send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static int text(HttpExchange exchange, String text) throws IOException {
        return send(exchange, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }
}
