package dev.aiworkbench.testing.standin.qdrant;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the Qdrant server, for tests on machines that cannot pull {@code qdrant/qdrant}: the part of its
 * REST API the labs use ({@link QdrantRoutes}), its data kept where Qdrant keeps it. The stand-in image runs
 * {@link #main}, configured as Qdrant is, by environment: {@code QDRANT__SERVICE__API_KEY},
 * {@code QDRANT__SERVICE__HTTP_PORT} (6333) and {@code QDRANT__STORAGE__STORAGE_PATH} ({@code /qdrant/storage});
 * {@code STANDIN_VERSION} is the version it reports, the image's tag. There is no gRPC port.
 */
public final class QdrantStandIn implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;

    private QdrantStandIn(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts serving on {@code address}, with the collections under {@code storage}. */
    public static QdrantStandIn start(InetSocketAddress address, Path storage, String version,
                                      Optional<String> apiKey, PrintStream log) throws IOException {
        Collections collections = new Collections(storage);
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.createContext("/", new QdrantRoutes(collections, version, apiKey, log));
        server.setExecutor(workers);
        server.start();
        log.println("INFO qdrant: Qdrant stand-in for tests (Qdrant " + version + " REST API subset), "
                + collections.names().size() + " collection(s) in " + storage);
        log.println("INFO qdrant::actix: Qdrant HTTP listening on " + server.getAddress().getPort());
        return new QdrantStandIn(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("QDRANT__SERVICE__HTTP_PORT", "6333"));
        Path storage = Path.of(env.getOrDefault("QDRANT__STORAGE__STORAGE_PATH", "/qdrant/storage"));
        Optional<String> key = Optional.ofNullable(env.get("QDRANT__SERVICE__API_KEY")).filter(k -> !k.isBlank());
        QdrantStandIn standIn = start(new InetSocketAddress("0.0.0.0", port), storage,
                env.getOrDefault("STANDIN_VERSION", "1.20.3"), key, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "qdrant-stand-in-stop"));
    }
}
