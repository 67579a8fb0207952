package dev.aiworkbench.prompts;

import java.util.Objects;

/**
 * The numbers shown after a run. Every one may be null, meaning unknown: a count the server did not
 * send, a time not measured, a cost without a price or a token count. Unknown is never 0.
 *
 * @param tokensPerSecond output tokens per second as the server timed its generation
 * @param priceName       the price row the cost was computed at; null when none was chosen
 */
public record RunFigures(Long ttftMs, Long totalMs, Integer promptTokens, Integer outputTokens,
                         Double tokensPerSecond, Double costUsd, String priceName) {
    public static final RunFigures UNKNOWN = new RunFigures(null, null, null, null, null, null, null);

    /**
     * The figures of a conversation that went on with another turn: times, tokens and cost add up (unknown when either
     * turn's is), the time to first token stays the first turn's (what the learner waited before anything showed),
     * and the speed is unknown since the server timed each turn's generation apart.
     */
    public RunFigures followedBy(RunFigures next) {
        return new RunFigures(ttftMs, sum(totalMs, next.totalMs), sum(promptTokens, next.promptTokens),
                sum(outputTokens, next.outputTokens), null, sum(costUsd, next.costUsd),
                Objects.equals(priceName, next.priceName) ? priceName : null);
    }

    private static Long sum(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }

    private static Integer sum(Integer a, Integer b) {
        return a == null || b == null ? null : a + b;
    }

    private static Double sum(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }
}
