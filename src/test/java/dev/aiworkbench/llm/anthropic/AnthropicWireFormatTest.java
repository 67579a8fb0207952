package dev.aiworkbench.llm.anthropic;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules under the gateway: reading Server-Sent Events, and when and how long to wait before a retry. */
class AnthropicWireFormatTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    private static List<ServerSentEvents.Event> read(String... lines) {
        ServerSentEvents events = new ServerSentEvents();
        List<ServerSentEvents.Event> read = new ArrayList<>();
        for (String line : lines) {
            events.line(line).ifPresent(read::add);
        }
        return read;
    }

    @Test
    void eventsEndAtABlankLineAndJoinTheirDataLines() {
        assertThat(read("event: ping", "data: {\"type\": \"ping\"}", "", ": a comment", "event:delta", "data:a",
                "data: b", "id: 7", "", "data: no name", "", "event: unfinished", "data: lost"))
                .containsExactly(new ServerSentEvents.Event("ping", "{\"type\": \"ping\"}"),
                        new ServerSentEvents.Event("delta", "a\nb"),
                        new ServerSentEvents.Event("message", "no name"));
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothing() {
        assertThat(read("event: message_stop", "", "")).isEmpty();
    }

    @Test
    void retryAfterIsReadInSecondsMillisecondsOrAsADate() {
        assertThat(RetryPolicy.serverWait(headers(Map.of("retry-after", List.of("7"))), NOW))
                .hasValue(Duration.ofSeconds(7));
        assertThat(RetryPolicy.serverWait(headers(Map.of("retry-after", List.of("7"), "retry-after-ms",
                List.of("1500"))), NOW)).as("retry-after-ms wins").hasValue(Duration.ofMillis(1500));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atZone(ZoneOffset.UTC));
        assertThat(RetryPolicy.serverWait(headers(Map.of("retry-after", List.of(date))), NOW))
                .hasValue(Duration.ofSeconds(30));
        assertThat(RetryPolicy.serverWait(headers(Map.of("retry-after", List.of("soon"))), NOW)).isEmpty();
    }

    @Test
    void theServersWaitIsTakenUpToTheLongestAndOnlyAsOftenAsAllowed() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        HttpHeaders asked = headers(Map.of("retry-after", List.of("20")));

        assertThat(policy.waitBefore(1, asked, NOW)).hasValue(Duration.ofSeconds(20));
        assertThat(policy.waitBefore(policy.maxRetries() + 1, asked, NOW)).isEmpty();
        assertThat(policy.waitBefore(1, headers(Map.of("retry-after", List.of("61"))), NOW)).isEmpty();
        assertThat(RetryPolicy.NONE.waitBefore(1, asked, NOW)).isEmpty();
    }

    @Test
    void theBackOffDoublesUpToItsCapLessAtMostAQuarter() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
            assertThat(policy.backoff(9)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
        }
    }

    @Test
    void whichStatusesAreRetriedAndTheServersSayOverThem() {
        HttpHeaders none = headers(Map.of());
        assertThat(List.of(408, 409, 429, 500, 503, 529)).allMatch(status -> RetryPolicy.retryable(status, none));
        assertThat(List.of(400, 401, 403, 404, 413)).noneMatch(status -> RetryPolicy.retryable(status, none));
        assertThat(RetryPolicy.retryable(400, headers(Map.of("x-should-retry", List.of("true"))))).isTrue();
        assertThat(RetryPolicy.retryable(529, headers(Map.of("x-should-retry", List.of("false"))))).isFalse();
    }
}
