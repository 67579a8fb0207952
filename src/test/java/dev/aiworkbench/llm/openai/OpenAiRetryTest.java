package dev.aiworkbench.llm.openai;

import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.testing.FakeOllamaRequest;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.FakeOpenAiFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.llm.openai.OpenAiGatewayTest.CHAT;
import static dev.aiworkbench.llm.openai.OpenAiGatewayTest.KEY;
import static dev.aiworkbench.llm.openai.OpenAiGatewayTest.MODEL;
import static dev.aiworkbench.llm.openai.OpenAiGatewayTest.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * 429 and 5xx before the first token are sent again after what the server asks for, a bounded number of times. The
 * waits are checked as lower bounds between the requests' arrivals at the fake, never as exact timings.
 */
class OpenAiRetryTest {
    private FakeOpenAi fake;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
        fake.answer(MODEL, "The", " sky", " is", " blue", ".");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private OpenAiGateway gateway(Clock clock) {
        return new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> KEY)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)), clock);
    }

    private Duration gapBetweenChatRequests() {
        List<FakeOllamaRequest> chats = fake.requests().stream().filter(r -> r.path().equals(CHAT)).toList();
        assertThat(chats).hasSize(2);
        return Duration.between(chats.get(0).at(), chats.get(1).at());
    }

    @Test
    void aRateLimitedStreamIsSentAgainAfterTheSecondsTheServerAsksFor() throws Exception {
        fake.failNext(FakeOpenAiFailure.rateLimited().retryAfter("1"));
        try (OpenAiGateway gateway = gateway(Clock.systemUTC())) {
            GenerationResult result = gateway.stream(chat("hi"), d -> { }).result().get(10, TimeUnit.SECONDS);

            assertThat(result.text()).isEqualTo("The sky is blue.");
            assertThat(gapBetweenChatRequests()).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        }
    }

    @Test
    void aRetryAfterDateIsReadAgainstTheClock() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        fake.failNext(FakeOpenAiFailure.serverError().retryAfter("Thu, 01 Jan 2026 00:00:01 GMT"));
        try (OpenAiGateway gateway = gateway(clock)) {
            assertThat(gateway.listModels()).hasSize(1);

            List<FakeOllamaRequest> lists = fake.requests();
            assertThat(lists).hasSize(2);
            assertThat(Duration.between(lists.get(0).at(), lists.get(1).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(990));
        }
    }

    @Test
    void retriesAreBoundedAndTheFailureSaysHowOftenItWasTried() {
        for (int i = 0; i < 3; i++) {
            fake.failNext(FakeOpenAiFailure.serverError().withHeader("retry-after-ms", "10"));
        }
        try (OpenAiGateway gateway = gateway(Clock.systemUTC())) {
            Throwable failure = catchThrowable(() -> gateway.stream(chat("hi"), d -> { }).result()
                    .get(10, TimeUnit.SECONDS));

            ModelServerException error = (ModelServerException) failure.getCause();
            assertThat(error.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(error.getMessage()).contains("failed (tried 3 times)").contains("HTTP 500")
                    .contains("The server had an error while processing your request");
            assertThat(fake.requests()).hasSize(3);
        }
    }

    @Test
    void aWaitLongerThanTheWorkbenchWaitsIsNotWaitedFor() {
        fake.failNext(FakeOpenAiFailure.rateLimited().retryAfter("3600"));
        try (OpenAiGateway gateway = gateway(Clock.systemUTC())) {
            long started = System.nanoTime();
            Throwable failure = catchThrowable(() -> gateway.stream(chat("hi"), d -> { }).result()
                    .get(10, TimeUnit.SECONDS));

            ModelServerException error = (ModelServerException) failure.getCause();
            assertThat(error.kind()).isEqualTo(Kind.BUSY);
            assertThat(error.getMessage()).contains("asks to wait 3600 s").contains("HTTP 429");
            assertThat(fake.requests()).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void cancelWhileWaitingToRetrySettlesAtOnceAndSendsNothingMore() throws Exception {
        fake.failNext(FakeOpenAiFailure.rateLimited().retryAfter("1"));
        try (OpenAiGateway gateway = gateway(Clock.systemUTC())) {
            GenerationCall call = gateway.stream(chat("hi"), d -> { });
            while (fake.requests().isEmpty()) {
                Thread.sleep(5);
            }
            Thread.sleep(100);

            call.cancel();
            GenerationResult result = call.result().get(1, TimeUnit.SECONDS);
            Thread.sleep(1_500);

            assertThat(result.cancelled()).isTrue();
            assertThat(result.text()).isEmpty();
            assertThat(fake.requests()).hasSize(1);
        }
    }

    @Test
    void anOverloadedServerIsBusyOnceTheRetriesAreSpent() {
        try (OpenAiGateway gateway = new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> KEY)
                .withRetries(0, Duration.ofSeconds(30)))) {
            fake.failNext(FakeOpenAiFailure.openAi(503, "server_error", null, "The engine is currently overloaded,"
                    + " please try again later"));

            Throwable failure = catchThrowable(gateway::listModels);

            assertThat(((ModelServerException) failure).kind()).isEqualTo(Kind.BUSY);
            assertThat(failure).hasMessageContaining("is overloaded (HTTP 503: The engine is currently overloaded");
            assertThat(fake.requests()).hasSize(1);
        }
    }
}
