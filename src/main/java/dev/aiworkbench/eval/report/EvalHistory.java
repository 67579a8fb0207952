package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalStore;
import dev.aiworkbench.eval.run.MeasureAggregate;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.suite.EvalSuite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored runs of a suite as a screen reads them: the runs, their cases, and the newest finished run's
 * report. Reads the database: call it off the UI thread.
 */
public final class EvalHistory {
    /** Later than any run's start: the open end of an unbounded range (stored times are four-digit years). */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");
    /** How far back a provider's comparable run is looked for among its newest runs. */
    private static final int COMPARABLE_RUNS = 50;

    private final EvalStore store;
    private final EvalReporter reporter;

    public EvalHistory(EvalStore store) {
        this.store = store;
        this.reporter = new EvalReporter(store);
    }

    /** Runs of the suite, newest first; all suites when {@code suiteKey} is null. */
    public List<EvalRun> runs(String suiteKey, int limit) {
        return store.runs(suiteKey, limit);
    }

    /**
     * The report of one stored run, to open it from a link (a recorded model call names its run): its items and
     * summary, unpaired; the gate decision recorded when it ran stands. Empty when the run is not kept.
     */
    public Optional<EvalReport> report(String runId) {
        // A matrix run's own row has no cases: its first cell stands for it.
        return store.run(runId).map(run -> store.cells(run.id()).stream().findFirst().orElse(run))
                .map(run -> reporter.report(run, Optional.empty(), Optional.empty()));
    }

    /** The cells of a matrix run, each a run within it, in order; empty for a run of its own. */
    public List<EvalRun> cells(String runId) {
        return store.cells(runId);
    }

    /** Each suite's newest finished run with a pass rate, by suite key: the latest quality of every suite. */
    public List<EvalRun> latestFinished() {
        return store.latestFinished();
    }

    /**
     * The run a gate compares {@code run} with by default: the suite's newest other finished run that passed its gate
     * and graded the same way ({@code last-passed}).
     */
    public Optional<EvalRun> defaultBaseline(EvalRun run) {
        return store.lastPassed(run.suiteKey(), run.fingerprint().assertionsHash(), run.id());
    }

    /** The newest point of one quality series of a suite, over all its runs; empty when no run has the measure. */
    public Optional<QualityPoint> latest(String suiteKey, QualityMeasure measure) {
        List<QualityPoint> points = quality(suiteKey, measure, Instant.EPOCH, END_OF_TIME);
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    /** How many cases of the run are kept, without reading them. */
    public int caseCount(String runId) {
        return store.caseCount(runId);
    }

    public List<CaseResult> cases(String runId) {
        return store.cases(runId);
    }

    /** The suites that have runs (each prompt and model of a suite is its own key), the one run most recently first. */
    public List<String> suiteKeys() {
        return store.suiteKeys();
    }

    /**
     * One quality series of a suite: per finished run started in [from, to), oldest first, the measure's value
     * with its 95% interval and the run's id. A RAG measure has points only for runs that graded with it.
     */
    public List<QualityPoint> quality(String suiteKey, QualityMeasure measure, Instant from, Instant to) {
        if (measure == QualityMeasure.PASS_RATE) {
            return store.finishedRuns(suiteKey, from, to).stream().map(QualityPoints::passRate).toList();
        }
        return store.measures(suiteKey, from, to, List.of(measure.assertionType().orElseThrow())).stream()
                .map(QualityPoints::measure).toList();
    }

    /**
     * Every quality series of a suite over [from, to), in the order of {@link QualityMeasure}: the pass rate, and
     * each RAG measure the suite graded with in that time (one query for all of them).
     */
    public Map<QualityMeasure, List<QualityPoint>> qualitySeries(String suiteKey, Instant from, Instant to) {
        Map<QualityMeasure, List<QualityPoint>> series = new EnumMap<>(QualityMeasure.class);
        series.put(QualityMeasure.PASS_RATE, quality(suiteKey, QualityMeasure.PASS_RATE, from, to));
        for (MeasureAggregate aggregate : store.measures(suiteKey, from, to, QualityPoints.RAG_TYPES)) {
            QualityPoints.ofType(aggregate.assertionType()).ifPresent(measure -> series
                    .computeIfAbsent(measure, m -> new ArrayList<>()).add(QualityPoints.measure(aggregate)));
        }
        series.replaceAll((measure, points) -> List.copyOf(points));
        return Collections.unmodifiableMap(series);
    }

    /** {@link #qualitySeries(String, Instant, Instant)} over all time. */
    public Map<QualityMeasure, List<QualityPoint>> qualitySeries(String suiteKey) {
        return qualitySeries(suiteKey, Instant.EPOCH, END_OF_TIME);
    }

    /** Words for one point, e.g. "faithfulness 0.850 over 12 items, 95% interval 0.700 to 0.950 (…)". */
    public static String explain(QualityMeasure measure, QualityPoint point) {
        return QualityPoints.explain(measure, point);
    }

    /**
     * The suite's matrix around a shown run. A cell of a run of the whole suite is shown with that run's other cells;
     * a run of one cell on its own (the screen runs one at a time) with each other cell's newest finished run that
     * graded the same way. Every pair is compared item by item. Empty for a suite of one cell, or a run that is no
     * cell of this suite (any more).
     */
    public Optional<MatrixReport> matrix(EvalSuite suite, EvalRun shown) {
        if (shown.matrixRunId().isPresent()) {
            List<EvalReport> cells = store.cells(shown.matrixRunId().get()).stream()
                    .map(cell -> cell.id().equals(shown.id()) ? shown : cell)
                    .map(cell -> reporter.report(cell, Optional.empty(), Optional.empty())).toList();
            return cells.size() < 2 ? Optional.empty() : Optional.of(MatrixReport.of(cells, Optional.empty()));
        }
        List<Variant> variants = Variant.all(suite);
        if (variants.size() < 2 || variants.stream().noneMatch(v -> v.suiteKey(suite).equals(shown.suiteKey()))) {
            return Optional.empty();
        }
        List<EvalReport> reports = new ArrayList<>();
        for (Variant variant : variants) {
            Optional<EvalRun> run = variant.suiteKey(suite).equals(shown.suiteKey()) ? Optional.of(shown)
                    : store.runs(variant.suiteKey(suite), COMPARABLE_RUNS).stream()
                    .filter(r -> r.state() == RunState.FINISHED && r.fingerprint().gradedLike(shown.fingerprint()))
                    .findFirst();
            run.ifPresent(r -> reports.add(reporter.report(r, Optional.empty(), Optional.empty())));
        }
        return Optional.of(MatrixReport.of(reports, Optional.empty()));
    }

    /**
     * The report of the newest finished run among {@code newestFirst}, paired with the finished run before it
     * that graded the same way. No gate is applied again: the decision recorded when it ran stands.
     */
    public Optional<EvalReport> latestReport(List<EvalRun> newestFirst) {
        List<EvalRun> finished = newestFirst.stream().filter(r -> r.state() == RunState.FINISHED).toList();
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        EvalRun latest = finished.get(0);
        Optional<String> previous = finished.subList(1, finished.size()).stream()
                .filter(r -> r.fingerprint().gradedLike(latest.fingerprint())).map(EvalRun::id).findFirst();
        try {
            return Optional.of(reporter.report(latest, Optional.empty(), previous));
        } catch (IllegalArgumentException e) {
            return Optional.of(reporter.report(latest, Optional.empty(), Optional.empty()));
        }
    }
}
