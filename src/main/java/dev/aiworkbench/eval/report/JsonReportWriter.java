package dev.aiworkbench.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.Shard;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.Interval;
import dev.aiworkbench.eval.stats.ItemOutcome;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report as JSON, in the shape the README documents (every figure with the words behind it). */
public final class JsonReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    public static String write(EvalReport report) {
        try {
            return JSON.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    /**
     * The report of a whole suite: for one cell, exactly the shape of {@link #write(EvalReport)}; for several, the
     * suite, the {@code matrix} (its prompts and providers), each cell as a single run's report ({@code cells}: its
     * {@code prompt}, {@code provider}, {@code n}, {@code passRate}, {@code passRateCi95}, {@code meanScore},
     * {@code cases}, …), every pair of cells compared ({@code comparisons}) and the cell the gate guards.
     */
    public static String write(MatrixReport matrix) {
        if (matrix.single()) {
            return write(matrix.cells().getFirst());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        // The one stored run the cells belong to (each cell's runId is "<runId>/<cell>"); null for cells read
        // together from runs of their own.
        root.put("runId", matrix.runId().orElse(null));
        root.put("suite", ordered("file", matrix.first().suiteFile(), "description", matrix.first().description()));
        root.put("matrix", ordered("prompts", matrix.prompts(), "providers", matrix.providers()));
        root.put("cells", matrix.cells().stream().map(JsonReportWriter::tree).toList());
        root.put("comparisons", matrix.comparisons().stream().map(JsonReportWriter::comparison).toList());
        root.put("gate", matrix.gatedCell().map(cell -> ordered("prompt", cell.run().promptLabel(), "provider",
                cell.run().providerId(), "runId", cell.run().id(), "decision", cell.gate().map(g -> g.decision().label())
                        .orElse(null))).orElse(null));
        root.put("blocked", matrix.blocked());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    static Map<String, Object> tree(EvalReport report) {
        EvalRun run = report.run();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", run.id());
        root.put("suite", ordered("file", run.suiteFile(), "description", run.description()));
        root.put("prompt", run.promptLabel());
        root.put("provider", run.providerId());
        root.put("model", run.model());
        root.put("state", run.state().id());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        root.put("repeat", run.repeat());
        root.put("shard", Shard.ofKey(run.suiteKey()).map(Shard::toString).orElse(null));
        root.put("fingerprint", ordered("prompt", run.fingerprint().promptHash(), "dataset", run.fingerprint().datasetHash(),
                "assertions", run.fingerprint().assertionsHash(), "options", run.fingerprint().optionsHash(),
                "modelDigest", run.fingerprint().modelDigest()));
        RunSummary summary = report.summary().orElse(null);
        root.put("n", summary == null ? 0 : summary.n());
        root.put("passed", report.passed());
        root.put("failed", report.failed());
        root.put("errors", report.errors());
        root.put("passRate", summary == null ? null : summary.passRate().rate());
        root.put("passRateCi95", summary == null ? null : pair(summary.passRate().ci95()));
        root.put("meanScore", summary == null ? null : summary.meanScore().mean());
        root.put("meanScoreCi95", summary == null ? null : pair(summary.meanScore().ci95()));
        root.put("flaky", summary == null ? List.of() : summary.flakyItems());
        root.put("explain", summary == null ? null : ordered("passRate", summary.passRate().explain(),
                "meanScore", summary.meanScore().explain()));
        root.put("quality", quality(report));
        root.put("warnings", report.warnings());
        root.put("cases", report.items().stream().map(JsonReportWriter::item).toList());
        root.put("baseline", report.baseline().map(JsonReportWriter::baseline).orElse(null));
        root.put("gate", report.gate().map(decision -> gate(decision, report.gateSpec())).orElse(null));
        if (!report.mergedFrom().isEmpty()) {
            root.put("mergedFrom", report.mergedFrom());
        }
        return root;
    }

    /** Each RAG measure the run graded with: its mean over items, interval, item count and sentence. */
    private static Map<String, Object> quality(EvalReport report) {
        Map<String, Object> quality = new LinkedHashMap<>();
        report.quality().forEach((measure, point) -> quality.put(measure.jsonName(), ordered("mean", point.value(),
                "ci95", List.of(point.low(), point.high()), "items", point.items(), "meanOfSquares",
                point.meanOfSquares(), "explain", QualityPoints.explain(measure, point))));
        return quality;
    }

    private static Map<String, Object> item(ItemResult item) {
        CaseResult shown = item.shown();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", item.key());
        json.put("description", item.description());
        if (shown.cluster() != null) {
            json.put("cluster", shown.cluster());
        }
        json.put("vars", shown.vars());
        json.put("output", shown.output());
        json.put("pass", item.pass());
        json.put("score", item.score());
        json.put("error", item.error());
        json.put("assertions", shown.assertions().stream().map(JsonReportWriter::assertion).toList());
        json.put("latencyMs", shown.latencyMs());
        json.put("passFraction", item.passFraction());
        json.put("flaky", item.flaky());
        json.put("changed", item.changed());
        if (item.runs().size() > 1) {
            json.put("runs", item.runs().stream().map(run -> ordered("repeat", run.repeatIndex(), "output", run.output(),
                    "pass", run.pass(), "score", run.score(), "error", run.error())).toList());
        }
        return json;
    }

    private static Map<String, Object> assertion(AssertionResult result) {
        return ordered("type", result.type(), "pass", result.pass(), "score", result.score(), "reason", result.reason());
    }

    private static Map<String, Object> baseline(BaselineComparison baseline) {
        PairedComparison comparison = baseline.comparison();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", baseline.baseline().id());
        json.put("items", comparison.items());
        json.put("sameDataset", baseline.sameDataset());
        json.put("b", comparison.mcnemar().b());
        json.put("c", comparison.mcnemar().c());
        json.put("delta", comparison.delta());
        json.put("deltaCi95", pair(comparison.deltaCi95()));
        json.put("pExact", comparison.mcnemar().pExact());
        json.put("pMid", comparison.mcnemar().pMid());
        json.put("mde", comparison.mde().drop());
        json.put("scoreDelta", comparison.scoreDelta() == null ? null : comparison.scoreDelta().delta());
        json.put("scoreDeltaCi95", comparison.scoreDelta() == null ? null : pair(comparison.scoreDelta().ci95()));
        json.put("explain", comparison.explain());
        json.put("outcomes", baseline.baselineItems().stream().map(JsonReportWriter::outcome).toList());
        return json;
    }

    /** Named like the baseline's fields, so a reader of one reads the other. */
    private static Map<String, Object> comparison(CellComparison compared) {
        Map<String, Object> json = ordered("baseline", cell(compared.baseline()), "candidate",
                cell(compared.candidate()));
        Optional<PairedComparison> paired = compared.paired();
        json.put("items", paired.map(PairedComparison::items).orElse(0));
        json.put("b", paired.map(p -> p.mcnemar().b()).orElse(null));
        json.put("c", paired.map(p -> p.mcnemar().c()).orElse(null));
        json.put("delta", paired.map(PairedComparison::delta).orElse(null));
        json.put("deltaCi95", paired.map(p -> pair(p.deltaCi95())).orElse(null));
        json.put("pExact", paired.map(p -> p.mcnemar().pExact()).orElse(null));
        json.put("pMid", paired.map(p -> p.mcnemar().pMid()).orElse(null));
        json.put("differing", compared.differing().stream().map(d -> ordered("key", d.key(), "baselinePass",
                d.baselinePass(), "candidatePass", d.candidatePass())).toList());
        json.put("explain", compared.explain());
        return json;
    }

    private static Map<String, Object> cell(EvalRun run) {
        return ordered("prompt", run.promptLabel(), "provider", run.providerId(), "runId", run.id());
    }

    /** A baseline item as the comparison paired it, for merging shards' reports. */
    private static Map<String, Object> outcome(ItemOutcome item) {
        Map<String, Object> json = ordered("key", item.key(), "runs", item.runs(), "passes", item.passes(),
                "errors", item.errors(), "meanScore", item.meanScore());
        if (item.cluster() != null) {
            json.put("cluster", item.cluster());
        }
        return json;
    }

    private static Map<String, Object> gate(GateDecision decision, Optional<GateSpec> spec) {
        Map<String, Object> json = ordered("decision", decision.decision().label(), "mode", decision.mode().configName(),
                "reason", decision.reason(), "warnings", decision.warnings());
        spec.ifPresent(s -> json.put("spec", ordered("baseline", s.baseline(), s.scale().configKey(), s.maxDrop(), "alpha", s.alpha(),
                "mode", s.mode().configName())));
        return json;
    }

    private static double[] pair(Interval interval) {
        return new double[] {interval.low(), interval.high()};
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
