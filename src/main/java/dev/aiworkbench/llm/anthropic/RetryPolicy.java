package dev.aiworkbench.llm.anthropic;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send a refused request again: only before any of the answer arrived, at most {@code maxRetries} times,
 * after the wait the server asks for ({@code retry-after-ms}, else {@code retry-after} in seconds or as an HTTP
 * date) or else an exponential back-off with jitter. These are the rules of Anthropic's own SDKs, including their
 * {@code x-should-retry} header, which overrides the status code either way.
 *
 * @param longestWait a server that asks for a longer wait is not waited for: the learner is told to try later
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration longestWait) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more");
        }
    }

    /** Whether an answer with this status may succeed when sent again (rate limit, overload, a server failure). */
    public static boolean retryable(int status, HttpHeaders headers) {
        Optional<String> should = headers.firstValue("x-should-retry");
        if (should.isPresent() && (should.get().equals("true") || should.get().equals("false"))) {
            return should.get().equals("true");
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * How long to wait before retry number {@code retry} (1 for the first), or empty when there is none to make:
     * the retries are used up, or the server asks for longer than {@link #longestWait}.
     */
    public Optional<Duration> waitBefore(int retry, HttpHeaders headers, Instant now) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        Optional<Duration> asked = serverWait(headers, now);
        if (asked.isPresent()) {
            return asked.get().compareTo(longestWait) <= 0 ? asked : Optional.empty();
        }
        return Optional.of(backoff(retry));
    }

    /** The exponential back-off for a retry, less up to a quarter at random so that clients do not retry in step. */
    Duration backoff(int retry) {
        long nanos = initialBackoff.toNanos() << Math.min(retry - 1, 20);
        long capped = Math.min(nanos, maxBackoff.toNanos());
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (capped * jitter));
    }

    /** The wait the server asked for, if it asked in a form that can be read. */
    static Optional<Duration> serverWait(HttpHeaders headers, Instant now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(value -> number(value, 1e6));
        if (millis.isPresent()) {
            return millis;
        }
        Optional<String> after = headers.firstValue("retry-after");
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(after.get(), 1e9);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(after.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> number(String value, double nanosPerUnit) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.min(amount * nanosPerUnit, Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
