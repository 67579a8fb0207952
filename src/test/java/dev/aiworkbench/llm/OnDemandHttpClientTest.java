package dev.aiworkbench.llm;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The client is made on the first ask, once, and closing one that was never made makes none. */
class OnDemandHttpClientTest {
    private final AtomicInteger made = new AtomicInteger();
    private final OnDemandHttpClient client = new OnDemandHttpClient(() -> {
        made.incrementAndGet();
        return HttpClient.newBuilder().build();
    });

    @Test
    void nothingIsMadeUntilTheFirstAskAndThenOnlyOnce() throws InterruptedException {
        assertThat(made).hasValue(0);
        HttpClient first = client.get();
        HttpClient second = client.get();

        assertThat(made).hasValue(1);
        assertThat(second).isSameAs(first);
        client.shutdownNow();
        assertThat(first.awaitTermination(java.time.Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void closingOrStoppingAClientThatWasNeverMadeMakesNone() {
        client.close();
        client.shutdownNow();

        assertThat(made).hasValue(0);
    }

    @Test
    void afterClosingTheNextAskMakesAFreshClient() throws InterruptedException {
        HttpClient first = client.get();
        client.close();
        HttpClient next = client.get();

        assertThat(made).hasValue(2);
        assertThat(next).isNotSameAs(first);
        assertThat(first.awaitTermination(java.time.Duration.ofSeconds(5))).isTrue();
        client.close();
    }
}
