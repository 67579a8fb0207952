package dev.aiworkbench.testing.standin.ryuk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for Testcontainers' reaper, Ryuk (the image {@code testcontainers/ryuk}), for machines that cannot
 * pull it. Its protocol, as Testcontainers speaks it: a client connects to port 8080 and sends lines of filters
 * ({@link PruneFilter}), each answered with {@code ACK}. While a client is connected nothing is removed; once the
 * last one has been gone for the reconnection timeout ({@code RYUK_RECONNECTION_TIMEOUT}, 10s by default), or
 * when no client came within the connection timeout ({@code RYUK_CONNECTION_TIMEOUT}, 60s), it removes what
 * matches any filter through the engine's socket ({@link Reaper}) and exits. Testcontainers waits for the log
 * line containing {@code Started}.
 */
public final class RyukStandIn implements AutoCloseable {
    private final ServerSocket server;
    private final Duration connectionTimeout;
    private final Duration reconnectionTimeout;
    private final PrintStream log;
    private final Set<PruneFilter> filters = new LinkedHashSet<>();
    private int connected;
    private boolean everConnected;
    private long lastChange = System.nanoTime();

    private RyukStandIn(ServerSocket server, Duration connectionTimeout, Duration reconnectionTimeout,
                        PrintStream log) {
        this.server = server;
        this.connectionTimeout = connectionTimeout;
        this.reconnectionTimeout = reconnectionTimeout;
        this.log = log;
    }

    /** Listens on {@code address} and accepts clients on a daemon thread. */
    static RyukStandIn start(InetSocketAddress address, Duration connectionTimeout, Duration reconnectionTimeout,
                             PrintStream log) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(address);
        RyukStandIn ryuk = new RyukStandIn(server, connectionTimeout, reconnectionTimeout, log);
        Thread acceptor = new Thread(ryuk::accept, "ryuk-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.println("Started address=" + server.getLocalSocketAddress() + " connection_timeout=" + connectionTimeout
                + " reconnection_timeout=" + reconnectionTimeout);
        return ryuk;
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Waits until no client is connected and the timeout that applies has passed since the last one left (or
     * since the start, when none came), stops listening, and returns the filters to prune.
     */
    List<PruneFilter> awaitShutdown() throws InterruptedException {
        synchronized (this) {
            while (true) {
                if (connected == 0) {
                    Duration wait = everConnected ? reconnectionTimeout : connectionTimeout;
                    long left = lastChange + wait.toNanos() - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                } else {
                    wait();
                }
            }
        }
        close();
        synchronized (this) {
            return List.copyOf(filters);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.println("Could not close the listening socket: " + e.getMessage());
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                changeConnected(+1);
                Thread session = new Thread(() -> serve(client), "ryuk-client");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.println("Accepting a client failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String answer;
                try {
                    PruneFilter filter = PruneFilter.parse(line);
                    synchronized (this) {
                        filters.add(filter);
                    }
                    log.println("Adding " + filter.args());
                    answer = "ACK\n";
                } catch (IllegalArgumentException e) {
                    answer = "ERR " + e.getMessage() + "\n";
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            log.println("A client's connection broke: " + e.getMessage());
        } finally {
            changeConnected(-1);
        }
    }

    private synchronized void changeConnected(int delta) {
        connected += delta;
        everConnected = true;
        lastChange = System.nanoTime();
        log.println((delta > 0 ? "Client connected" : "Client disconnected") + ", " + connected + " connected");
        notifyAll();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        PrintStream log = System.out;
        RyukStandIn ryuk = start(new InetSocketAddress("0.0.0.0", Integer.parseInt(env.getOrDefault("RYUK_PORT",
                        "8080"))), GoDuration.parse(env.getOrDefault("RYUK_CONNECTION_TIMEOUT", "60s")),
                GoDuration.parse(env.getOrDefault("RYUK_RECONNECTION_TIMEOUT", "10s")), log);
        List<PruneFilter> filters = ryuk.awaitShutdown();
        log.println("Pruning what matches " + filters.size() + " filter(s)");
        Reaper reaper = new Reaper(new DockerSocket(Path.of("/var/run/docker.sock")), Duration.ofSeconds(1), log);
        Reaper.Removed removed = reaper.prune(new ArrayList<>(filters));
        System.exit(removed.failures().isEmpty() ? 0 : 1);
    }
}
