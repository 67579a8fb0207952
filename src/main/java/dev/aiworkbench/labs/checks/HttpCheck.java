package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiworkbench.diagnostics.ValueSchemas;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.ServiceType;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An {@code http} check: sends the request (placeholders filled in the URL, the headers and the body's strings) and
 * compares the answer with the expectations: status (any 2xx by default), body text, JSON path values
 * ({@link JsonPaths}, compared by {@link JsonValues}), a JSON Schema (inline or a file of the lab; without
 * {@code $schema}, read as draft 2020-12, the dialect of the workbench's own schemas) and the latency
 * (from sending the request to the last byte of the body). A request to {@code {{qdrant.url}}} carries the Qdrant
 * API key, when there is one and the lab sets no {@code api-key} or {@code Authorization} header itself.
 */
final class HttpCheck implements Check<CheckSpec.Http> {
    private static final java.util.regex.Pattern QDRANT_URL = java.util.regex.Pattern.compile("\\{\\{\\s*qdrant\\.url\\s*}}");
    private static final ValueSchemas SCHEMAS = new ValueSchemas(ValueSchemas.Dialect.DRAFT_2020_12);
    private static final String NEXT = "Fix your service so that it answers as the step describes, then run the check again.";

    private final Supplier<HttpClient> client;

    HttpCheck(Supplier<HttpClient> client) {
        this.client = client;
    }

    @Override
    public Outcome evaluate(CheckSpec.Http spec, CheckContext context, Deadline deadline) throws InterruptedException {
        Placeholders placeholders = context.placeholders();
        String method = spec.method() == null || spec.method().isBlank() ? "GET" : spec.method().toUpperCase(Locale.ROOT);
        URI uri;
        HttpRequest.Builder request;
        try {
            String url = placeholders.fill(spec.url());
            uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                return Outcome.error("The check's URL '" + url + "' is not an http(s) address",
                        "This is a mistake in the lab: correct the url in lab.yaml.");
            }
            request = HttpRequest.newBuilder(uri);
            boolean keySet = false;
            boolean typeSet = false;
            if (spec.headers() != null) {
                for (Map.Entry<String, String> header : spec.headers().entrySet()) {
                    String name = header.getKey().toLowerCase(Locale.ROOT);
                    keySet |= name.equals("api-key") || name.equals("authorization");
                    typeSet |= name.equals("content-type");
                    request.header(header.getKey(), placeholders.fill(header.getValue()));
                }
            }
            if (!keySet && QDRANT_URL.matcher(spec.url()).find() && context.endpoints().qdrantApiKey().isPresent()) {
                request.header("api-key", context.endpoints().qdrantApiKey().get());
            }
            if (spec.body() != null && !spec.body().isMissingNode()) {
                if (!typeSet) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, HttpRequest.BodyPublishers.ofString(Text.JSON.writeValueAsString(
                        fill(spec.body(), placeholders))));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
        } catch (Placeholders.Missing e) {
            return e.outcome();
        } catch (URISyntaxException e) {
            return Outcome.error("The check's URL is not valid (" + e.getMessage() + ")",
                    "This is a mistake in the lab: correct the url in lab.yaml.");
        } catch (IllegalArgumentException e) {
            return Outcome.error("The check's request cannot be sent (" + e.getMessage() + ")",
                    "This is a mistake in the lab: correct the method or headers in lab.yaml.");
        } catch (JsonProcessingException e) {
            return Outcome.error("The check's body cannot be written as JSON (" + e.getOriginalMessage() + ")",
                    "This is a mistake in the lab: correct the body in lab.yaml.");
        }
        String call = method + " " + uri;

        ValueSchemas.Compiled schema = null;
        if (spec.schema() != null && !spec.schema().isNull() && !spec.schema().isMissingNode()) {
            try {
                JsonNode node = spec.schema().isTextual() ? context.schemas().resolve(spec.schema().asText()) : spec.schema();
                schema = SCHEMAS.compile(node);
            } catch (IOException | IllegalArgumentException e) {
                return Outcome.error("The check's JSON Schema cannot be used: " + e.getMessage(),
                        "This is a mistake in the lab: correct expect.schema in lab.yaml.");
            }
        }

        HttpCalls.Reply reply;
        try {
            reply = HttpCalls.send(client.get(), request, deadline, BoundedBody.DEFAULT_LIMIT);
        } catch (HttpCalls.CallFailed e) {
            if (e.timedOut()) {
                return Outcome.error(call + " got no answer within " + Text.seconds(deadline.timeout())
                        + (e.getMessage().startsWith("connecting") ? " (" + e.getMessage() + ")" : ""),
                        "Check that your service answers this request quickly (a request that never returns often "
                                + "waits on something that is not running), then run the check again.");
            }
            ServiceType service = spec.needs();
            return Outcome.error(call + " failed: " + e.getMessage(), e.refused() && service != null
                    ? "The " + service.id() + " service may have stopped" + (service == ServiceType.FASTAPI
                    ? " (an error in your code stops uvicorn's reload; its log shows why)" : "")
                    + ": restart the lab's services, then run the check again."
                    : "Check that the service is running and reachable, then run the check again.");
        }

        String text = reply.text();
        String answered = call + " answered " + reply.status() + " in " + Text.millis(reply.latencyMillis());
        boolean statusOk = spec.status() == null ? reply.status() >= 200 && reply.status() < 300
                : reply.status() == spec.status();
        if (!statusOk) {
            String expected = spec.status() == null ? "a 2xx status" : "status " + spec.status();
            return Outcome.fail("Expected " + expected + " from " + call + ", but it answered " + reply.status()
                    + bodyNote(text), NEXT);
        }

        List<String> problems = new ArrayList<>();
        if (spec.contains() != null && !text.contains(spec.contains())) {
            problems.add("the body does not contain \"" + Text.snippet(spec.contains(), 80) + "\" (it was: "
                    + Text.snippet(text) + ")");
        }
        boolean wantsJson = schema != null || spec.jsonPaths() != null && !spec.jsonPaths().isEmpty();
        if (wantsJson) {
            Optional<JsonNode> json = parse(text);
            if (json.isEmpty()) {
                problems.add("expected a JSON body, but got " + (text.isBlank() ? "an empty body" : "text that is not "
                        + "JSON: " + Text.snippet(text)) + (reply.cut() ? " (the body was cut after "
                        + BoundedBody.DEFAULT_LIMIT / (1024 * 1024) + " MB)" : ""));
            } else {
                if (spec.jsonPaths() != null) {
                    for (Map.Entry<String, JsonNode> expectation : spec.jsonPaths().entrySet()) {
                        Optional<String> problem;
                        try {
                            problem = checkPath(json.get(), expectation.getKey(), expectation.getValue());
                        } catch (IllegalArgumentException e) {
                            return Outcome.error("The check cannot be evaluated: " + e.getMessage(),
                                    "This is a mistake in the lab: correct expect.json in lab.yaml.");
                        }
                        problem.ifPresent(problems::add);
                    }
                }
                if (schema != null) {
                    List<String> violations = schema.violations(json.get());
                    if (!violations.isEmpty()) {
                        problems.add("the body does not match the expected JSON Schema: "
                                + ValueSchemas.summary(violations));
                    }
                }
            }
        }
        if (spec.maxLatencyMs() != null && reply.latencyMillis() > spec.maxLatencyMs()) {
            problems.add("it took " + Text.millis(reply.latencyMillis()) + ", more than the "
                    + Text.millis(spec.maxLatencyMs()) + " allowed");
        }
        if (!problems.isEmpty()) {
            return Outcome.fail(answered + ", but " + String.join("; ", problems), NEXT);
        }
        return Outcome.pass(answered + ", as expected");
    }

    private static Optional<String> checkPath(JsonNode body, String path, JsonNode expected) {
        Optional<JsonNode> found = JsonPaths.read(body, path);
        if (found.isEmpty()) {
            return Optional.of(path + " is missing (expected " + Text.json(expected) + ")");
        }
        if (!JsonValues.matches(expected, found.get())) {
            return Optional.of(path + " is " + Text.json(found.get()) + ", expected " + Text.json(expected));
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Text.STRICT.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String bodyNote(String text) {
        return text.isBlank() ? " with an empty body" : " (body: " + Text.snippet(text) + ")";
    }

    /** A copy of the body with placeholders filled in its strings. */
    static JsonNode fill(JsonNode node, Placeholders placeholders) throws Placeholders.Missing {
        if (node.isTextual()) {
            return TextNode.valueOf(placeholders.fill(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = Text.JSON.createArrayNode();
            for (JsonNode item : node) {
                copy.add(fill(item, placeholders));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = Text.JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), fill(field.getValue(), placeholders));
            }
            return copy;
        }
        return node;
    }
}
