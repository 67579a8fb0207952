package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalStore;
import dev.aiworkbench.eval.run.MeasureAggregate;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.stats.Bootstrap;
import dev.aiworkbench.eval.stats.Gate;
import dev.aiworkbench.eval.stats.GateDecision;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.stats.PairedComparison;
import dev.aiworkbench.eval.stats.RunSummary;
import dev.aiworkbench.eval.stats.Trial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored run into its report: folds repeats per item, computes the statistics, finds the
 * baseline (a run id, or the newest run of the suite that passed its gate and graded the same way),
 * pairs the items, lets the gate decide, and records the decision so later runs can find this one.
 */
public final class EvalReporter {
    private final EvalStore store;

    public EvalReporter(EvalStore store) {
        this.store = store;
    }

    /**
     * @param gate     the gate to apply, when the run asks for one
     * @param baseline a run id or last-passed; empty to take the gate's own (or none without a gate)
     * @throws IllegalArgumentException a baseline that does not exist or graded differently
     */
    public EvalReport report(EvalRun run, Optional<GateSpec> gate, Optional<String> baseline) {
        // The baseline first: it can refuse, and then nothing of the work below is wasted.
        String wanted = wantedBaseline(gate, baseline);
        Optional<EvalRun> baselineRun = wanted == null ? Optional.empty() : findBaseline(run, wanted);
        List<CaseResult> cases = store.cases(run.id());
        List<ItemResult> items = fold(cases);
        List<String> warnings = new ArrayList<>();
        Optional<RunSummary> summary = summary(items);
        if (summary.isEmpty()) {
            warnings.add("Every item errored, so there is no pass rate: fix the errors shown for each case and run again.");
        } else {
            warnings.addAll(summary.get().warnings());
        }
        Optional<BaselineComparison> comparison = Optional.empty();
        Optional<GateDecision> decision = Optional.empty();
        if (baselineRun.isPresent() && summary.isPresent()) {
            List<ItemResult> baselineItems = fold(store.cases(baselineRun.get().id()));
            Optional<RunSummary> baselineSummary = summary(baselineItems);
            if (baselineSummary.isPresent()) {
                try {
                    PairedComparison paired = PairedComparison.of(baselineSummary.get(), summary.get(),
                            gate.map(GateSpec::alpha).orElse(GateSpec.DEFAULT_ALPHA), Bootstrap.DEFAULT_SEED);
                    comparison = Optional.of(new BaselineComparison(baselineRun.get(), paired,
                            baselineRun.get().fingerprint().sameDataset(run.fingerprint()),
                            baselineSummary.get().items()));
                    items = markChanged(items, baselineItems);
                    if (!comparison.get().sameDataset()) {
                        warnings.add("The baseline ran a different dataset; only the " + paired.items()
                                + " items both runs share are paired.");
                    }
                } catch (IllegalArgumentException e) {
                    warnings.add("The baseline " + baselineRun.get().id() + " shares no item with this run, so the two "
                            + "cannot be paired.");
                }
            }
        }
        if (gate.isPresent()) {
            GateSpec spec = gate.get();
            decision = Optional.of(comparison.map(c -> Gate.decide(spec, c.comparison()))
                    .orElseGet(() -> Gate.withoutBaseline(spec, baselineRun.isEmpty()
                            ? (spec.baselineIsLastPassed() ? "no earlier run of this suite has passed its gate yet"
                            : "the baseline run has no comparable results")
                            : "the baseline could not be paired with this run")));
        }
        EvalRun recorded = record(run, summary, decision);
        return new EvalReport(recorded, items, summary, comparison, gate, decision, List.copyOf(warnings), quality(run),
                List.of());
    }

    /**
     * Checks, before a run spends any model call, that the baseline {@link #report} will look for
     * exists; whether it graded the same way can only be told once the run has its fingerprint.
     *
     * @throws IllegalArgumentException a baseline id (given, or named by the gate) with no run behind it
     */
    public void checkBaseline(Optional<GateSpec> gate, Optional<String> baseline) {
        String wanted = wantedBaseline(gate, baseline);
        if (wanted != null && !GateSpec.LAST_PASSED.equals(wanted)) {
            storedBaseline(wanted);
        }
    }

    private static String wantedBaseline(Optional<GateSpec> gate, Optional<String> baseline) {
        return baseline.orElse(gate.map(GateSpec::baseline).orElse(null));
    }

    private EvalRun storedBaseline(String wanted) {
        return store.run(wanted).orElseThrow(() -> new IllegalArgumentException("There is no run '" + wanted
                + "' to compare with; `workbench eval runs` lists them."));
    }

