package dev.aiworkbench.labs.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aiworkbench.labs.definition.LabNodes.bool;
import static dev.aiworkbench.labs.definition.LabNodes.get;
import static dev.aiworkbench.labs.definition.LabNodes.integer;
import static dev.aiworkbench.labs.definition.LabNodes.items;
import static dev.aiworkbench.labs.definition.LabNodes.longValue;
import static dev.aiworkbench.labs.definition.LabNodes.number;
import static dev.aiworkbench.labs.definition.LabNodes.object;
import static dev.aiworkbench.labs.definition.LabNodes.objects;
import static dev.aiworkbench.labs.definition.LabNodes.plain;
import static dev.aiworkbench.labs.definition.LabNodes.text;
import static dev.aiworkbench.labs.definition.LabNodes.texts;

/**
 * Builds the lab model from a parsed lab.yaml, taking every part that is usable and leaving out parts that lack
 * what identifies or defines them (a step or check without an id, a check without its required fields).
 * Problems are the schema's and the rules' business.
 */
final class LabAssembler {
    private LabAssembler() {
    }

    /**
     * @param folderId the lab's folder name, used as its id (the rules report an id that differs)
     * @param guides   the text of each step's guide, by the step's node
     */
    static Optional<LabDefinition> assemble(JsonNode root, String folderId, String folderName,
                                            Map<JsonNode, String> guides) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        List<Integer> weeks = items(root, "weeks").stream().filter(w -> w.isIntegralNumber() && w.canConvertToInt())
                .map(JsonNode::asInt).toList();
        List<ServiceSpec> services = new ArrayList<>();
        for (JsonNode service : items(root, "services")) {
            service(service).filter(s -> services.stream().noneMatch(o -> o.type() == s.type()))
                    .ifPresent(services::add);
        }
        List<LabStep> steps = new ArrayList<>();
        for (JsonNode step : objects(root, "steps")) {
            String id = text(step, "id");
            if (id != null) {
                List<CheckSpec> checks = objects(step, "checks").stream().map(LabAssembler::check)
                        .flatMap(Optional::stream).toList();
                steps.add(new LabStep(id, orElse(text(step, "title"), id), guides.get(step), checks));
            }
        }
        JsonNode workspace = object(root, "workspace");
        return Optional.of(new LabDefinition(folderId, orElse(text(root, "title"), folderId),
                orElse(text(root, "summary"), ""), weeks, texts(root, "marks"), services, steps,
                text(workspace, "starter"), text(workspace, "solution"), Boolean.TRUE.equals(bool(workspace, "stub")),
                folderName));
    }

    /** A service written as its name or as an object with a type; empty when the type is not one the app knows. */
    static Optional<ServiceSpec> service(JsonNode node) {
        String type = node.isTextual() ? node.asText() : text(node, "type");
        ServiceType serviceType = serviceType(type);
        if (serviceType == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(ServiceSpec.of(serviceType));
        }
        return Optional.of(new ServiceSpec(serviceType, text(node, "model"), text(node, "embedModel"),
                text(node, "apiKey"), text(node, "app")));
    }

    static ServiceType serviceType(String id) {
        for (ServiceType type : ServiceType.values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        return null;
    }

    static Optional<CheckSpec> check(JsonNode node) {
        String id = text(node, "id");
        String type = text(node, "type");
        if (id == null || type == null) {
            return Optional.empty();
        }
        String title = orElse(text(node, "title"), id);
        Double seconds = number(node, "timeout");
        Duration timeout = seconds != null && seconds > 0 && seconds <= 3600
                ? Duration.ofNanos(Math.round(seconds * 1e9)) : CheckSpec.DEFAULT_TIMEOUT;
        String hint = text(node, "hint");
        JsonNode expect = object(node, "expect");
        return switch (type) {
            case "http" -> http(node, id, title, timeout, hint, expect);
            case "qdrant" -> qdrant(node, id, title, timeout, hint);
            case "ollama" -> Optional.ofNullable(text(node, "model")).map(model -> new CheckSpec.Ollama(id, title,
                    timeout, hint, model, text(node, "prompt"), text(expect, "contains"),
                    Boolean.TRUE.equals(bool(expect, "json"))));
            case "file" -> Optional.ofNullable(text(node, "path")).map(path -> new CheckSpec.File(id, title, timeout,
                    hint, path, text(node, "contains"), plain(get(node, "schema"))));
            case "command" -> {
                List<String> run = texts(node, "run");
                yield run.isEmpty() || run.size() != items(node, "run").size() ? Optional.empty()
                        : Optional.of(new CheckSpec.Command(id, title, timeout, hint, run,
                        orElse(integer(expect, "exitCode"), 0), text(expect, "output")));
            }
            case "tool-choice" -> toolChoice(node, id, title, timeout, hint, expect);
            case "eval" -> {
                String suite = text(node, "suite");
                Double rate = number(node, "minPassRate");
                yield suite == null || rate == null ? Optional.empty()
                        : Optional.of(new CheckSpec.Eval(id, title, timeout, hint, suite, rate));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<CheckSpec> http(JsonNode node, String id, String title, Duration timeout, String hint,
                                            JsonNode expect) {
        String url = text(node, "url");
        if (url == null) {
            return Optional.empty();
        }
        JsonNode body = get(node, "body");
        String method = orElse(text(node, "method"), body == null ? "GET" : "POST");
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = object(node, "headers");
        if (headerNode != null) {
            headerNode.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    headers.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        Map<String, JsonNode> jsonPaths = new LinkedHashMap<>();
        JsonNode json = object(expect, "json");
        if (json != null) {
            json.properties().forEach(e -> jsonPaths.put(e.getKey(), plain(e.getValue())));
        }
        return Optional.of(new CheckSpec.Http(id, title, timeout, hint, method, url, unmodifiable(headers), plain(body),
                integer(expect, "status"), unmodifiable(jsonPaths), plain(get(expect, "schema")),
                text(expect, "contains"), longValue(expect, "maxLatencyMs")));
    }

    private static Optional<CheckSpec> toolChoice(JsonNode node, String id, String title, Duration timeout,
                                                  String hint, JsonNode expect) {
        List<String> tools = texts(node, "tools");
        String model = text(node, "model");
        String prompt = text(node, "prompt");
        String tool = text(expect, "tool");
        if (tools.isEmpty() || tools.size() != items(node, "tools").size() || model == null || prompt == null
                || tool == null) {
            return Optional.empty();
        }
        Map<String, JsonNode> arguments = new LinkedHashMap<>();
        JsonNode expected = object(expect, "arguments");
        if (expected != null) {
            expected.properties().forEach(e -> arguments.put(e.getKey(), plain(e.getValue())));
        }
        return Optional.of(new CheckSpec.ToolChoice(id, title, timeout, hint, tools, model, text(node, "system"),
                prompt, tool, unmodifiable(arguments)));
    }

    private static Optional<CheckSpec> qdrant(JsonNode node, String id, String title, Duration timeout, String hint) {
        String collection = text(node, "collection");
        if (collection == null) {
            return Optional.empty();
        }
        JsonNode query = object(node, "query");
        JsonNode vectorNode = get(query, "vector");
        List<Double> vector = vectorNode == null || !vectorNode.isArray() ? null
                : items(query, "vector").stream().filter(JsonNode::isNumber).map(JsonNode::asDouble).toList();
        Map<String, JsonNode> topHit = new LinkedHashMap<>();
        JsonNode hit = object(query, "topHit");
        if (hit != null) {
            hit.properties().forEach(e -> topHit.put(e.getKey(), plain(e.getValue())));
        }
        return Optional.of(new CheckSpec.Qdrant(id, title, timeout, hint, collection, integer(node, "vectorSize"),
                text(node, "distance"), integer(node, "minPoints"), text(query, "text"), vector, unmodifiable(topHit)));
    }

    /** Keeps the order written in lab.yaml (Map.copyOf would not). */
    private static <V> Map<String, V> unmodifiable(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
