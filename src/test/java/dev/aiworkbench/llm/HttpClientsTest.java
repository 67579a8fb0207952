package dev.aiworkbench.llm;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client for a plain http:// server sets up no TLS; one for https:// gets the JDK's default TLS. */
class HttpClientsTest {

    @Test
    void aClientForAPlainHttpServerHasNoTls() {
        try (HttpClient client = HttpClients.forServer(URI.create("HTTP://127.0.0.1:11434")).build()) {
            SSLContext context = client.sslContext();
            assertThat(context.getProtocol()).isEqualTo("none");
            assertThatThrownBy(context::createSSLEngine).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("plain http:// only");
        }
    }

    @Test
    void aClientForAnHttpsServerGetsTheDefaultTls() throws Exception {
        try (HttpClient client = HttpClients.forServer(URI.create("https://api.openai.com/v1")).build()) {
            assertThat(client.sslContext()).isSameAs(SSLContext.getDefault());
        }
    }
}
