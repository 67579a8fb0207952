package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.AssertionResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One item's run (of one repeat): what was sent, what came back and how it was graded.
 *
 * @param error    why the case is an error (the model failed, a judge failed); null when it was graded
 * @param attempts requests made, retries included
 */
public record CaseResult(String itemKey, int repeatIndex, String description, String cluster, Map<String, String> vars,
                         String prompt, String output, boolean pass, double score, String error,
                         List<AssertionResult> assertions, Long latencyMs, Integer promptTokens, Integer outputTokens,
                         int attempts, Instant finishedAt) {

    public boolean errored() {
        return error != null;
    }
}
