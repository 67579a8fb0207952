package dev.aiworkbench.labs.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.aiworkbench.labs.definition.LabNodes.get;
import static dev.aiworkbench.labs.definition.LabNodes.items;
import static dev.aiworkbench.labs.definition.LabNodes.object;
import static dev.aiworkbench.labs.definition.LabNodes.objects;
import static dev.aiworkbench.labs.definition.LabNodes.text;

/**
 * The rules of a lab.yaml that its schema cannot express and that need no file but lab.yaml: the id is the folder
 * name, step and check ids are unique, every service a check needs is declared, placeholders are known and used
 * where they are filled, patterns compile, workspace paths stay in the workspace, and the tasks it marks exist.
 */
final class LabRules {
    private static final String LAB_CHECK_SERVICE = "lab-check-service";
    /** The form the check engine fills: {@code {{name}}}, spaces allowed inside the braces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final String PYTHON = "python";
    private static final Map<String, ServiceType> SERVICE_PLACEHOLDERS = Map.of("fastapi.url", ServiceType.FASTAPI,
            "qdrant.url", ServiceType.QDRANT, "qdrant.grpc", ServiceType.QDRANT, "ollama.url", ServiceType.OLLAMA);
    private static final String KNOWN_PLACEHOLDERS = "{{fastapi.url}}, {{qdrant.url}}, {{qdrant.grpc}}, "
            + "{{ollama.url}}, and in a command check's run list {{python}}";
    /** The form of an id ($defs/id in the schema); the schema reports ids of another form. */
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern UVICORN_TARGET = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_]*$");
    private static final Map<String, ServiceType> SERVICE_FIELDS = Map.of("model", ServiceType.OLLAMA,
            "embedModel", ServiceType.OLLAMA, "apiKey", ServiceType.QDRANT, "app", ServiceType.FASTAPI);

    private final YamlDocument document;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<ServiceType, JsonNode> services = new EnumMap<>(ServiceType.class);

    private LabRules(YamlDocument document) {
        this.document = document;
    }

    /**
     * @param folderId the name of the lab's folder
     * @param pack     the pack whose tasks the lab marks, when known
     */
    static List<Problem> check(YamlDocument document, String folderId, Optional<Pack> pack) {
        LabRules rules = new LabRules(document);
        JsonNode root = document.root();
        if (!root.isObject()) {
            return rules.problems;
        }
        rules.checkId(root, folderId);
        rules.checkServices(root);
        rules.checkUniqueIds(root);
        for (JsonNode step : objects(root, "steps")) {
            objects(step, "checks").forEach(rules::checkCheck);
        }
        pack.ifPresent(p -> rules.checkAgainstPack(root, p));
        return rules.problems;
    }

    private void error(JsonNode at, String message) {
        problems.add(Problem.error(document.position(at), message));
    }

    /** A check that needs a service the lab does not declare: the rule a pack linter names lab-check-service. */
    private void missingService(JsonNode at, String message) {
        problems.add(Problem.error(document.position(at), message).withRule(LAB_CHECK_SERVICE));
    }

    private void checkId(JsonNode root, String folderId) {
        String id = text(root, "id");
        if (id != null && !id.equals(folderId)) {
            error(get(root, "id"), "the id '" + id + "' differs from the lab's folder name '" + folderId
                    + "': a lab's id is the name of its folder");
        }
    }

    private void checkServices(JsonNode root) {
        for (JsonNode node : items(root, "services")) {
            Optional<ServiceSpec> service = LabAssembler.service(node);
            if (service.isEmpty()) {
                continue;
            }
            ServiceType type = service.get().type();
            JsonNode at = node.isTextual() ? node : get(node, "type");
            JsonNode first = services.putIfAbsent(type, at);
            if (first != null) {
                error(at, "the service '" + type.id() + "' is declared twice (first at " + document.position(first)
                        + ")");
            }
            if (node.isObject()) {
                SERVICE_FIELDS.forEach((field, owner) -> {
                    if (node.has(field) && owner != type) {
                        error(node.get(field), "'" + field + "' applies to the " + owner.id() + " service only");
                    }
                });
                String app = text(node, "app");
                if (type == ServiceType.FASTAPI && app != null && !UVICORN_TARGET.matcher(app).matches()) {
                    error(node.get("app"), "'" + app + "' is not a uvicorn target: write module:attribute, "
                            + "for example main:app");
                }
            }
        }
    }

    private void checkUniqueIds(JsonNode root) {
        Map<String, SourcePosition> steps = new HashMap<>();
        Map<String, SourcePosition> checks = new HashMap<>();
        for (JsonNode step : objects(root, "steps")) {
            claim(steps, step, "step");
            objects(step, "checks").forEach(check -> claim(checks, check, "check"));
        }
    }

    private void claim(Map<String, SourcePosition> seen, JsonNode owner, String what) {
        String id = text(owner, "id");
        if (id == null) {
            return;
        }
        SourcePosition at = document.position(owner, "id");
        SourcePosition first = seen.putIfAbsent(id, at);
        if (first != null) {
            problems.add(Problem.error(at, "duplicate " + what + " id '" + id + "' (first used at " + first + ")"));
        }
    }

    private void checkCheck(JsonNode check) {
        String type = text(check, "type");
        if (type == null) {
            return;
        }
        checkPlaceholders(check, type);
        JsonNode expect = object(check, "expect");
        switch (type) {
            case "qdrant" -> {
                needs(check, ServiceType.QDRANT);
                checkQuery(check);
            }
            case "ollama" -> {
                needs(check, ServiceType.OLLAMA);
                if (expect != null && get(check, "prompt") == null) {
                    error(expect, "expect needs a prompt: the model is asked the prompt and its answer checked");
                }
            }
            case "eval" -> {
                needs(check, ServiceType.OLLAMA);
                workspacePath(get(check, "suite"), "suite");
            }
            case "tool-choice" -> needs(check, ServiceType.OLLAMA);
            case "file" -> {
                workspacePath(get(check, "path"), "path");
                regex(get(check, "contains"), "contains");
                JsonNode schema = get(check, "schema");
                if (schema != null && !schema.isObject() && !schema.isBoolean() && !schema.isTextual()) {
                    error(schema, "schema: give a JSON Schema (an object) or the path of a schema file in the lab");
                }
            }
            case "command" -> regex(get(expect, "output"), "expect.output");
            case "http" -> checkHttpSchema(expect);
            default -> {
            }
        }
    }

    /** A check of a type that needs a service is only possible when the lab declares that service. */
    private void needs(JsonNode check, ServiceType service) {
        if (!services.containsKey(service)) {
            missingService(get(check, "type"), "a check of type " + text(check, "type") + " needs the " + service.id()
                    + " service: add " + service.id() + " to the lab's services");
        }
    }

    /**
     * Placeholders are filled in an http check's url and headers and in a command's run list; a service
     * placeholder anywhere needs its service declared, {@code {{python}}} belongs in a run list only, and an
     * unknown name where placeholders are filled is a mistake.
     */
    private void checkPlaceholders(JsonNode check, String type) {
        check.properties().forEach(field -> {
            String name = field.getKey();
            boolean runList = "command".equals(type) && "run".equals(name)
                    || "tool-choice".equals(type) && "tools".equals(name);
            boolean filled = "http".equals(type) && ("url".equals(name) || "headers".equals(name)) || runList;
            boolean pythonAllowed = runList;
            scan(field.getValue(), filled, pythonAllowed);
        });
    }

    private void scan(JsonNode node, boolean filled, boolean pythonAllowed) {
        if (node.isContainerNode()) {
            node.forEach(child -> scan(child, filled, pythonAllowed));
            return;
        }
        if (!node.isTextual()) {
            return;
        }
        Set<String> reported = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(node.asText());
        while (matcher.find()) {
            String name = matcher.group(1);
            ServiceType service = SERVICE_PLACEHOLDERS.get(name);
            if (!reported.add(name)) {
                continue;
            }
            if (service != null) {
                if (!services.containsKey(service)) {
                    missingService(node, "{{" + name + "}} needs the " + service.id() + " service: add " + service.id()
                            + " to the lab's services");
                }
            } else if (PYTHON.equals(name)) {
                if (!pythonAllowed) {
                    error(node, "{{python}} may be used only in a command check's run list");
                }
            } else if (filled) {
                error(node, "unknown placeholder {{" + name + "}}: the workbench fills " + KNOWN_PLACEHOLDERS);
            }
        }
    }

    private void checkQuery(JsonNode check) {
        JsonNode query = object(check, "query");
        if (query == null) {
            return;
        }
        JsonNode text = get(query, "text");
        JsonNode vector = get(query, "vector");
        if (text != null && vector != null) {
            error(vector, "give query.text or query.vector, not both");
        }
        if (text == null && vector == null && get(query, "topHit") != null) {
            error(get(query, "topHit"), "query.topHit needs query.text or query.vector to search with");
        }
        if (text != null && !hasEmbedModel()) {
            error(text, "query.text is embedded with the lab's embedding model: declare the ollama service "
                    + "with an embedModel");
        }
        Integer size = LabNodes.integer(check, "vectorSize");
        if (vector != null && vector.isArray() && size != null && vector.size() != size) {
            error(vector, "query.vector has " + vector.size() + " numbers but vectorSize is " + size);
        }
    }

    private boolean hasEmbedModel() {
        return items(document.root(), "services").stream()
                .anyMatch(s -> "ollama".equals(text(s, "type")) && text(s, "embedModel") != null);
    }

    private void checkHttpSchema(JsonNode expect) {
        JsonNode schema = get(expect, "schema");
        if (schema != null && !schema.isObject() && !schema.isBoolean() && !schema.isTextual()) {
            error(schema, "expect.schema: give a JSON Schema (an object) or the path of a schema file in the lab");
        }
    }

    /** Paths of file and eval checks are relative to the learner's workspace and may not leave it. */
    private void workspacePath(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            return;
        }
        String path = node.asText();
        String problem = LabPaths.problem(path, "workspace");
        if (problem != null) {
            error(node, field + ": " + problem);
        }
    }

    private void regex(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            return;
        }
        try {
            Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            error(node, field + ": '" + node.asText() + "' is not a valid regular expression (" + e.getDescription()
                    + ")");
        }
    }

    private void checkAgainstPack(JsonNode root, Pack pack) {
        for (JsonNode mark : items(root, "marks")) {
            if (mark.isTextual() && ID.matcher(mark.asText()).matches() && pack.workItem(mark.asText()).isEmpty()) {
                error(mark, "unknown task '" + mark.asText() + "': pack '" + pack.id()
                        + "' has no task or milestone check with that id");
            }
        }
        int last = pack.weeks().stream().mapToInt(Week::number).max().orElse(0);
        for (JsonNode week : items(root, "weeks")) {
            if (week.isIntegralNumber() && pack.weekNumber(week.asInt()).isEmpty()) {
                error(week, "week " + week.asInt() + " is not in pack '" + pack.id() + "'"
                        + (last > 0 ? " (it has weeks 1-" + last + ")" : ""));
            }
        }
    }
}
