package dev.aiworkbench.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Builders for the JDK HTTP client that pay for TLS only when the server speaks it. A client made without an
 * {@code SSLContext} takes the JDK's default one at once, which loads the JSSE provider (about 750 classes in all
 * with what it pulls in) and parses the {@code cacerts} trust store: a third of a short {@code eval run}'s class
 * loading, for a local {@code http://} server that never does a handshake. For such a server the client gets a
 * context that has no TLS at all (bench/README.md, "What a verb opens").
 */
public final class HttpClients {
    private HttpClients() {
    }

    /** A builder for talking to the server at {@code base}; for {@code http://} its client can make no TLS connection. */
    public static HttpClient.Builder forServer(URI base) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (isPlainHttp(base)) {
            builder.sslContext(new PlainHttpOnly());
        }
        return builder;
    }

    static boolean isPlainHttp(URI base) {
        return base.getScheme() != null && base.getScheme().toLowerCase(Locale.ROOT).equals("http");
    }

    /** The context of a client that only speaks plain HTTP: any attempt at TLS fails, which a redirect to https would be. */
    private static final class PlainHttpOnly extends SSLContext {
        PlainHttpOnly() {
            super(new NoTls(), null, "none");
        }
    }

    private static final class NoTls extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("this client talks plain http:// only");
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            // nothing to set up: no connection of this client uses TLS
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        /** The client copies these parameters when it is built; plain connections never read them. */
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
