package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.MeasureAggregate;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.stats.Bootstrap;
import dev.aiworkbench.eval.stats.Gate;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.ItemOutcome;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Joins the reports of a suite's shards into the report one run of the whole suite would give: the items of all
 * shards in key order (the order {@link EvalReporter} folds a run in), the statistics computed again over all of them,
 * every shard's baseline items paired again with them as one comparison, the gate decided again on that comparison,
 * and the RAG measures pooled. It refuses, with a sentence, reports that are not shards of one suite run
 * ({@link ShardSet}).
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /**
     * @param gate         the gate to apply when the shards carry none (the default one, as {@code eval run --gate}
     *                     takes); the shards' own gate settings win when they have them
     * @param allowPartial merge even when shards are missing or did not finish, with a warning
     * @throws IllegalArgumentException a sentence saying why the reports cannot be merged
     */
    public static EvalReport merge(List<ShardReport> reports, Optional<GateSpec> gate, boolean allowPartial) {
        ShardSet set = ShardSet.check(reports, allowPartial);
        List<ItemResult> items = reports.stream().flatMap(r -> r.items().stream())
                .sorted(Comparator.comparing(ItemResult::key)).toList();
        Optional<RunSummary> summary = EvalReporter.summary(items);
        List<String> warnings = new ArrayList<>();
        if (summary.isEmpty()) {
            warnings.add("Every item errored, so there is no pass rate: fix the errors shown for each case and run again.");
        } else {
            warnings.addAll(summary.get().warnings());
        }
        Optional<GateSpec> spec = reports.get(0).gateSpec().or(() -> gate);
        EvalRun first = reports.get(0).run();
        String id = mergedId(reports);
        Optional<BaselineComparison> comparison = summary.flatMap(s -> comparison(reports, s, spec, warnings));
        Optional<GateDecision> decision = spec.map(s -> comparison.map(c -> Gate.decide(s, c.comparison()))
                .orElseGet(() -> withoutBaseline(reports, s)));
        set.partialWarning().ifPresent(warnings::add);
        Instant started = reports.stream().map(r -> r.run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        Instant finished = reports.stream().anyMatch(r -> r.run().finishedAt() == null) ? null
                : reports.stream().map(r -> r.run().finishedAt()).max(Comparator.naturalOrder()).orElseThrow();
        RunState state = reports.stream().map(r -> r.run().state()).filter(s -> s != RunState.FINISHED).findFirst()
                .orElse(RunState.FINISHED);
        EvalRun run = new EvalRun(id, first.suiteFile(), first.suiteFile(), first.description(), first.promptLabel(),
                first.providerId(), first.model(), first.fingerprint(), first.repeat(),
                reports.stream().mapToInt(r -> r.run().totalCases()).sum(), state, started, finished,
                decision.map(d -> d.decision().label()).orElse(null), decision.map(GateDecision::reason).orElse(null),
                summary.map(s -> s.passRate().rate()).orElse(null), summary.map(s -> s.passRate().ci95().low()).orElse(null),
                summary.map(s -> s.passRate().ci95().high()).orElse(null), summary.map(RunSummary::n).orElse(null), null);
        return new EvalReport(run, items, summary, comparison, spec, decision, List.copyOf(warnings),
                quality(reports, id, started), reports.stream().map(r -> r.run().id()).toList());
    }

    /** Every shard's baseline items against all the items, paired as {@link EvalReporter} pairs one run. */
    private static Optional<BaselineComparison> comparison(List<ShardReport> reports, RunSummary summary,
                                                           Optional<GateSpec> spec, List<String> warnings) {
        List<ShardReport> paired = reports.stream().filter(r -> r.baseline().isPresent()).toList();
        if (paired.isEmpty()) {
            return Optional.empty();
        }
        List<ItemOutcome> baselineItems = paired.stream().flatMap(r -> r.baseline().orElseThrow().items().stream())
                .sorted(Comparator.comparing(ItemOutcome::key)).toList();
        String baselineIds = paired.stream().map(r -> r.baseline().orElseThrow().runId()).distinct()
                .collect(Collectors.joining(", "));
        if (paired.size() < reports.size()) {
            warnings.add(reports.stream().filter(r -> r.baseline().isEmpty()).map(ShardReport::describe)
                    .collect(Collectors.joining(", ")) + " had no baseline, so its items are left out of the comparison.");
        }
        PairedComparison comparison;
        try {
            comparison = PairedComparison.of(baselineItems, summary.items(),
                    spec.map(GateSpec::alpha).orElse(GateSpec.DEFAULT_ALPHA), Bootstrap.DEFAULT_RESAMPLES,
                    Bootstrap.DEFAULT_SEED);
        } catch (IllegalArgumentException e) {
            warnings.add("The baseline " + baselineIds + " shares no item with this run, so the two cannot be paired.");
            return Optional.empty();
        }
        boolean sameDataset = paired.stream().allMatch(r -> r.baseline().orElseThrow().sameDataset());
        if (!sameDataset) {
            warnings.add("The baseline ran a different dataset; only the " + comparison.items()
                    + " items both runs share are paired.");
        }
        return Optional.of(new BaselineComparison(baselineRun(baselineIds), comparison, sameDataset, baselineItems));
    }

    /** The shards' own no-baseline decision when they agree on it (as a run of the whole suite would say it). */
    private static GateDecision withoutBaseline(List<ShardReport> reports, GateSpec spec) {
        List<GateDecision> decisions = reports.stream().map(ShardReport::gate).flatMap(Optional::stream).distinct()
                .toList();
        if (decisions.size() == 1 && decisions.get(0).passed() && reports.stream().allMatch(r -> r.gate().isPresent())) {
            return decisions.get(0);
        }
        return Gate.withoutBaseline(spec, "the shards' reports carry no baseline comparison; run the shards with "
                + "--gate or --baseline");
    }

    /** The RAG measures over all items: each shard's mean and mean of squares, weighted by its items. */
    private static Map<QualityMeasure, QualityPoint> quality(List<ShardReport> reports, String id, Instant started) {
        Map<QualityMeasure, QualityPoint> quality = new EnumMap<>(QualityMeasure.class);
        for (QualityMeasure measure : QualityMeasure.values()) {
            List<QualityPoint> points = reports.stream().map(r -> r.quality().get(measure)).filter(Objects::nonNull)
                    .toList();
            int n = points.stream().mapToInt(QualityPoint::items).sum();
            if (n > 0) {
                double mean = points.stream().mapToDouble(p -> p.value() * p.items()).sum() / n;
                double squares = points.stream().mapToDouble(p -> p.meanOfSquares() * p.items()).sum() / n;
                quality.put(measure, QualityPoints.measure(new MeasureAggregate(id, started,
                        measure.assertionType().orElseThrow(), n, Math.min(1, Math.max(0, mean)), squares)));
            }
        }
        return quality;
    }

    /** The baseline as a report names it: the shards' baseline runs are in their own data folders, not here. */
    private static EvalRun baselineRun(String ids) {
        return new EvalRun(ids, "", "", null, null, null, null, null, 0, 0, RunState.FINISHED, null, null, null, null,
                null, null, null, null, null);
    }

    /** The same shards give the same id, so a merge run twice names one report. */
    private static String mergedId(List<ShardReport> reports) {
        String ids = reports.stream().map(r -> r.run().id()).sorted().collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.UTF_8));
            return "merged-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
