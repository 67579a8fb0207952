package dev.aiworkbench.testing.standin.ryuk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The reaper against a fake Docker engine on a Unix socket: what it lists, what it removes, in which order. */
class ReaperTest {
    @TempDir
    Path temp;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private ServerSocketChannel engine;

    @AfterEach
    void stop() throws IOException {
        if (engine != null) {
            engine.close();
        }
    }

    /** Serves each HTTP/1.0 request with the answer {@code answers} gives for "METHOD path" (status line + body). */
    private Path engine(Function<String, String> answers) throws IOException {
        Path socket = temp.resolve("docker.sock");
        engine = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        engine.bind(UnixDomainSocketAddress.of(socket));
        Thread server = new Thread(() -> {
            while (engine.isOpen()) {
                try (SocketChannel client = engine.accept()) {
                    StringBuilder request = new StringBuilder();
                    ByteBuffer in = ByteBuffer.allocate(4096);
                    while (!request.toString().contains("\r\n\r\n") && client.read(in) >= 0) {
                        request.append(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
                        in.clear();
                    }
                    String[] line = request.toString().split(" ", 3);
                    String call = line[0] + " " + line[1];
                    requests.add(call);
                    assertThat(line[2]).startsWith("HTTP/1.0\r\n");
                    String[] answer = answers.apply(call).split("\n", 2);
                    client.write(ByteBuffer.wrap(("HTTP/1.0 " + answer[0] + "\r\nContent-Type: application/json"
                            + "\r\n\r\n" + answer[1]).getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return; // closed at the end of the test
                }
            }
        }, "fake-docker-engine");
        server.setDaemon(true);
        server.start();
        return socket;
    }

    private static final PruneFilter SESSION = PruneFilter.parse("label=org.testcontainers.sessionId%3Ds1");
    /** {"label":["org.testcontainers.sessionId=s1"]}, URL-encoded, as the engine's list calls take it. */
    private static final String FILTERS = "filters=%7B%22label%22%3A%5B%22org.testcontainers.sessionId%3Ds1%22%5D%7D";

    @Test
    void removesContainersThenTheirNetworkAndVolumesRetryingWhatIsStillInUse() throws Exception {
        AtomicInteger networkTries = new AtomicInteger();
        Path socket = engine(call -> switch (call) {
            case "GET /containers/json?all=1&" + FILTERS -> "200 OK\n[{\"Id\":\"c1\"},{\"Id\":\"c2\"}]";
            case "GET /networks?" + FILTERS -> "200 OK\n[{\"Id\":\"n1\"}]";
            case "GET /volumes?" + FILTERS -> "200 OK\n{\"Volumes\":[{\"Name\":\"v1\"}],\"Warnings\":null}";
            case "DELETE /containers/c1?force=1&v=1" -> "204 No Content\n";
            case "DELETE /containers/c2?force=1&v=1" -> "404 Not Found\n{\"message\":\"No such container: c2\"}";
            case "DELETE /networks/n1" -> networkTries.incrementAndGet() < 3
                    ? "403 Forbidden\n{\"message\":\"error while removing network: network n1 has active endpoints\"}"
                    : "204 No Content\n";
            case "DELETE /volumes/v1?force=1" -> "204 No Content\n";
            default -> "500 Internal Server Error\n{\"message\":\"unexpected " + call + "\"}";
        });
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Reaper.Removed removed = new Reaper(new DockerSocket(socket), Duration.ofMillis(10),
                new PrintStream(log, true, StandardCharsets.UTF_8)).prune(List.of(SESSION));

        assertThat(removed).isEqualTo(new Reaper.Removed(1, 1, 1, List.of()));
        assertThat(requests).containsExactly("GET /containers/json?all=1&" + FILTERS, "GET /networks?" + FILTERS,
                "GET /volumes?" + FILTERS, "DELETE /containers/c1?force=1&v=1", "DELETE /containers/c2?force=1&v=1",
                "DELETE /networks/n1", "DELETE /networks/n1", "DELETE /networks/n1", "DELETE /volumes/v1?force=1");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Removed 1 container(s), 1 network(s), 1 volume(s)");
    }

    @Test
    void whatTheEngineKeepsRefusingIsReportedAndNothingMatchingMeansNoRemoval() throws Exception {
        Path socket = engine(call -> call.startsWith("GET /volumes") ? "200 OK\n{\"Volumes\":[{\"Name\":\"v1\"}]}"
                : call.startsWith("GET ") ? "200 OK\n[]"
                : "409 Conflict\n{\"message\":\"volume is in use\"}");

        Reaper.Removed removed = new Reaper(new DockerSocket(socket), Duration.ofMillis(1),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).prune(List.of(SESSION));

        assertThat(removed.volumes()).isZero();
        assertThat(removed.failures()).singleElement().asString().contains("DELETE /volumes/v1?force=1 answered 409")
                .contains("volume is in use");
        assertThat(requests.stream().filter(r -> r.startsWith("DELETE"))).hasSize(10);
        assertThat(Map.of("containers", removed.containers(), "networks", removed.networks()))
                .containsOnly(Map.entry("containers", 0), Map.entry("networks", 0));
    }
}
