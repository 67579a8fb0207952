package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalStore;
import dev.aiworkbench.eval.run.RunState;

import java.util.List;
import java.util.Optional;

/**
 * The stored runs of a suite as a screen reads them: the runs, their cases, and the newest finished run's
 * report. Reads the database: call it off the UI thread.
 */
public final class EvalHistory {
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

    /** Each suite's newest finished run with a pass rate, by suite key: the latest quality of every suite. */
    public List<EvalRun> latestFinished() {
        return store.latestFinished();
    }

    /** How many cases of the run are kept, without reading them. */
    public int caseCount(String runId) {
        return store.caseCount(runId);
    }

    public List<CaseResult> cases(String runId) {
        return store.cases(runId);
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
