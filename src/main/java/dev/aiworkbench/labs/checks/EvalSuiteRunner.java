package dev.aiworkbench.labs.checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Runs an eval suite for an {@code eval} check and gives its pass rate. */
@FunctionalInterface
public interface EvalSuiteRunner {

    /**
     * Loads and runs the suite to its end.
     *
     * @param timeout the whole run must finish within it; a run still going is cancelled
     * @throws EvalSuiteException the suite is broken, nothing could be measured, or the model server failed
     * @throws TimeoutException   the run did not finish in time (it was cancelled)
     */
    EvalScore run(Path suiteFile, Duration timeout) throws EvalSuiteException, TimeoutException, InterruptedException;

    /** For contexts that cannot run suites: every run is an error that says so. */
    EvalSuiteRunner UNAVAILABLE = (suiteFile, timeout) -> {
        throw new EvalSuiteException(EvalSuiteException.Kind.UNAVAILABLE,
                "eval suites cannot be run here (no eval runner was given to the checks)");
    };

    /**
     * A run's pass rate with its Wilson 95% interval.
     *
     * @param explanation the pass rate in words, e.g. "17 of 20 passed: 85.0%, 95% interval 64.0% to 94.8% (Wilson)"
     * @param label       which prompt and model ran, e.g. "prompt 1 on ollama:chat:llama3.2"
     */
    record EvalScore(double passRate, double low, double high, int items, String explanation, String runId,
                     String label) {
    }

    /** Why a suite gave no pass rate. */
    final class EvalSuiteException extends Exception {
        public enum Kind {
            /** The suite file has errors: the learner's work to fix. */
            INVALID_SUITE,
            /** Every item errored: there is no pass rate. */
            NO_RESULT,
            /** The model server failed, cannot be reached or lacks a model. */
            SERVER,
            /** Nothing can run suites in this context. */
            UNAVAILABLE
        }

        private final Kind kind;

        public EvalSuiteException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public EvalSuiteException(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
