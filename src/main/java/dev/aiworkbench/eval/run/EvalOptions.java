package dev.aiworkbench.eval.run;

import java.time.Duration;
import java.util.Optional;

/**
 * How to run a suite.
 *
 * @param concurrency    requests in flight at once (the suite's maxConcurrency unless overridden)
 * @param repeat         runs per item (the suite's repeat unless overridden)
 * @param retries        extra attempts after a connection error, a 429 or a 5xx
 * @param requestTimeout for one model answer
 * @param resume         a run to continue instead of starting a new one
 * @param shard          the part of the suite's items to run, when a CI job runs one of several in parallel
 * @param scriptTimeout  the time limit of each script call, over the suite's ({@code eval run --script-timeout});
 *                       empty for the suite's
 */
public record EvalOptions(int concurrency, int repeat, int retries, Duration requestTimeout, Optional<String> resume,
                          Optional<Shard> shard, Optional<Duration> scriptTimeout) {
    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    public EvalOptions {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be between 1 and 64, not " + concurrency);
        }
        if (repeat < 1 || repeat > 100) {
            throw new IllegalArgumentException("repeat must be between 1 and 100, not " + repeat);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be between 0 and 10, not " + retries);
        }
        resume = resume == null ? Optional.empty() : resume;
        shard = shard == null ? Optional.empty() : shard;
        scriptTimeout = scriptTimeout == null ? Optional.empty() : scriptTimeout;
    }

    /** Options for a part of the suite, with the suite's script time limit. */
    public EvalOptions(int concurrency, int repeat, int retries, Duration requestTimeout, Optional<String> resume,
                       Optional<Shard> shard) {
        this(concurrency, repeat, retries, requestTimeout, resume, shard, Optional.empty());
    }

    /** Options for the whole suite. */
    public EvalOptions(int concurrency, int repeat, int retries, Duration requestTimeout, Optional<String> resume) {
        this(concurrency, repeat, retries, requestTimeout, resume, Optional.empty(), Optional.empty());
    }
}
