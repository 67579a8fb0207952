package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.labs.definition.CheckSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Check specs and contexts for tests, written as a lab would. */
final class Specs {
    static final ObjectMapper JSON = new ObjectMapper();

    private Specs() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON path → expected value, from pairs of a path and a JSON text. */
    static Map<String, JsonNode> paths(String... pairs) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], json(pairs[i + 1]));
        }
        return map;
    }

    static CheckSpec.Http get(String url) {
        return http("GET", url, Map.of(), null, null, Map.of(), null, null, null);
    }

    static CheckSpec.Http http(String method, String url, Map<String, String> headers, JsonNode body, Integer status,
                               Map<String, JsonNode> jsonPaths, JsonNode schema, String contains, Long maxLatencyMs) {
        return new CheckSpec.Http("http-check", "An http check", null, null, method, url, headers, body, status,
                jsonPaths, schema, contains, maxLatencyMs);
    }

    static CheckSpec.Http withTimeout(CheckSpec.Http s, Duration timeout) {
        return new CheckSpec.Http(s.id(), s.title(), timeout, s.hint(), s.method(), s.url(), s.headers(), s.body(),
                s.status(), s.jsonPaths(), s.schema(), s.contains(), s.maxLatencyMs());
    }

    static CheckSpec.Qdrant qdrant(String collection, Integer size, String distance, Integer minPoints) {
        return new CheckSpec.Qdrant("qdrant-check", "A qdrant check", null, null, collection, size, distance, minPoints,
                null, null, null);
    }

    static CheckSpec.Qdrant qdrantText(String collection, String text, Map<String, JsonNode> topHit) {
        return new CheckSpec.Qdrant("qdrant-check", "A qdrant check", null, null, collection, null, null, null, text,
                null, topHit);
    }

    static CheckSpec.Qdrant qdrantVector(String collection, List<Double> vector, Map<String, JsonNode> topHit) {
        return new CheckSpec.Qdrant("qdrant-check", "A qdrant check", null, null, collection, null, null, null, null,
                vector, topHit);
    }

    static CheckSpec.Ollama ollama(String model, String prompt, String contains, boolean json) {
        return new CheckSpec.Ollama("ollama-check", "An ollama check", null, null, model, prompt, contains, json);
    }

    static CheckSpec.File file(String path, String pattern) {
        return new CheckSpec.File("file-check", "A file check", null, null, path, pattern);
    }

    static CheckSpec.Command command(Duration timeout, int exit, String pattern, String... run) {
        return new CheckSpec.Command("command-check", "A command check", timeout, null, List.of(run), exit, pattern);
    }

    static CheckSpec.Eval eval(String suite, double minPassRate) {
        return new CheckSpec.Eval("eval-check", "An eval check", null, null, suite, minPassRate);
    }

    static ServiceEndpoints fastapi(URI uri) {
        return new ServiceEndpoints(Optional.of(uri), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static ServiceEndpoints qdrant(URI uri, String apiKey) {
        return new ServiceEndpoints(Optional.empty(), Optional.of(uri), Optional.of("127.0.0.1:6334"), Optional.empty(),
                Optional.ofNullable(apiKey));
    }

    static ServiceEndpoints qdrantAndOllama(URI qdrant, URI ollama) {
        return new ServiceEndpoints(Optional.empty(), Optional.of(qdrant), Optional.empty(), Optional.of(ollama),
                Optional.empty());
    }

    static ServiceEndpoints ollama(URI uri) {
        return new ServiceEndpoints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(uri),
                Optional.empty());
    }

    static CheckContext context(java.nio.file.Path workspace) {
        return CheckContext.of(workspace);
    }
}
