package dev.aiworkbench.llm.anthropic;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.testing.FakeAnthropic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What goes wrong with Anthropic: each refusal's sentence and kind, retries, mid-stream errors, and the key. */
class AnthropicFailuresTest {
    private static final String KEY = "sk-ant-api03-PLANTED-7f3e9c1d2b";
    private static final String MODEL = "claude-haiku-4-5";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeAnthropic fake;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private AnthropicGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeAnthropic.start(KEY);
        fake.answer(MODEL, "Hel", "lo", " world");
        gateway = gateway(fake.baseUri(), KEY);
    }

    /** A gateway that records each wait before a retry and takes none, so no test sleeps through retry-after. */
    private AnthropicGateway gateway(URI base, String key) {
        return new AnthropicGateway(AnthropicSettings.defaults(base), () -> key, wait -> {
            waits.add(wait);
            return Duration.ZERO;
        });
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    private static GenerationRequest chat(String model) {
        return GenerationRequest.chat(model, null, "Hi", ModelOptions.DEFAULTS, OutputFormat.PLAIN);
    }

    private ModelServerException streamFailure(AnthropicGateway through, String model) {
        return catchThrowableOfType(ModelServerException.class,
                () -> through.stream(chat(model), delta -> { }).await(WAIT));
    }

    @Test
    void aWrongKeyIsRejectedWithTheWordKey() {
        try (AnthropicGateway wrong = gateway(fake.baseUri(), "sk-ant-api03-wrong")) {
            ModelServerException failure = streamFailure(wrong, MODEL);

            assertThat(failure.kind()).isEqualTo(Kind.KEY_REJECTED);
            assertThat(failure.getMessage()).contains("rejected the API key", "ANTHROPIC_API_KEY", "invalid x-api-key");
            assertThat(failure.transientFailure()).isFalse();
        }
        assertThat(fake.requests("/v1/messages")).as("a rejected key is not retried").hasSize(1);
    }

    @Test
    void noKeyAtAllSaysHowToSetOneWithoutCallingTheServer() {
        try (AnthropicGateway none = gateway(fake.baseUri(), " ")) {
            ModelServerException failure = streamFailure(none, MODEL);

            assertThat(failure.kind()).isEqualTo(Kind.KEY_REJECTED);
            assertThat(failure.getMessage()).contains("No Anthropic API key", "ANTHROPIC_API_KEY", "Settings");
            ModelServerException listing = catchThrowableOfType(ModelServerException.class, none::listModels);
            assertThat(listing.kind()).isEqualTo(Kind.KEY_REJECTED);
        }
        assertThat(fake.requests("/v1/messages")).isEmpty();
    }

    @Test
    void aPermissionErrorIsAKeyProblem() {
        fake.fail(403, "permission_error", "Your API key does not have permission to use the specified resource.");

        ModelServerException failure = streamFailure(gateway, MODEL);

        assertThat(failure.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(failure.getMessage()).contains("API key", "HTTP 403", "another key");
        assertThat(failure.serverText()).startsWith("Your API key does not have permission");
    }

    @Test
    void anUnknownModelNamesItAndHowToListTheModels() {
        ModelServerException failure = streamFailure(gateway, "claude-nonesuch");

        assertThat(failure.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(failure.getMessage()).contains("no model 'claude-nonesuch'", "workbench models list --provider"
                + " anthropic", "model: claude-nonesuch");
    }

    @Test
    void aRefusedOptionIsABadRequestInTheServersWords() {
        GenerationRequest hot = GenerationRequest.chat(MODEL, null, "Hi",
                new ModelOptions(1.5, null, null, null, null, null, List.of()), OutputFormat.PLAIN);

        ModelServerException failure = catchThrowableOfType(ModelServerException.class,
                () -> gateway.stream(hot, delta -> { }).await(WAIT));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).contains("refused the request", "temperature: range: 0..1");
    }

    @Test
    void nothingListeningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (AnthropicGateway nowhere = gateway(URI.create("http://127.0.0.1:" + port), KEY)) {
            ModelServerException failure = streamFailure(nowhere, MODEL);

            assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(failure.getMessage()).contains("does not answer at http://127.0.0.1:" + port,
                    "ANTHROPIC_BASE_URL");
        }
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheServerAskedFor() throws Exception {
        fake.fail(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
                .retryAfter("7").times(2);

        GenerationResult result = gateway.stream(chat(MODEL), delta -> { }).await(WAIT);

        assertThat(result.text()).isEqualTo("Hello world");
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(fake.requests("/v1/messages")).hasSize(3);
        assertThat(result.timeToFirstToken()).isPresent();
    }

    @Test
    void overloadIsRetriedABoundedNumberOfTimesWithBackOffThenSaidToBeBusy() {
        fake.fail(529, "overloaded_error", "Overloaded").always();

        ModelServerException failure = streamFailure(gateway, MODEL);

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(failure.getMessage()).contains("overloaded", "after 2 retries", "try again in a few minutes");
        assertThat(fake.requests("/v1/messages")).hasSize(1 + RetryPolicy.DEFAULT.maxRetries());
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).as("the second back-off is longer than the first can be")
                .isGreaterThan(RetryPolicy.DEFAULT.initialBackoff());
    }

    @Test
    void aWaitLongerThanTheLongestIsNotTakenAndTheSentenceSaysHowLong() {
        fake.fail(429, "rate_limit_error", "rate limited").retryAfter("120");

        ModelServerException failure = streamFailure(gateway, MODEL);

        assertThat(failure.kind()).isEqualTo(Kind.BUSY);
        assertThat(failure.getMessage()).contains("rate limit", "wait 120 s", "less concurrency");
        assertThat(waits).isEmpty();
        assertThat(fake.requests("/v1/messages")).hasSize(1);
    }

    @Test
    void theServerCanForbidARetry() {
        fake.fail(500, "api_error", "Internal server error").header("x-should-retry", "false");

        ModelServerException failure = streamFailure(gateway, MODEL);

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("Anthropic failed (HTTP 500: Internal server error)");
        assertThat(fake.requests("/v1/messages")).hasSize(1);
    }

    @Test
    void aWholeAnswerIsRetriedToo() throws Exception {
        fake.fail(529, "overloaded_error", "Overloaded").retryAfter("3");

        GenerationResult result = gateway.generate(chat(MODEL));

        assertThat(result.text()).isEqualTo("Hello world");
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anErrorEventMidAnswerKeepsThePartialTextAndIsNotRetried() {
        fake.midStreamError(2, "overloaded_error", "Overloaded", 1);
        List<String> pieces = new ArrayList<>();

        GenerationFailedException failure = catchThrowableOfType(GenerationFailedException.class,
                () -> gateway.stream(chat(MODEL), pieces::add).await(WAIT));

        assertThat(failure.partialText()).isEqualTo("Hello");
        assertThat(failure.serverText()).isEqualTo("Overloaded");
        assertThat(failure.getMessage()).contains("overloaded_error: Overloaded", "kept");
        assertThat(fake.requests("/v1/messages")).hasSize(1);
        assertThat(pieces).containsExactly("Hel", "lo");
    }

    @Test
    void anOverloadEventBeforeTheFirstTokenIsRetried() throws Exception {
        fake.midStreamError(0, "overloaded_error", "Overloaded", 1);

        GenerationResult result = gateway.stream(chat(MODEL), delta -> { }).await(WAIT);

        assertThat(result.text()).isEqualTo("Hello world");
        assertThat(fake.requests("/v1/messages")).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void thePlantedKeyAppearsInNoMessageServerTextOrString() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        try (AnthropicGateway wrong = gateway(fake.baseUri(), KEY + "-not-this-one")) {
            failures.add(streamFailure(wrong, MODEL));
            failures.add(catchThrowableOfType(ModelServerException.class, wrong::listModels));
        }
        // a proxy that echoes the request's headers in its error text
        fake.fail(500, "api_error", "upstream rejected x-api-key: " + KEY).header("x-should-retry", "false");
        failures.add(streamFailure(gateway, MODEL));
        fake.fail(400, "invalid_request_error", "bad header x-api-key=" + KEY).on("/v1/models");
        failures.add(catchThrowableOfType(ModelServerException.class, gateway::listModels));
        fake.midStreamError(1, "api_error", "stream broke for " + KEY, 1);
        failures.add(streamFailure(gateway, MODEL));
        failures.add(streamFailure(gateway, "claude-nonesuch"));
        failures.add(catchThrowableOfType(ModelServerException.class, () -> gateway.embed(MODEL, List.of("x"))));
        try (AnthropicGateway broken = gateway(fake.baseUri(), "sk-ant\nPLANTED")) {
            failures.add(streamFailure(broken, MODEL));
        }

        assertThat(failures).hasSize(8).doesNotContainNull();
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(KEY).doesNotContain("PLANTED");
                assertThat(cause.toString()).doesNotContain(KEY);
                if (cause instanceof ModelServerException server) {
                    assertThat(String.valueOf(server.serverText())).doesNotContain(KEY);
                }
            }
        }
        assertThat(failures.get(2).getMessage()).contains("[the API key]");
        assertThat(gateway.toString()).doesNotContain(KEY);
        assertThat(new ApiKey(() -> KEY).toString()).doesNotContain(KEY);
        assertThat(AnthropicSettings.defaults(fake.baseUri()).toString()).doesNotContain(KEY);
    }
}
