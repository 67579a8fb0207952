package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.ModelServerException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A {@code qdrant} check over Qdrant's REST API (with the {@code api-key} header when the lab's Qdrant has a key):
 * the collection exists ({@code GET /collections/{name}}), its vectors have the size and distance expected (for named
 * vectors, any one of them), it holds at least N points ({@code POST /collections/{name}/points/count}, exact), and
 * a query's best hit ({@code POST /collections/{name}/points/query}, Qdrant 1.10+) carries the payload expected. A
 * text query is first embedded with the lab's embedding model through the model gateway.
 */
final class QdrantCheck implements Check<CheckSpec.Qdrant> {
    private static final int LIMIT = 1024 * 1024;

    private final Supplier<HttpClient> client;

    QdrantCheck(Supplier<HttpClient> client) {
        this.client = client;
    }

    /** A vector space of the collection: the unnamed one (name null) or a named one. */
    private record Space(String name, int size, String distance) {
        String describe() {
            return (name == null ? "" : "'" + name + "': ") + "size " + size + ", " + distance;
        }
    }

    /** A REST answer: the status, the parsed envelope (null when the body is not JSON) and the text. */
    private record Answer(int status, JsonNode json, String text) {
        JsonNode result() {
            return json == null ? null : json.get("result");
        }

        String error() {
            if (json != null && json.path("status").path("error").isTextual()) {
                return json.path("status").path("error").asText();
            }
            return text.isBlank() ? "no details" : Text.snippet(text);
        }
    }

    /** The REST call failed, or answered with an error that ends the check. */
    private static final class Stop extends Exception {
        final transient Outcome outcome;

        Stop(Outcome outcome) {
            super(outcome.finding(), null, false, false);
            this.outcome = outcome;
        }
    }

