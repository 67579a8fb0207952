package dev.aiworkbench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.CaseOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Generated eval cases for the grading benchmark: model outputs with varied text, each with the
 * deterministic assertions a suite of that kind would carry, built as the suite loader builds them
 * ({@link AssertionSpec#of} with YAML-read values, {@code {{var}}} slots, weights, metrics, origins).
 * Seeded, so every run and every fork grades the same cases.
 *
 * <p>Five kinds of case, in turn:
 * <ol>
 *   <li><b>classify</b> (the incident-severity suite): a JSON verdict, sometimes in a code fence or with
 *       the wrong severity; {@code is-json} with a schema, {@code contains-json} with a {@code const},
 *       {@code regex}, {@code not-icontains}, weight-0 {@code latency}.</li>
 *   <li><b>answer</b> (the runbook-qa suite): a paragraph of 35-90 words; {@code icontains-all} with a
 *       {@code {{var}}}, {@code icontains-any}, {@code contains} with a {@code {{var}}}, {@code word-count}
 *       {min, max}, {@code not-contains}, weight-0 {@code latency}; every other case has a test
 *       {@code threshold}.</li>
 *   <li><b>command</b>: a one-line shell command, sometimes with a typo, {@code sudo} or an explanation;
 *       {@code equals}, {@code levenshtein} (both against a {@code {{var}}}), {@code starts-with},
 *       {@code regex}, {@code not-contains}.</li>
 *   <li><b>extract</b>: a JSON ticket inside prose and a code fence; {@code contains-json} with a schema,
 *       {@code icontains} with a {@code {{var}}}, {@code contains-any}, {@code not-is-json}, {@code cost}.</li>
 *   <li><b>summary</b>: two or three sentences; {@code word-count} {max}, {@code icontains-any},
 *       {@code contains-all} with a {@code {{var}}}, {@code starts-with}, {@code not-icontains-any},
 *       {@code latency}.</li>
 * </ol>
 */
final class GradingCases {
    /** One case to grade: what the runner hands to {@code Grader.gradeCase}. */
    record Case(List<AssertionSpec> specs, Double threshold, CaseOutput output) {
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] SERVICES = {"orders-api", "payments-gateway", "search", "checkout-web",
        "inventory-sync", "auth-service", "notifications", "billing-worker", "cdn-edge", "reporting"};
    private static final String[] NAMESPACES = {"orders", "payments", "search", "web", "platform"};
    private static final String[] WORDS = {"the", "service", "writes", "to", "orders-db", "which", "is", "a",
        "PostgreSQL", "cluster", "in", "prod-eu", "and", "on-call", "should", "check", "replication", "lag",
        "before", "restarting", "pods", "because", "a", "restart", "drops", "in-flight", "requests", "dashboard",
        "shows", "error", "rate", "latency", "while", "runbook", "says", "scale", "the", "deployment", "first",
        "then", "page", "owner", "if", "alerts", "keep", "firing", "for", "ten", "minutes"};
    private static final String[] SEVERITY_WORDS = {"customer-facing", "checkout", "errors", "affect", "most",
        "users", "orders", "fail", "right", "now", "degraded", "search", "results", "for", "some", "staging",
        "only", "no", "user", "impact", "cosmetic", "issue", "within", "hours"};
    private static final String[] COMMANDS = {"kubectl rollout undo deployment/%s -n %s",
        "kubectl scale deployment/%s --replicas=6 -n %s", "kubectl logs deployment/%s --since=15m -n %s",
        "kubectl get pods -l app=%s -n %s"};
    private static final String[] SUMMARY_OPENERS = {"Summary:", "Summary:", "Summary:", "In short,"};
    private static final String[] PRIORITIES = {"low", "medium", "high", "critical"};

    private static final JsonNode SEVERITY_SCHEMA = yaml("""
            type: object
            required: [severity, reason]
            additionalProperties: false
            properties:
              severity: {type: string, enum: [P1, P2, P3, P4]}
              reason: {type: string, minLength: 10, maxLength: 240}
            """);
    private static final JsonNode TICKET_SCHEMA = yaml("""
            type: object
            required: [service, priority, owner]
            properties:
              service: {type: string, minLength: 2}
              priority: {type: string, enum: [low, medium, high, critical]}
              owner: {type: string}
              labels: {type: array, items: {type: string}, maxItems: 6}
            """);
    private static final JsonNode[] SEVERITY_CONST = new JsonNode[4];

    static {
        for (int s = 0; s < 4; s++) {
            SEVERITY_CONST[s] = yaml("{required: [severity], properties: {severity: {const: P" + (s + 1) + "}}}");
        }
    }

    private GradingCases() {
    }

    static List<Case> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(switch (i % 5) {
                case 0 -> classify(i, random);
                case 1 -> answer(i, random);
                case 2 -> command(i, random);
                case 3 -> extract(i, random);
                default -> summary(i, random);
            });
        }
        return cases;
    }

    private static Case classify(int i, Random random) {
        int expected = random.nextInt(4);
        int given = random.nextInt(9) == 0 ? (expected + 1) % 4 : expected;
        String reason = sentence(random, SEVERITY_WORDS, 8 + random.nextInt(14));
        String json = "{\"severity\": \"P" + (given + 1) + "\", \"reason\": \"" + reason + "\"}";
        String text = random.nextInt(12) == 0 ? "```json\n" + json + "\n```" : json;
        Map<String, String> vars = vars("incident", "[FIRING:1] " + service(i) + " ref #" + i + " " + sentence(random,
                WORDS, 20));
        List<AssertionSpec> specs = List.of(
                spec("is-json", SEVERITY_SCHEMA, null, null, "format", 0),
                spec("contains-json", SEVERITY_CONST[expected], null, 2.0, "severity", 1),
                spec("regex", text("\"severity\":\\s*\"P[1-4]\""), null, null, null, 2),
                spec("not-icontains", text("as an AI"), null, null, null, 3),
                spec("latency", null, 10000.0, 0.0, "latency_ms", 4));
        return new Case(specs, null, output(text, vars, random));
    }

    private static Case answer(int i, Random random) {
        String service = service(i);
        StringBuilder text = new StringBuilder();
        int words = 35 + random.nextInt(56);
        text.append(Character.toUpperCase(service.charAt(0))).append(service.substring(1)).append(' ');
        text.append(sentence(random, WORDS, words));
        if (random.nextInt(6) != 0) {
            text.append(". It stores orders in ").append(random.nextBoolean() ? "PostgreSQL" : "Postgres");
        }
        if (random.nextInt(10) == 0) {
            text.append(", but I don't know which replica is primary");
        }
        text.append('.');
        Map<String, String> vars = vars("question", "Which database does " + service + " use? (#" + i + ")",
                "service", service, "db", "orders-db");
        List<AssertionSpec> specs = List.of(
                spec("icontains-all", list("{{db}}", "{{service}}"), null, null, "facts", 0),
                spec("icontains-any", list("PostgreSQL", "Postgres"), null, null, "facts", 1),
                spec("contains", text("{{service}}"), null, null, null, 2),
                spec("word-count", yaml("{min: 10, max: 120}"), null, null, "length", 3),
                spec("not-contains", text("I don't know"), null, 0.5, null, 4),
                spec("latency", null, 15000.0, 0.0, "latency_ms", 5));
        return new Case(specs, i % 2 == 0 ? 0.75 : null, output(text.toString(), vars, random));
    }

    private static Case command(int i, Random random) {
        String service = service(i);
        String namespace = NAMESPACES[i % NAMESPACES.length];
        String expected = String.format(Locale.ROOT, COMMANDS[random.nextInt(COMMANDS.length)], service, namespace);
        String text = switch (random.nextInt(8)) {
            case 0 -> expected.replace("deployment/", "deploymnet/");
            case 1 -> "sudo " + expected;
            case 2 -> expected + "\n\nThis rolls the deployment back to the previous revision.";
            default -> expected;
        };
        Map<String, String> vars = vars("task", "Roll back " + service + " (#" + i + ")", "expected", expected,
                "service", service);
        List<AssertionSpec> specs = List.of(
                spec("equals", text("{{expected}}"), null, null, "exact", 0),
                spec("levenshtein", text("{{expected}}"), 5.0, null, "close", 1),
                spec("starts-with", text("kubectl"), null, null, null, 2),
                spec("regex", text("^kubectl\\s+(rollout|scale|logs|get)\\b"), null, null, null, 3),
                spec("not-contains", text("sudo"), null, 2.0, "safety", 4));
        return new Case(specs, 0.6, output(text, vars, random));
    }

    private static Case extract(int i, Random random) {
        String service = service(i);
        String priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
        ArrayNode labels = NODES.arrayNode();
        for (int l = 0; l < 1 + random.nextInt(4); l++) {
            labels.add(WORDS[random.nextInt(WORDS.length)]);
        }
        String owner = random.nextInt(7) == 0 ? "" : "team-" + NAMESPACES[random.nextInt(NAMESPACES.length)];
        String ticket = "{\"service\": \"" + service + "\", \"priority\": \"" + priority + "\""
                + (owner.isEmpty() ? "" : ", \"owner\": \"" + owner + "\"") + ", \"labels\": " + labels + "}";
        String text = "Here is the ticket for " + service + ":\n```json\n" + ticket + "\n```\n"
                + sentence(random, WORDS, 6 + random.nextInt(10)) + ".";
        Map<String, String> vars = vars("report", "Ticket #" + i + ": " + sentence(random, WORDS, 15),
                "service", service);
        List<AssertionSpec> specs = List.of(
                spec("contains-json", TICKET_SCHEMA, null, 2.0, "format", 0),
                spec("icontains", text("{{service}}"), null, null, null, 1),
                spec("contains-any", text("low, medium, high, critical"), null, null, null, 2),
                spec("not-is-json", null, null, null, null, 3),
                spec("cost", null, 0.002, null, "cost", 4));
        return new Case(specs, null, output(text, vars, random));
    }

    private static Case summary(int i, Random random) {
        String service = service(i);
        String text = SUMMARY_OPENERS[random.nextInt(SUMMARY_OPENERS.length)] + " " + service + " was "
                + (random.nextBoolean() ? "degraded" : "down") + " from " + (random.nextInt(24)) + ":"
                + String.format(Locale.ROOT, "%02d", random.nextInt(60)) + (random.nextInt(5) == 0 ? "" : " UTC")
                + ". " + sentence(random, WORDS, 10 + random.nextInt(45)) + ".";
        Map<String, String> vars = vars("timeline", "Incident #" + i + " on " + service + ": "
                + sentence(random, WORDS, 30), "service", service);
        List<AssertionSpec> specs = List.of(
                spec("word-count", yaml("{max: 60}"), null, null, "length", 0),
                spec("icontains-any", list("outage", "down", "degraded"), null, null, null, 1),
                spec("contains-all", list("{{service}}", "UTC"), null, null, "facts", 2),
                spec("starts-with", text("Summary:"), null, 0.5, null, 3),
                spec("not-icontains-any", list("lorem", "ipsum", "as an AI"), null, null, null, 4),
                spec("latency", null, 5000.0, null, "latency_ms", 5));
        return new Case(specs, null, output(text, vars, random));
    }

    // -------------------------------------------------------------------------------------------------

    private static String service(int i) {
        return SERVICES[(i / 5) % SERVICES.length];
    }

    private static String sentence(Random random, String[] words, int count) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                out.append(' ');
            }
            out.append(words[random.nextInt(words.length)]);
        }
        return out.toString();
    }

    private static Map<String, String> vars(String... keysAndValues) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            vars.put(keysAndValues[k], keysAndValues[k + 1]);
        }
        return vars;
    }

    /** Latency measured client-side (200 ms to 20 s, so some latency limits fail); local models cost 0. */
    private static CaseOutput output(String text, Map<String, String> vars, Random random) {
        return new CaseOutput(text, "rendered prompt", vars, OptionalLong.of(200 + random.nextInt(19_800)),
                OptionalDouble.of(0));
    }

    private static AssertionSpec spec(String type, JsonNode value, Double threshold, Double weight, String metric,
                                      int index) {
        return AssertionSpec.of(type, value, threshold, weight, metric, "suite.yaml:" + (12 + index * 3) + ":9");
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }

    private static JsonNode list(String... values) {
        ArrayNode list = NODES.arrayNode();
        for (String value : values) {
            list.add(value);
        }
        return list;
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
