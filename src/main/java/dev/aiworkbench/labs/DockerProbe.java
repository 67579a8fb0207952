package dev.aiworkbench.labs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Asks the Docker engine for {@code /_ping} directly, every time it is called. Testcontainers
 * remembers a failed detection for the life of the JVM; asking ourselves first means a learner
 * who starts Docker later does not have to restart the app.
 */
public final class DockerProbe {
    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    public record Result(boolean running, String endpoint, String detail) {
    }

    private DockerProbe() {
    }

    public static Result probe(Map<String, String> environment, Duration timeout) {
        String host = environment.getOrDefault("DOCKER_HOST", "unix://" + DEFAULT_SOCKET);
        if (host.startsWith("unix://")) {
            return pingSocket(Path.of(host.substring("unix://".length())), host);
        }
        if (host.startsWith("tcp://")) {
            return pingTcp(URI.create("http://" + host.substring("tcp://".length())), host, timeout);
        }
        return new Result(false, host, "DOCKER_HOST uses a scheme this app cannot reach (" + host + ")");
    }

    private static Result pingSocket(Path socket, String endpoint) {
        if (!Files.exists(socket)) {
            return new Result(false, endpoint, "no Docker socket at " + socket);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (channel.read(buffer) > 0 && answer.size() < 8192) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String text = answer.toString(StandardCharsets.US_ASCII);
            return text.startsWith("HTTP/1.") && text.contains(" 200 ")
                    ? new Result(true, endpoint, "running")
                    : new Result(false, endpoint, "the engine did not answer /_ping with 200");
        } catch (IOException e) {
            return new Result(false, endpoint, "cannot connect to " + socket + " (" + e.getMessage() + ")");
        }
    }

    private static Result pingTcp(URI base, String endpoint, Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/_ping"))
                    .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new Result(true, endpoint, "running")
                    : new Result(false, endpoint, "the engine answered HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Result(false, endpoint, "cannot connect (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, endpoint, "interrupted");
        }
    }
}