    @Override
    public Outcome evaluate(CheckSpec.Qdrant spec, CheckContext context, Deadline deadline) throws InterruptedException {
        URI base = context.endpoints().qdrant().orElseThrow();
        String name = spec.collection();
        String collection = "the collection '" + name + "'";
        try {
            Answer info = call(context, deadline, "GET", collectionPath(name), null);
            if (info.status() == 404) {
                return Outcome.fail(collection + " does not exist yet in Qdrant at " + base,
                        "Run your ingestion script so that it creates the collection and stores the points, then run "
                                + "the check again.");
            }
            expectOk(info, "reading " + collection);
            JsonNode result = info.result();
            List<Space> spaces = spaces(result == null ? null : result.path("config").path("params").path("vectors"));

            List<String> problems = new ArrayList<>();
            Space chosen = spaces.isEmpty() ? null : spaces.get(0);
            if (spec.vectorSize() != null || spec.distance() != null) {
                Optional<Space> fit = spaces.stream().filter(s -> (spec.vectorSize() == null || s.size() == spec.vectorSize())
                        && (spec.distance() == null || s.distance().equalsIgnoreCase(spec.distance()))).findFirst();
                if (fit.isEmpty()) {
                    String wanted = (spec.vectorSize() == null ? "" : "size " + spec.vectorSize())
                            + (spec.vectorSize() != null && spec.distance() != null ? " and " : "")
                            + (spec.distance() == null ? "" : "distance " + spec.distance());
                    String found = spaces.isEmpty() ? "no vector configuration could be read"
                            : spaces.stream().map(Space::describe).reduce((a, b) -> a + "; " + b).orElseThrow();
                    return Outcome.fail("Expected " + collection + " to hold vectors of " + wanted + ", but it has "
                            + found, "Delete the collection and create it again with "
                            + wanted + " (the size must be your embedding model's), then run your ingestion again.");
                }
                chosen = fit.get();
            }

            long points = -1;
            if (spec.minPoints() != null) {
                ObjectNode body = Text.JSON.createObjectNode().put("exact", true);
                Answer count = call(context, deadline, "POST", collectionPath(name) + "/points/count", body);
                expectOk(count, "counting the points of " + collection);
                points = count.result() == null ? -1 : count.result().path("count").asLong(-1);
                if (points < spec.minPoints()) {
                    return Outcome.fail("Expected " + collection + " to hold at least " + spec.minPoints() + " point"
                                    + (spec.minPoints() == 1 ? "" : "s") + ", but it holds " + Math.max(points, 0),
                            "Run your ingestion script over all the documents (and check it reports no errors), then "
                                    + "run the check again.");
                }
            }

            String queried = "";
            if (spec.queryText() != null || spec.queryVector() != null) {
                float[] vector;
                String what;
                if (spec.queryVector() != null) {
                    vector = new float[spec.queryVector().size()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = spec.queryVector().get(i).floatValue();
                    }
                    what = "the query vector";
                } else {
                    vector = embed(spec.queryText(), context, deadline);
                    what = "the query \"" + Text.snippet(spec.queryText(), 80) + "\"";
                }
                if (!spaces.isEmpty()) {
                    Optional<Space> sized = spaces.stream().filter(s -> s.size() == vector.length).findFirst();
                    if (sized.isEmpty()) {
                        return Outcome.fail(what + " has " + vector.length + " dimensions, but " + collection
                                + " holds vectors of " + spaces.stream().map(Space::describe).reduce((a, b) -> a + "; "
                                + b).orElseThrow(), spec.queryText() != null ? "Create the collection with the size of "
                                + "the embedding model " + context.embedModel().orElse("") + " (" + vector.length
                                + ") and ingest again with that model." : "Create the collection with vectors of size "
                                + vector.length + ", then ingest again.");
                    }
                    chosen = chosen != null && chosen.size() == vector.length ? chosen : sized.get();
                }
                ObjectNode body = Text.JSON.createObjectNode();
                ArrayNode query = body.putArray("query");
                for (float x : vector) {
                    query.add(x);
                }
                body.put("limit", 1).put("with_payload", true).put("with_vector", false);
                if (chosen != null && chosen.name() != null) {
                    body.put("using", chosen.name());
                }
                Answer found = call(context, deadline, "POST", collectionPath(name) + "/points/query", body);
                if (found.status() == 404 && !found.error().contains("ollection")) {
                    return Outcome.error("Qdrant at " + base + " does not have the query API (points/query): "
                            + found.error(), "Use Qdrant 1.10 or newer (the lab's services start a recent one).");
                }
                expectOk(found, "querying " + collection);
                JsonNode hits = found.result() == null ? null : found.result().path("points");
                if (hits == null || !hits.isArray() || hits.isEmpty()) {
                    return Outcome.fail(what + " found nothing in " + collection,
                            "Run your ingestion script so that the collection holds points, then run the check again.");
                }
                JsonNode top = hits.get(0);
                String hit = "the best hit for " + what + " (id " + top.path("id").asText() + ", score "
                        + String.format(Locale.ROOT, "%.3f", top.path("score").asDouble()) + ")";
                JsonNode payload = top.path("payload");
                if (spec.topHit() != null) {
                    for (Map.Entry<String, JsonNode> field : spec.topHit().entrySet()) {
                        Optional<JsonNode> value = payloadField(payload, field.getKey());
                        if (value.isEmpty()) {
                            problems.add(hit + " has no payload field '" + field.getKey() + "' (expected "
                                    + Text.json(field.getValue()) + "; its payload is " + Text.json(payload) + ")");
                        } else if (!JsonValues.matches(field.getValue(), value.get())) {
                            problems.add(hit + " has " + field.getKey() + " = " + Text.json(value.get()) + ", expected "
                                    + Text.json(field.getValue()));
                        }
                    }
                }
                if (!problems.isEmpty()) {
                    return Outcome.fail(String.join("; ", problems), "Check that your ingestion stores each chunk's "
                            + "text and metadata in the payload and embeds it with the same model as the query, then "
                            + "ingest again.");
                }
                queried = ", and " + hit + " carries the payload expected";
            }
            return Outcome.pass(Text.capitalized(collection) + " exists"
                    + (chosen != null && (spec.vectorSize() != null || spec.distance() != null)
                    ? " with vectors of " + chosen.describe() : "")
                    + (points >= 0 ? ", holds " + points + " point" + (points == 1 ? "" : "s") : "") + queried);
        } catch (Stop stop) {
            return stop.outcome;
        }
    }

