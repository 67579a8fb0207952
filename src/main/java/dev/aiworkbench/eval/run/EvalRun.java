package dev.aiworkbench.eval.run;

import java.time.Instant;

/**
 * One run of one prompt on one model over a suite.
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

    public EvalRun finished(RunState end, Instant at, String why) {
        return new EvalRun(id, suiteKey, suiteFile, description, promptLabel, providerId, model, fingerprint, repeat,
                totalCases, end, startedAt, at, gateDecision, gateReason, passRate, passRateLow, passRateHigh, items, why);
    }
}
