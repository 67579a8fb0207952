package dev.aiworkbench.labs.checks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 (the JDK's), with routes the tests add, recording every request. */
final class TestServer implements AutoCloseable {
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, String body) throws Exception;
    }

    record Seen(String method, String path, String body, com.sun.net.httpserver.Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> seen = new ArrayList<>();

    TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    TestServer route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (seen) {
                    seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body,
                            exchange.getRequestHeaders()));
                }
                handler.handle(exchange, body);
            } catch (IOException e) {
                // the client went away (a timeout test): nothing to answer
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        return this;
    }

    /** A route that answers the same status, content type and body every time. */
    TestServer fixed(String path, int status, String type, String body) {
        return route(path, (exchange, request) -> send(exchange, status, type, body));
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