    private float[] embed(String text, CheckContext context, Deadline deadline) throws Stop, InterruptedException {
        if (context.embedModel().isEmpty()) {
            throw new Stop(Outcome.error("The check embeds its query text, but the lab names no embedding model",
                    "This is a mistake in the lab: give its ollama service an embedModel in lab.yaml."));
        }
        if (context.endpoints().ollama().isEmpty()) {
            throw new Stop(Outcome.error("The check embeds its query text with " + context.embedModel().get()
                    + ", but the ollama service is not running", Placeholders.startService(ServiceType.OLLAMA)));
        }
        String model = context.embedModel().get();
        try {
            Embeddings embeddings = Within.deadline(deadline, ModelServerException.class,
                    () -> context.models().get().embed(model, List.of(text)));
            if (embeddings.vectors().isEmpty() || embeddings.vectors().get(0).length == 0) {
                throw new Stop(Outcome.error("The embedding model " + model + " gave no vector for the query text",
                        "Check that " + model + " is an embedding model (the lab's services pull it)."));
            }
            return embeddings.vectors().get(0);
        } catch (TimeoutException e) {
            throw new Stop(Outcome.error("Embedding the query text with " + model + " gave no answer within "
                    + Text.seconds(deadline.timeout()), "Try again once the model is loaded, or give the check more "
                    + "time in lab.yaml."));
        } catch (ModelServerException e) {
            throw new Stop(Outcome.error("Embedding the query text with " + model + " failed: " + e.getMessage(),
                    e.kind() == ModelServerException.Kind.MODEL_NOT_FOUND
                            ? "Pull " + model + " (the lab's services do it when they start), then run the check again."
                            : "Check that Ollama is running, then run the check again."));
        }
    }

    private Answer call(CheckContext context, Deadline deadline, String method, String path, JsonNode body)
            throws Stop, InterruptedException {
        URI base = context.endpoints().qdrant().orElseThrow();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
        context.endpoints().qdrantApiKey().filter(k -> !k.isBlank()).ifPresent(key -> request.header("api-key", key));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Text.JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        HttpCalls.Reply reply;
        try {
            reply = HttpCalls.send(client.get(), request, deadline, LIMIT);
        } catch (HttpCalls.CallFailed e) {
            throw new Stop(Outcome.error(e.timedOut() ? "Qdrant at " + base + " did not answer within "
                            + Text.seconds(deadline.timeout()) : "Qdrant at " + base + " cannot be reached: " + e.getMessage(),
                    e.timedOut() ? "Check that Qdrant is not overloaded, then run the check again."
                            : "Qdrant may have stopped: restart the lab's services, then run the check again."));
        }
        JsonNode json = null;
        try {
            json = reply.text().isBlank() ? null : Text.JSON.readTree(reply.text());
        } catch (JsonProcessingException ignored) {
            // left null: error() falls back to the text
        }
        Answer answer = new Answer(reply.status(), json, reply.text());
        if (reply.status() == 401 || reply.status() == 403) {
            throw new Stop(Outcome.error("Qdrant at " + base + " refused the request (" + reply.status() + ": "
                    + answer.error() + ")", context.endpoints().qdrantApiKey().isPresent()
                    ? "The API key the checks use does not match Qdrant's: restart the lab's services."
                    : "This Qdrant requires an API key: set the lab's qdrant apiKey, then restart the lab's services."));
        }
        return answer;
    }

    private static void expectOk(Answer answer, String what) throws Stop {
        if (answer.status() < 200 || answer.status() >= 300 || answer.json() == null) {
            throw new Stop(Outcome.error("Qdrant answered " + answer.status() + " when " + what + ": " + answer.error(),
                    "Look at Qdrant's log for the cause, then run the check again."));
        }
    }

    private static String collectionPath(String name) {
        return "/collections/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The vector spaces of a collection's {@code config.params.vectors}: one unnamed, or several named. */
    private static List<Space> spaces(JsonNode vectors) {
        List<Space> spaces = new ArrayList<>();
        if (vectors == null || !vectors.isObject()) {
            return spaces;
        }
        if (vectors.has("size")) {
            spaces.add(new Space(null, vectors.path("size").asInt(), vectors.path("distance").asText()));
            return spaces;
        }
        Map<String, JsonNode> named = new LinkedHashMap<>();
        vectors.properties().forEach(e -> named.put(e.getKey(), e.getValue()));
        named.forEach((key, value) -> {
            if (value.has("size")) {
                spaces.add(new Space(key, value.path("size").asInt(), value.path("distance").asText()));
            }
        });
        return spaces;
    }

    /** A payload field by dotted path; a member whose own name has the dots wins over nesting. */
    static Optional<JsonNode> payloadField(JsonNode payload, String path) {
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        if (payload.has(path)) {
            return Optional.of(payload.get(path));
        }
        JsonNode node = payload;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject() || !node.has(part)) {
                return Optional.empty();
            }
            node = node.get(part);
        }
        return Optional.ofNullable(node);
    }
}
