package dev.aiworkbench.llm;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * An HTTP client made on its first use and shut down only if it was made. A client built without an {@code SSLContext}
 * sets up the JDK's default TLS at once (the JSSE provider and the trust store), which a service that exists long
 * before its first call should not pay for: the lab services and their check engine are made the first time Today's
 * milestone card counts a lab's passed checks, which only reads the database. Thread-safe.
 */
public final class OnDemandHttpClient implements Supplier<HttpClient>, AutoCloseable {
    private final Supplier<HttpClient> factory;
    private HttpClient client;

    public OnDemandHttpClient(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized HttpClient get() {
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    /** Closes the client once its calls in flight are done, if it was ever made; a later {@link #get} makes a new one. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Stops the client's calls, connections and threads at once, if it was ever made; a later {@link #get} makes a new one. */
    public synchronized void shutdownNow() {
        if (client != null) {
            client.shutdownNow();
            client = null;
        }
    }
}
