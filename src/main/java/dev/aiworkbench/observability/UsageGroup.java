package dev.aiworkbench.observability;

/**
 * The calls of one group (a model, a feature, a day …). Token sums count only the calls whose server gave the
 * count; the cost sums the calls with a known cost. Latency percentiles and tokens per second are over the calls
 * that ended well, so that fast failures do not make a model look quick.
 *
 * @param tokensPerSecond the median of the server-timed output rate, or null
 */
public record UsageGroup(String key, long calls, long errors, long inputTokens, long outputTokens, double costUsd,
                         Percentiles ttftMs, Percentiles totalMs, Double tokensPerSecond) {
}
