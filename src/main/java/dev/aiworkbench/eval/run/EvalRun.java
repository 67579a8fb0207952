package dev.aiworkbench.eval.run;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of one prompt on one model over a suite: a run of its own, or one cell of a run of a suite with several
 * prompts or providers (its id is then {@code <run>/<cell>}, see {@link #matrixRunId()}). A matrix run's own row is an
 * EvalRun too, whose cells the store lists; it has no figures of its own.
 *
 * @param suiteKey     which suite (and, when it has several, which prompt and provider) the run belongs to;
 *                     last-passed baselines are looked up by it
 * @param totalCases   items × repeats
 * @param gateDecision "pass" or "block" once a gate decided; null when no gate ran
 * @param failure      why the run stopped early; null otherwise
 */
public record EvalRun(String id, String suiteKey, String suiteFile, String description, String promptLabel,
                      String providerId, String model, Fingerprint fingerprint, int repeat, int totalCases,
                      RunState state, Instant startedAt, Instant finishedAt, String gateDecision, String gateReason,
                      Double passRate, Double passRateLow, Double passRateHigh, Integer items, String failure) {

    /** The run this is a cell of; empty for a run of its own (or a matrix run's own row). */
    public Optional<String> matrixRunId() {
        int slash = id.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(id.substring(0, slash));
    }

    /** Its place in its matrix run, from 1; 0 for a run of its own. */
    public int cell() {
        int slash = id.indexOf('/');
        return slash < 0 ? 0 : Integer.parseInt(id.substring(slash + 1));
    }

    /** The id of the {@code cell}th cell (from 1) of the matrix run {@code runId}. */
    public static String cellId(String runId, int cell) {
        return runId + "/" + cell;
    }

    public EvalRun finished(RunState end, Instant at, String why) {
        return new EvalRun(id, suiteKey, suiteFile, description, promptLabel, providerId, model, fingerprint, repeat,
                totalCases, end, startedAt, at, gateDecision, gateReason, passRate, passRateLow, passRateHigh, items, why);
    }
}
