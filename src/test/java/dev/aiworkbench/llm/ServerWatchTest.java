package dev.aiworkbench.llm;

import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ServerWatchTest {
    @Test
    void backOffDoublesUpToAMinute() {
        assertThat(ServerWatch.backOff(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
        assertThat(ServerWatch.backOff(Duration.ofSeconds(32))).isEqualTo(Duration.ofSeconds(60));
        assertThat(ServerWatch.backOff(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void reportsReachableWithTheVersionAndUnreachableWithTheFixAndNoticesAServerThatComesUp() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            URI down = URI.create("http://127.0.0.1:1");
            AtomicReference<URI> address = new AtomicReference<>(down);
            List<ServerStatus> seen = new CopyOnWriteArrayList<>();
            try (OllamaGateway nowhere = new OllamaGateway(OllamaSettings.defaults(down));
                 OllamaGateway there = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
                 ServerWatch watch = new ServerWatch(() -> address.get() == down ? nowhere : there,
                         Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofMillis(50))) {
                watch.addListener(seen::add);
                watch.checkNow();
                waitFor(() -> seen.size() >= 2);
                assertThat(seen.get(0).reachable()).isFalse();
                assertThat(seen.get(0).problem().orElseThrow()).contains("ollama serve");

                address.set(fake.baseUri());
                waitFor(() -> seen.get(seen.size() - 1).reachable());
                ServerStatus up = seen.get(seen.size() - 1);
                assertThat(up.version()).contains("0.32.15");
                assertThat(up.server()).isEqualTo(fake.baseUri());
                assertThat(watch.last()).isEqualTo(up);
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
