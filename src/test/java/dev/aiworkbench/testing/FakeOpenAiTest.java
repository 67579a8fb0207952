package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's bytes, read with a plain client: the Chat Completions wire format as OpenAI documents it. */
class FakeOpenAiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FakeOpenAi fake;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start();
        fake.answer("gpt-4o-mini", "Hi", "!");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<List<String>> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(request.build(), info -> HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8),
                text -> List.of(text.split("\n", -1))));
    }

    private static JsonNode data(String line) throws Exception {
        assertThat(line).startsWith("data: ");
        return JSON.readTree(line.substring("data: ".length()));
    }

    @Test
    void aStreamWithUsageIsRoleContentFinishUsageThenDone() throws Exception {
        HttpResponse<List<String>> response = post("/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hello\"}],\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        List<String> lines = response.body();
        assertThat(lines).hasSize(13);
        for (int blank = 1; blank < 12; blank += 2) {
            assertThat(lines.get(blank)).as("line " + blank).isEmpty();
        }
        JsonNode role = data(lines.get(0));
        assertThat(role.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(role.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(role.at("/choices/0/delta/content").asText()).isEmpty();
        assertThat(role.get("usage").isNull()).isTrue();
        assertThat(data(lines.get(2)).at("/choices/0/delta/content").asText()).isEqualTo("Hi");
        assertThat(data(lines.get(4)).at("/choices/0/delta/content").asText()).isEqualTo("!");
        JsonNode finish = data(lines.get(6));
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.at("/choices/0/delta").isEmpty()).isTrue();
        JsonNode usage = data(lines.get(8));
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(2);
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(usage.at("/usage/prompt_tokens").asInt() + 2);
        assertThat(lines.get(10)).isEqualTo("data: [DONE]");
    }

    @Test
    void withoutIncludeUsageNoChunkCarriesUsage() throws Exception {
        List<String> lines = post("/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[],\"stream\":true}",
                null).body();

        assertThat(lines).filteredOn(line -> line.contains("usage")).isEmpty();
        assertThat(lines).contains("data: [DONE]");
    }

    @Test
    void errorsHaveOpenAisShapeAndARateLimitItsRetryAfter() throws Exception {
        fake.requireKey("sk-right-0000000000");
        HttpResponse<List<String>> wrong = post("/chat/completions", "{}", "sk-wrong-1111111111");
        JsonNode error = JSON.readTree(String.join("\n", wrong.body())).get("error");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).startsWith("Incorrect API key provided: sk-*").contains("1111")
                .doesNotContain("sk-wrong-1111111111");
        assertThat(error.has("param")).isTrue();

        fake.requireKey(null);
        fake.failNext(FakeOpenAiFailure.rateLimited().retryAfter("20"));
        HttpResponse<List<String>> limited = post("/chat/completions", "{}", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("20");
        assertThat(JSON.readTree(String.join("\n", limited.body())).at("/error/code").asText())
                .isEqualTo("rate_limit_exceeded");
    }

    @Test
    void theModelListIsAListOfModelObjects() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(fake.baseUri() + "/models"))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode list = JSON.readTree(response.body());
        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.at("/data/0/id").asText()).isEqualTo("gpt-4o-mini");
        assertThat(list.at("/data/0/object").asText()).isEqualTo("model");
        assertThat(list.at("/data/0/owned_by").asText()).isNotEmpty();
    }
}