    private Optional<EvalRun> findBaseline(EvalRun run, String wanted) {
        if (GateSpec.LAST_PASSED.equals(wanted)) {
            return store.lastPassed(run.suiteKey(), run.fingerprint().assertionsHash(), run.id());
        }
        EvalRun found = sameCell(storedBaseline(wanted), run);
        if (found.id().equals(run.id())) {
            throw new IllegalArgumentException("A run cannot be its own baseline.");
        }
        if (!found.fingerprint().gradedLike(run.fingerprint())) {
            throw new IllegalArgumentException("Run " + wanted + " graded with different assertions, so its verdicts "
                    + "cannot be paired with this run's; choose a baseline of the same suite version.");
        }
        return Optional.of(found);
    }

    /**
     * A matrix run named as the baseline of one of a matrix's cells stands for its cell of the same prompt and
     * provider; any other run stands for itself.
     */
    private EvalRun sameCell(EvalRun baseline, EvalRun run) {
        List<EvalRun> cells = store.cells(baseline.id());
        if (cells.isEmpty()) {
            return baseline;
        }
        return cells.stream().filter(cell -> cell.suiteKey().equals(run.suiteKey())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Run " + baseline.id() + " has no cell of '"
                        + run.promptLabel() + "' on " + run.providerId() + " to compare with; name one of its cells ("
                        + String.join(", ", cells.stream().map(EvalRun::id).toList()) + ") or another run."));
    }

    private EvalRun record(EvalRun run, Optional<RunSummary> summary, Optional<GateDecision> decision) {
        EvalRun recorded = new EvalRun(run.id(), run.suiteKey(), run.suiteFile(), run.description(), run.promptLabel(),
                run.providerId(), run.model(), run.fingerprint(), run.repeat(), run.totalCases(), run.state(),
                run.startedAt(), run.finishedAt(), decision.map(d -> d.decision().label()).orElse(run.gateDecision()),
                decision.map(GateDecision::reason).orElse(run.gateReason()),
                summary.map(s -> s.passRate().rate()).orElse(null), summary.map(s -> s.passRate().ci95().low()).orElse(null),
                summary.map(s -> s.passRate().ci95().high()).orElse(null), summary.map(RunSummary::n).orElse(null),
                run.failure());
        // Reopening a stored run gives back what it already holds: no write for that.
        if (!recorded.equals(run)) {
            store.record(recorded);
        }
        return recorded;
    }

    /**
     * The run's RAG measures, aggregated in SQL from its cases. A finished run's are also kept for the quality
     * series (written only when they changed, so reopening a report writes nothing).
     */
    private Map<QualityMeasure, QualityPoint> quality(EvalRun run) {
        List<MeasureAggregate> measures = store.measures(run.id(), QualityPoints.RAG_TYPES);
        if (run.state() == RunState.FINISHED && !measures.equals(store.recordedMeasures(run.id()))) {
            store.recordMeasures(run.id(), measures);
        }
        Map<QualityMeasure, QualityPoint> quality = new LinkedHashMap<>();
        for (MeasureAggregate aggregate : measures) {
            QualityPoints.ofType(aggregate.assertionType())
                    .ifPresent(measure -> quality.put(measure, QualityPoints.measure(aggregate)));
        }
        return quality;
    }

    /**
     * The cases as items, in the order of their keys: the bootstrap resamples items by position, so the figures must
     * not depend on the order the cases happened to land in (nor on which shard ran them, for a merged report).
     */
    static List<ItemResult> fold(List<CaseResult> cases) {
        Map<String, List<CaseResult>> byItem = new LinkedHashMap<>();
        cases.stream().sorted(Comparator.comparing(CaseResult::itemKey).thenComparingInt(CaseResult::repeatIndex))
                .forEach(c -> byItem.computeIfAbsent(c.itemKey(), k -> new ArrayList<>()).add(c));
        List<ItemResult> items = new ArrayList<>();
        byItem.forEach((key, runs) -> items.add(ItemResult.of(key, runs)));
        return items;
    }

    /** The statistics of the items; empty when every item errored. */
    static Optional<RunSummary> summary(List<ItemResult> items) {
        List<Trial> trials = new ArrayList<>();
        for (ItemResult item : items) {
            for (CaseResult run : item.runs()) {
                Trial trial = run.errored() ? Trial.errored(run.itemKey())
                        : run.pass() ? Trial.passed(run.itemKey(), run.score()) : Trial.failed(run.itemKey(), run.score());
                trials.add(run.cluster() == null ? trial : trial.inCluster(run.cluster()));
            }
        }
        try {
            return Optional.of(RunSummary.of(trials));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static List<ItemResult> markChanged(List<ItemResult> items, List<ItemResult> baseline) {
        Map<String, Boolean> before = new LinkedHashMap<>();
        baseline.forEach(item -> before.put(item.key(), item.pass()));
        return items.stream().map(item -> item.withChanged(before.containsKey(item.key())
                && before.get(item.key()) != item.pass())).toList();
    }
}
