package dev.aiworkbench.observability;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;

/**
 * {@code /metrics} in Prometheus text format, on 127.0.0.1 only: the workbench's calls for the learner's own
 * Prometheus to scrape. Each scrape reads the database afresh.
 */
public final class MetricsServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 9464;
    private static final InetAddress LOOPBACK = loopback();

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts serving.
     *
     * @param port 0 for any free port
     * @throws IllegalStateException the port is taken or cannot be bound (the message says what to do)
     */
    static MetricsServer start(CallMetrics metrics, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is a number from 1 to 65535, not " + port);
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(metrics);
        try {
            return new MetricsServer(HTTPServer.builder().inetAddress(LOOPBACK).port(port)
                    .registry(registry).buildAndStart());
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken (or not allowed); choose another "
                    + "with --port.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The metrics endpoint could not start on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an address", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Where Prometheus scrapes. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/metrics");
    }

    @Override
    public void close() {
        server.close();
    }
}
