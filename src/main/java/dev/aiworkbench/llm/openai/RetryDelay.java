package dev.aiworkbench.llm.openai;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long to wait before trying a refused request again: what the server asks for ({@code retry-after-ms}, which
 * OpenAI sends, else {@code retry-after} in seconds or as an HTTP date), otherwise an exponential back-off from
 * half a second, doubling, at most 8 s, as OpenAI's own SDKs do.
 */
final class RetryDelay {
    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration MOST = Duration.ofSeconds(8);

    private RetryDelay() {
    }

    /**
     * Whether a refusal may go away on its own: a rate limit (not an exhausted quota, which OpenAI also answers with
     * 429) or a server error.
     */
    static boolean mayPass(int status, String body) {
        return status >= 500 || status == 429 && !"insufficient_quota".equals(OpenAiAnswers.error(body).code());
    }

    /**
     * @param retry 1 for the first retry, 2 for the second, …
     * @param clock what "now" is when the server names a date
     */
    static Duration before(int retry, HttpHeaders headers, Clock clock) {
        return asked(headers, clock).orElseGet(() -> {
            Duration backOff = FIRST.multipliedBy(1L << Math.min(retry - 1, 10));
            return backOff.compareTo(MOST) > 0 ? MOST : backOff;
        });
    }

    /** What the server asked for, never negative; empty when it asked nothing it could be understood to mean. */
    static Optional<Duration> asked(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(value -> number(value, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(value -> number(value, 1_000).or(() -> date(value, clock)));
    }

    private static Optional<Duration> number(String value, long millisPerUnit) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (Double.isNaN(amount) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil(Math.max(0, amount) * millisPerUnit)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Clock clock) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
