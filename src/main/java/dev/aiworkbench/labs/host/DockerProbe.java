package dev.aiworkbench.labs.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the Docker engine for {@code /_ping} directly, every time it is called. Testcontainers
 * remembers a failed detection for the life of the JVM; asking ourselves first means a learner
 * who starts Docker later does not have to restart the app.
 *
 * <p>Without {@code DOCKER_HOST} it looks where Testcontainers looks: {@code /var/run/docker.sock}, the
 * rootless socket ({@code $XDG_RUNTIME_DIR/docker.sock}, {@code ~/.docker/run/docker.sock}), Docker
 * Desktop's ({@code ~/.docker/desktop/docker.sock}) and, on Windows, the {@code docker_engine} named pipe.
 * Every exchange is bounded by the timeout, so a hung engine cannot hang the caller.
 */
public final class DockerProbe {
    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    static final String WINDOWS_PIPE = "\\\\.\\pipe\\docker_engine";
    private static final byte[] PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    public record Result(boolean running, String endpoint, String detail) {
    }

    private DockerProbe() {
    }

    public static Result probe(Map<String, String> environment, Duration timeout) {
        return probe(environment, timeout, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    static Result probe(Map<String, String> environment, Duration timeout, String osName, Path home) {
        String host = environment.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return probeHost(host.strip(), environment, timeout);
        }
        if (osName.toLowerCase(Locale.ROOT).contains("win")) {
            return pingPipe(WINDOWS_PIPE, "npipe:////./pipe/docker_engine", timeout);
        }
        Result first = null;
        for (Path socket : sockets(environment, home)) {
            Result result = pingSocket(socket, "unix://" + socket, timeout);
            if (result.running()) {
                return result;
            }
            if (first == null || (first.detail().startsWith("no Docker socket")
                    && !result.detail().startsWith("no Docker socket"))) {
                // a socket that exists but does not answer says more than one that is missing
                first = result;
            }
        }
        return first;
    }

    /** The sockets tried without DOCKER_HOST, in Testcontainers' order of preference. */
    static List<Path> sockets(Map<String, String> environment, Path home) {
        List<Path> sockets = new ArrayList<>();
        sockets.add(Path.of(DEFAULT_SOCKET));
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
        }
        sockets.add(home.resolve(".docker/run/docker.sock"));
        sockets.add(home.resolve(".docker/desktop/docker.sock"));
        return sockets;
    }

    private static Result probeHost(String host, Map<String, String> environment, Duration timeout) {
        if (host.startsWith("unix://")) {
            return pingSocket(Path.of(host.substring("unix://".length())), host, timeout);
        }
        if (host.startsWith("tcp://")) {
            if ("1".equals(environment.get("DOCKER_TLS_VERIFY"))) {
                return pingTcp(URI.create("https://" + host.substring("tcp://".length())), host, timeout);
            }
            return pingTcp(URI.create("http://" + host.substring("tcp://".length())), host, timeout);
        }
        if (host.startsWith("npipe://")) {
            String pipe = host.substring("npipe://".length()).replace('/', '\\');
            return pingPipe(pipe, host, timeout);
        }
        return new Result(false, host, "DOCKER_HOST uses a scheme this app cannot reach (" + host + ")");
    }

    private static Result pingSocket(Path socket, String endpoint, Duration timeout) {
        if (!Files.exists(socket)) {
            return new Result(false, endpoint, "no Docker socket at " + socket);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.connect(UnixDomainSocketAddress.of(socket));
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            while (!channel.finishConnect()) {
                if (!await(selector, deadline)) {
                    return new Result(false, endpoint, "the engine at " + socket + " did not answer within "
                            + timeout.toSeconds() + " s");
                }
            }
            ByteBuffer request = ByteBuffer.wrap(PING);
            key.interestOps(SelectionKey.OP_WRITE);
            while (request.hasRemaining()) {
                if (channel.write(request) == 0 && !await(selector, deadline)) {
                    return new Result(false, endpoint, "the engine at " + socket + " did not answer within "
                            + timeout.toSeconds() + " s");
                }
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (answer.size() < 8192) {
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                if (read == 0) {
                    if (!await(selector, deadline)) {
                        return new Result(false, endpoint, "the engine at " + socket + " did not answer within "
                                + timeout.toSeconds() + " s");
                    }
                    continue;
                }
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answered(answer.toString(StandardCharsets.US_ASCII), endpoint);
        } catch (IOException e) {
            return new Result(false, endpoint, "cannot connect to " + socket + " (" + e.getMessage() + ")");
        }
    }

    /** Waits for the selector until the deadline; false when the time is up. */
    private static boolean await(Selector selector, long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            return false;
        }
        selector.select(left);
        selector.selectedKeys().clear();
        return System.nanoTime() < deadline;
    }

    private static Result answered(String text, String endpoint) {
        return text.startsWith("HTTP/1.") && text.contains(" 200 ")
                ? new Result(true, endpoint, "running")
                : new Result(false, endpoint, "the engine did not answer /_ping with 200");
    }

    /** Windows: the engine's named pipe, read through a file handle; bounded by a helper thread. */
    private static Result pingPipe(String pipe, String endpoint, Duration timeout) {
        CompletableFuture<Result> exchange = CompletableFuture.supplyAsync(() -> {
            try (RandomAccessFile file = new RandomAccessFile(pipe, "rw")) {
                file.write(PING);
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                byte[] buffer = new byte[1024];
                int read;
                while (answer.size() < 8192 && (read = file.read(buffer)) > 0) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                        break;
                    }
                }
                return answered(answer.toString(StandardCharsets.US_ASCII), endpoint);
            } catch (IOException e) {
                return new Result(false, endpoint, "cannot open the Docker pipe " + pipe + " (" + e.getMessage() + ")");
            }
        });
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Result(false, endpoint, "the engine did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Result(false, endpoint, "cannot reach " + pipe + " (" + e.getCause() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, endpoint, "interrupted");
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
