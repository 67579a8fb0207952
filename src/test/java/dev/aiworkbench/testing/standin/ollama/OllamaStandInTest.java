package dev.aiworkbench.testing.standin.ollama;

import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ollama stand-in in this JVM: any model pulls, with progress, and the pulled ones are there after a restart. */
class OllamaStandInTest {
    @TempDir
    Path models;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anyModelPullsWithProgressAndIsStillThereAfterARestart() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (FakeOllama ollama = OllamaStandIn.start(address, models, "0.32.6",
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertThat(get(ollama, "/api/version")).isEqualTo("{\"version\":\"0.32.6\"}");
            assertThat(String.valueOf(log)).contains("Listening on [::]:" + ollama.port());
            String pull = http.send(HttpRequest.newBuilder(ollama.baseUri().resolve("/api/pull"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"all-minilm\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(pull.lines().toList()).first().asString().contains("pulling manifest");
            assertThat(pull).contains("\"completed\":45960996").endsWith("{\"status\":\"success\"}\n");
            assertThat(ollama.modelNames()).containsExactly("all-minilm:latest");
        }
        assertThat(models.resolve("manifests/registry.ollama.ai/library/all-minilm/latest")).exists();

        try (FakeOllama again = OllamaStandIn.start(address, models, "0.32.6", new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(get(again, "/api/tags")).contains("\"name\":\"all-minilm:latest\"");
            String embedded = http.send(HttpRequest.newBuilder(again.baseUri().resolve("/api/embed"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"all-minilm\",\"input\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(embedded.split(",").length).as("384 numbers and a few other fields").isGreaterThan(384);
        }
    }

    private String get(FakeOllama ollama, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(ollama.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
