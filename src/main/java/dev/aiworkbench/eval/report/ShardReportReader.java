package dev.aiworkbench.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.Fingerprint;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Shard;
import dev.aiworkbench.eval.stats.DropScale;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.ItemOutcome;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back a JSON report that {@link JsonReportWriter} wrote, with every figure a merge recomputes from: each
 * item's repeats (pass, score, error), its cluster, the baseline's per-item outcomes and the gate's settings. What
 * the report leaves out (the prompts sent, token counts) is left empty; no writer shows it.
 */
public final class ShardReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardReportReader() {
    }

    /**
     * @param source names the report in messages, e.g. its file name
     * @throws IllegalArgumentException a sentence naming the source when the text is not such a report
     */
    public static ShardReport read(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "); give the reports `workbench eval run -o` wrote.");
        }
        try {
            return report(source, root);
        } catch (MissingField e) {
            throw new IllegalArgumentException(source + " is not an eval report written by `workbench eval run -o`: "
                    + e.getMessage() + "; give the reports the shards wrote, unchanged.");
        }
    }

    private static ShardReport report(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MissingField("it is not a JSON object");
        }
        Optional<Shard> shard = Optional.ofNullable(nullableText(root, "shard")).map(ShardReportReader::shard);
        String file = text(required(root, "suite"), "file");
        JsonNode fp = required(root, "fingerprint");
        Fingerprint fingerprint = new Fingerprint(text(fp, "prompt"), text(fp, "dataset"), text(fp, "assertions"),
                text(fp, "options"), nullableText(fp, "modelDigest"));
        List<ItemResult> items = new ArrayList<>();
        for (JsonNode item : array(root, "cases")) {
            items.add(item(item));
        }
        Optional<GateSpec> gateSpec = Optional.empty();
        Optional<GateDecision> gate = Optional.empty();
        JsonNode gateNode = root.path("gate");
        if (gateNode.isObject()) {
            gate = Optional.of(new GateDecision(decision(text(gateNode, "decision")), mode(text(gateNode, "mode")),
                    text(gateNode, "reason"), strings(gateNode, "warnings")));
            JsonNode spec = gateNode.path("spec");
            if (spec.isObject()) {
                boolean relative = spec.has(DropScale.RELATIVE.configKey());
                DropScale scale = relative ? DropScale.RELATIVE : DropScale.POINTS;
                gateSpec = Optional.of(new GateSpec(text(spec, "baseline"), number(spec, scale.configKey()), scale,
                        number(spec, "alpha"), mode(text(spec, "mode"))));
            }
        }
        int totalCases = items.stream().mapToInt(i -> i.runs().size()).sum();
        EvalRun run = new EvalRun(text(root, "runId"), shard.map(s -> s.key(file)).orElse(file), file,
                nullableText(root.path("suite"), "description"), text(root, "prompt"), text(root, "provider"),
                text(root, "model"), fingerprint, (int) number(root, "repeat"), totalCases, state(text(root, "state")),
                instant(text(root, "startedAt")), Optional.ofNullable(nullableText(root, "finishedAt"))
                .map(ShardReportReader::instant).orElse(null), gate.map(g -> g.decision().label()).orElse(null),
                gate.map(GateDecision::reason).orElse(null), nullableNumber(root, "passRate"), null, null,
                root.path("n").isNumber() ? root.path("n").asInt() : null, null);
        return new ShardReport(source, run, shard, items, baseline(root.path("baseline")), gateSpec, gate,
                quality(root.path("quality"), run));
    }

    private static ItemResult item(JsonNode node) {
        String key = text(node, "key");
        String description = nullableText(node, "description");
        String cluster = nullableText(node, "cluster");
        Map<String, String> vars = new LinkedHashMap<>();
        required(node, "vars").properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
        List<AssertionResult> assertions = new ArrayList<>();
        for (JsonNode a : array(node, "assertions")) {
            // The report keeps what a reader sees of an assertion; its metric and weight are not in it.
            assertions.add(new AssertionResult(text(a, "type"), bool(a, "pass"), number(a, "score"), text(a, "reason"),
                    false, null, 1));
        }
        Long latency = node.path("latencyMs").isNumber() ? node.path("latencyMs").asLong() : null;
        boolean pass = bool(node, "pass");
        double score = number(node, "score");
        String error = nullableText(node, "error");
        List<CaseResult> runs = new ArrayList<>();
        if (node.path("runs").isArray()) {
            for (JsonNode r : node.path("runs")) {
                runs.add(new CaseResult(key, (int) number(r, "repeat"), description, cluster, vars, "",
                        nullableText(r, "output"), bool(r, "pass"), number(r, "score"), nullableText(r, "error"),
                        List.of(), null, null, null, 1, null));
            }
        } else {
            runs.add(new CaseResult(key, 0, description, cluster, vars, "", nullableText(node, "output"), pass, score,
                    error, List.of(), null, null, null, 1, null));
        }
        if (runs.isEmpty()) {
            throw new MissingField("item " + key + " has no runs");
        }
        ItemResult folded = new ItemResult(key, description, runs, pass, score, number(node, "passFraction"),
                bool(node, "flaky"), error, bool(node, "changed"));
        // The report shows one run in full (assertions, latency); put them back on that run, found as the writer found it.
        CaseResult shown = folded.shown();
        runs.set(runs.indexOf(shown), new CaseResult(key, shown.repeatIndex(), description, cluster, vars, "",
                shown.output(), shown.pass(), shown.score(), shown.error(), assertions, latency, null, null, 1, null));
        return new ItemResult(key, description, runs, pass, score, folded.passFraction(), folded.flaky(), error,
                folded.changed());
    }

    private static Optional<ShardReport.Baseline> baseline(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (JsonNode o : array(node, "outcomes")) {
            outcomes.add(ItemOutcome.of(text(o, "key"), nullableText(o, "cluster"), (int) number(o, "runs"),
                    (int) number(o, "passes"), (int) number(o, "errors"), number(o, "meanScore")));
        }
        return Optional.of(new ShardReport.Baseline(text(node, "runId"), bool(node, "sameDataset"), outcomes));
    }

    private static Map<QualityMeasure, QualityPoint> quality(JsonNode node, EvalRun run) {
        Map<QualityMeasure, QualityPoint> quality = new EnumMap<>(QualityMeasure.class);
        for (QualityMeasure measure : QualityMeasure.values()) {
            JsonNode point = node.path(measure.jsonName());
            if (point.isObject()) {
                JsonNode ci = required(point, "ci95");
                quality.put(measure, new QualityPoint(run.startedAt(), number(point, "mean"), ci.path(0).asDouble(),
                        ci.path(1).asDouble(), run.id(), (int) number(point, "items"), number(point, "meanOfSquares")));
            }
        }
        return quality;
    }

    private static Shard shard(String written) {
        try {
            return Shard.parse(written);
        } catch (IllegalArgumentException e) {
            throw new MissingField("its shard '" + written + "' is not K/N");
        }
    }

    private static RunState state(String id) {
        try {
            return RunState.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new MissingField("its state '" + id + "' is not one a run has");
        }
    }

    private static GateDecision.Decision decision(String label) {
        try {
            return GateDecision.Decision.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MissingField("its gate decision '" + label + "' is neither pass nor block");
        }
    }

    private static GateMode mode(String name) {
        try {
            return GateMode.fromConfig(name);
        } catch (IllegalArgumentException e) {
            throw new MissingField("its gate mode '" + name + "' is unknown");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MissingField("'" + text + "' is not a time");
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MissingField("'" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new MissingField("'" + field + "' is not text");
        }
        return value.asText();
    }

    private static String nullableText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new MissingField("'" + field + "' is not a number");
        }
        return value.asDouble();
    }

    private static Double nullableNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new MissingField("'" + field + "' is not true or false");
        }
        return value.asBoolean();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isArray()) {
            throw new MissingField("'" + field + "' is not a list");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> list = new ArrayList<>();
        array(node, field).forEach(v -> list.add(v.asText()));
        return list;
    }

    /** A field the report must have and lacks, said as the end of a sentence. */
    private static final class MissingField extends IllegalArgumentException {
        MissingField(String what) {
            super(what);
        }
    }
}
