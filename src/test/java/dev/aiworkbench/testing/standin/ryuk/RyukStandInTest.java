package dev.aiworkbench.testing.standin.ryuk;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ryuk stand-in's protocol in-process: filter lines, ACKs, and when it decides to prune. */
class RyukStandInTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    private RyukStandIn start(Duration connectionTimeout, Duration reconnectionTimeout) throws Exception {
        return RyukStandIn.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), connectionTimeout,
                reconnectionTimeout, log);
    }

    @Test
    void aLineOfTestcontainersLabelsIsDecodedIntoDockerFilters() {
        PruneFilter filter = PruneFilter.parse("label=org.testcontainers%3Dtrue&label=org.testcontainers.sessionId"
                + "%3Dabc-123&label=dev.aiworkbench.lab%3Drag%2Bqdrant");

        assertThat(filter.args()).isEqualTo(Map.of("label", List.of("org.testcontainers=true",
                "org.testcontainers.sessionId=abc-123", "dev.aiworkbench.lab=rag+qdrant")));
        assertThat(filter.query()).isEqualTo("filters=%7B%22label%22%3A%5B%22org.testcontainers%3Dtrue%22%2C%22"
                + "org.testcontainers.sessionId%3Dabc-123%22%2C%22dev.aiworkbench.lab%3Drag%2Bqdrant%22%5D%7D");
    }

    @Test
    void aLineWithoutAFilterIsRefused() {
        assertThatThrownBy(() -> PruneFilter.parse("&&")).hasMessageContaining("no filter");
        assertThatThrownBy(() -> PruneFilter.parse("label")).hasMessageContaining("name=value");
    }

    @Test
    void goDurationsAreRead() {
        assertThat(GoDuration.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> GoDuration.parse("10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("10s junk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachLineIsAcknowledgedAndNothingIsPrunedWhileAClientIsConnected() throws Exception {
        try (RyukStandIn ryuk = start(Duration.ofSeconds(30), Duration.ofMillis(300))) {
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains("Started");
            CompletableFuture<List<PruneFilter>> shutdown = CompletableFuture.supplyAsync(() -> await(ryuk));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), ryuk.port());
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.UTF_8))) {
                client.getOutputStream().write(("label=a%3D1&label=b%3D2\nlabel=c%3D3\nnonsense\n")
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("ACK");
                assertThat(in.readLine()).isEqualTo("ACK");
                assertThat(in.readLine()).startsWith("ERR ");

                Thread.sleep(900); // three reconnection timeouts with the client still there
                assertThat(shutdown).as("nothing is pruned while a client is connected").isNotDone();
            }
            long left = System.nanoTime();
            List<PruneFilter> filters = shutdown.get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - left)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(filters).containsExactly(new PruneFilter(Map.of("label", List.of("a=1", "b=2"))),
                    new PruneFilter(Map.of("label", List.of("c=3"))));
        }
    }

    @Test
    void aClientThatComesBackInTimeKeepsEverything() throws Exception {
        try (RyukStandIn ryuk = start(Duration.ofSeconds(30), Duration.ofMillis(1500))) {
            CompletableFuture<List<PruneFilter>> shutdown = CompletableFuture.supplyAsync(() -> await(ryuk));
            register(ryuk, "label=x%3D1");
            try (Socket again = new Socket(InetAddress.getLoopbackAddress(), ryuk.port())) {
                Thread.sleep(1800); // longer than the timeout, counted from the first client's leaving
                assertThat(shutdown).as("the client came back within the timeout").isNotDone();
            }
            assertThat(shutdown.get(10, TimeUnit.SECONDS)).containsExactly(
                    new PruneFilter(Map.of("label", List.of("x=1"))));
        }
    }

    @Test
    void withNoClientAtAllItGivesUpAfterTheConnectionTimeoutWithNothingToPrune() throws Exception {
        try (RyukStandIn ryuk = start(Duration.ofMillis(200), Duration.ofSeconds(30))) {
            assertThat(CompletableFuture.supplyAsync(() -> await(ryuk)).get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static void register(RyukStandIn ryuk, String line) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), ryuk.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                     StandardCharsets.UTF_8))) {
            client.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("ACK");
        }
    }

    private static List<PruneFilter> await(RyukStandIn ryuk) {
        try {
            return ryuk.awaitShutdown();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
