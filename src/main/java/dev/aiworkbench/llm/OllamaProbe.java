package dev.aiworkbench.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Asks an Ollama server for its version: the cheapest proof that it is up. */
public final class OllamaProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reachable with the server's version, or unreachable with the reason. */
    public record Result(boolean reachable, Optional<String> version, String detail) {
    }

    private OllamaProbe() {
    }

    public static Result probe(URI baseUri, Duration timeout) {
        HttpClient client = HttpClients.forServer(baseUri).connectTimeout(timeout).build();
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/api/version")).timeout(timeout).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Result(false, Optional.empty(), "answered HTTP " + response.statusCode() + " to /api/version");
            }
            JsonNode body = JSON.readTree(response.body());
            return new Result(true, Optional.ofNullable(body.path("version").textValue()), "running");
        } catch (IOException e) {
            return new Result(false, Optional.empty(), e.getMessage() == null ? "connection refused" : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, Optional.empty(), "interrupted");
        } finally {
            client.close();
        }
    }
}
