package dev.aiworkbench.labs.checks;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.EvalReporter;
import dev.aiworkbench.eval.run.EvalExecution;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalProgress;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.stats.PassRate;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.eval.suite.SuiteLoader;
import dev.aiworkbench.llm.ModelServerException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs eval suites with the application's eval runner, as {@code workbench eval run} does without a gate: the suite
 * is loaded (every problem reported), each prompt × model runs with the suite's concurrency and repeat (the runs are
 * stored like any other), and the report's pass rate comes back. With several prompts or models the lowest pass
 * rate counts. Built from {@code workbench.suiteLoader()}, {@code workbench.evalRunner()} and
 * {@code workbench.evalReporter()}.
 */
public final class LocalEvalSuiteRunner implements EvalSuiteRunner {
    private static final int PROBLEMS_SHOWN = 3;

    private final SuiteLoader loader;
    private final EvalRunner runner;
    private final EvalReporter reporter;

    public LocalEvalSuiteRunner(SuiteLoader loader, EvalRunner runner, EvalReporter reporter) {
        this.loader = loader;
        this.runner = runner;
        this.reporter = reporter;
    }

    @Override
    public EvalScore run(Path suiteFile, Duration timeout)
            throws EvalSuiteException, TimeoutException, InterruptedException {
        Deadline deadline = Deadline.start(timeout);
        SuiteLoadResult loaded = loader.load(suiteFile);
        if (!loaded.valid()) {
            List<Problem> errors = loaded.errors();
            String shown = errors.stream().limit(PROBLEMS_SHOWN).map(Problem::toString).collect(Collectors.joining("; "));
            throw new EvalSuiteException(EvalSuiteException.Kind.INVALID_SUITE, errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + " (" + (shown.isEmpty() ? "the suite could not be read" : shown)
                    + (errors.size() > PROBLEMS_SHOWN ? ", …" : "") + ")");
        }
        EvalSuite suite = loaded.suite().orElseThrow();
        List<Variant> variants = Variant.all(suite);
        if (variants.isEmpty()) {
            throw new EvalSuiteException(EvalSuiteException.Kind.INVALID_SUITE,
                    "it names no prompt and chat or completion model to run");
        }
        EvalScore worst = null;
        for (Variant variant : variants) {
            EvalScore score = runOne(suite, variant, deadline);
            if (worst == null || score.passRate() < worst.passRate()) {
                worst = score;
            }
        }
        return worst;
    }

    private EvalScore runOne(EvalSuite suite, Variant variant, Deadline deadline)
            throws EvalSuiteException, TimeoutException, InterruptedException {
        Duration perAnswer = deadline.remaining().compareTo(EvalOptions.DEFAULT_REQUEST_TIMEOUT) < 0
                ? deadline.remaining() : EvalOptions.DEFAULT_REQUEST_TIMEOUT;
        EvalOptions options = new EvalOptions(suite.maxConcurrency(), suite.repeat(), EvalOptions.DEFAULT_RETRIES,
                perAnswer.isZero() ? Duration.ofMillis(1) : perAnswer, Optional.empty());
        EvalExecution execution;
        try {
            execution = runner.start(suite, variant, options, EvalProgress.NONE);
        } catch (ModelServerException e) {
            throw new EvalSuiteException(EvalSuiteException.Kind.SERVER, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EvalSuiteException(EvalSuiteException.Kind.INVALID_SUITE, e.getMessage(), e);
        }
        EvalRun finished;
        try {
            finished = execution.done().get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            execution.cancel();
            throw e;
        } catch (InterruptedException e) {
            execution.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EvalSuiteException(EvalSuiteException.Kind.SERVER, cause.getMessage() == null
                    ? cause.toString() : cause.getMessage(), cause);
        }
        EvalReport report;
        try {
            report = reporter.report(finished, Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new EvalSuiteException(EvalSuiteException.Kind.NO_RESULT, e.getMessage(), e);
        }
        if (report.summary().isEmpty()) {
            throw new EvalSuiteException(EvalSuiteException.Kind.NO_RESULT, "every case of run " + finished.id()
                    + " errored" + (report.warnings().isEmpty() ? "" : " (" + report.warnings().get(0) + ")"));
        }
        PassRate rate = report.summary().get().passRate();
        return new EvalScore(rate.rate(), rate.ci95().low(), rate.ci95().high(), rate.items(), rate.explain(),
                finished.id(), finished.promptLabel() + " on " + finished.model());
    }
}
