package dev.aiworkbench.llm.openai;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.testing.FakeOpenAi;
import dev.aiworkbench.testing.FakeOpenAiFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.aiworkbench.llm.openai.OpenAiGatewayTest.MODEL;
import static dev.aiworkbench.llm.openai.OpenAiGatewayTest.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A planted key never shows in what a failure says (message, server text, toString, causes) or in how the gateway
 * and its settings print, even when the server echoes the key back.
 */
class OpenAiKeyLeakTest {
    private static final String PLANTED = "sk-PLANTED-canary-7f3a9c1e5b2d4086";

    private FakeOpenAi fake;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
        fake.answer(MODEL, "The", " sky", " is", " blue", ".");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private OpenAiGateway gateway(String key) {
        return new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> key)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withRetries(0, Duration.ofSeconds(1)));
    }

    /** Everything a failure could show a learner, a log or a report. */
    private void collect(Throwable failure) {
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            seen.add(String.valueOf(t));
            seen.add(String.valueOf(t.getMessage()));
            if (t instanceof ModelServerException server) {
                seen.add(String.valueOf(server.serverText()));
            }
        }
    }

    private void streamFails(OpenAiGateway gateway) {
        collect(catchThrowable(() -> gateway.stream(chat("hi"), d -> { }).result().get(10, TimeUnit.SECONDS)));
    }

    @Test
    void thePlantedKeyAppearsInNoFailureAndNoPrintout() {
        try (OpenAiGateway planted = gateway(PLANTED)) {
            fake.requireKey("sk-the-right-one-0000000000000000");
            streamFails(planted);                                   // 401: OpenAI repeats the key, masked
            collect(catchThrowable(planted::listModels));
            fake.requireKey(null);

            fake.failNext(FakeOpenAiFailure.openAi(400, "invalid_request_error", null,
                    "Malformed header 'Authorization: Bearer " + PLANTED + "'"));
            streamFails(planted);                                   // a proxy echoing the header
            fake.failNext(FakeOpenAiFailure.openAi(500, "server_error", null, "upstream said no to " + PLANTED));
            collect(catchThrowable(() -> planted.embed(MODEL, List.of("x"))));
            fake.failNext(FakeOpenAiFailure.openAi(403, "permission_error", null, "key " + PLANTED + " lacks scope"));
            collect(catchThrowable(planted::version));

            fake.midStreamError(2, "upstream rejected " + PLANTED);
            streamFails(planted);

            seen.add(planted.toString());
        }
        try (OpenAiGateway spaced = gateway("sk-PLANTED canary\n7f3a9c1e5b2d4086")) {
            streamFails(spaced);                                    // refused before sending
            seen.add(spaced.toString());
        }
        seen.add(OpenAiSettings.defaults(fake.baseUri(), () -> PLANTED).toString());

        assertThat(seen).hasSizeGreaterThan(20);
        assertThat(seen).noneMatch(text -> text.contains(PLANTED));
        assertThat(seen).noneMatch(text -> text.contains("canary\n7f3a9c1e5b2d4086"));
        assertThat(seen).anyMatch(text -> text.contains("[the key]"));
    }
}
