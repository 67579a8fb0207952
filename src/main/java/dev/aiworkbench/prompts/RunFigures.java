package dev.aiworkbench.prompts;

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
}
