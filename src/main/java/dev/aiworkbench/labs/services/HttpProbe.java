package dev.aiworkbench.labs.services;

import dev.aiworkbench.llm.OnDemandHttpClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Small GETs to see whether a service answers. */
final class HttpProbe {
    /** What a GET found: the status and up to 4 kB of the body, or nothing when no answer came. */
    record Answer(int status, String body) {
    }

    /** Made on the first probe: the lab services exist from the first look at a lab's progress, long before a lab runs. */
    private final OnDemandHttpClient client = new OnDemandHttpClient(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());

    Optional<Answer> get(URI uri, Duration timeout) throws InterruptedException {
        try {
            HttpResponse<String> response = client.get().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            return Optional.of(new Answer(response.statusCode(), body.length() > 4096 ? body.substring(0, 4096) : body));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void close() {
        client.close();
    }
}
