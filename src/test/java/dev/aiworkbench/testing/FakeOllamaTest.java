package dev.aiworkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResult;
import io.github.ollama4j.models.response.Model;
import io.github.ollama4j.models.response.ModelDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The fake answers with Ollama's bytes, to a plain JDK HttpClient and to Ollama4j 1.1.6. */
class FakeOllamaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "2025-10-26T17:21:21.196249Z";
    private static final String LLAMA = "llama3.2:latest";
    private static final String SKY = "{\"model\":\"llama3.2:latest\",\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}]";

    private FakeOllama fake;
    private HttpClient http;

    @BeforeEach
    void start() {
        fake = FakeOllama.start().clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
        fake.model(LLAMA).answer("Hel", "lo", " world");
        http = HttpClient.newHttpClient(); // HTTP/2 by default: every first request carries Upgrade: h2c
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // chat and generate

    @Test
    void aStreamedChatIsCompactNdjsonEndingWithTheMetricsInNanoseconds() throws Exception {
        HttpResponse<String> response = post("/api/chat", SKY + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(response.body()).isEqualTo(
                "{\"model\":\"llama3.2:latest\",\"created_at\":\"" + NOW + "\",\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"done\":false}\n"
                + "{\"model\":\"llama3.2:latest\",\"created_at\":\"" + NOW + "\",\"message\":{\"role\":\"assistant\",\"content\":\"lo\"},\"done\":false}\n"
                + "{\"model\":\"llama3.2:latest\",\"created_at\":\"" + NOW + "\",\"message\":{\"role\":\"assistant\",\"content\":\" world\"},\"done\":false}\n"
                + "{\"model\":\"llama3.2:latest\",\"created_at\":\"" + NOW + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done\":true,\"done_reason\":\"stop\",\"total_duration\":117000000,\"load_duration\":50000000,"
                + "\"prompt_eval_count\":5,\"prompt_eval_duration\":5000000,\"eval_count\":3,\"eval_duration\":60000000}\n");
    }

    @Test
    void eachLineTravelsInItsOwnChunkAfterGoStyleHeaders() throws Exception {
        String body = SKY + ",\"stream\":true}";
        String raw = rawExchange("POST /api/chat HTTP/1.1\r\nHost: fake\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body);

        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nDate: Sun, 26 Oct 2025 17:21:21 GMT\r\n"
                + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(raw).startsWith(head);
        List<String> lines = post("/api/chat", body).body().lines().toList();
        StringBuilder chunks = new StringBuilder();
        for (String line : lines) {
            String data = line + "\n";
            chunks.append(Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length)).append("\r\n")
                    .append(data).append("\r\n");
        }
        assertThat(raw.substring(head.length())).isEqualTo(chunks + "0\r\n\r\n");
    }

    @Test
    void aNonStreamedChatIsOneCompactLineWithTheWholeAnswer() throws Exception {
        HttpResponse<String> response = post("/api/chat", SKY + ",\"stream\":false}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"model\":\"llama3.2:latest\",\"created_at\":\"" + NOW + "\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello world\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"total_duration\":117000000,\"load_duration\":50000000,\"prompt_eval_count\":5,"
                + "\"prompt_eval_duration\":5000000,\"eval_count\":3,\"eval_duration\":60000000}");
    }

    @Test
    void generateAnswersInResponseAndAddsContextUnlessRaw() throws Exception {
        List<JsonNode> lines = ndjson(post("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"Why?\"}"));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).toString()).isEqualTo(
                "{\"model\":\"llama3.2\",\"created_at\":\"" + NOW + "\",\"response\":\"Hel\",\"done\":false}");
        JsonNode done = lines.get(3);
        assertThat(fieldNames(done)).containsExactly("model", "created_at", "response", "done", "done_reason",
                "context", "total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration",
                "eval_count", "eval_duration");
        assertThat(done.get("response").asText()).isEmpty();

        JsonNode whole = JSON.readTree(post("/api/generate",
                "{\"model\":\"llama3.2\",\"prompt\":\"Why?\",\"raw\":true,\"stream\":false,\"format\":{\"type\":\"object\"},"
                + "\"options\":{\"temperature\":0.2,\"seed\":42,\"mirostat\":1},\"keep_alive\":\"5m\",\"think\":false}").body());
        assertThat(whole.get("response").asText()).isEqualTo("Hello world");
        assertThat(whole.has("context")).isFalse();
    }

    @Test
    void omittedCountersAreAbsentNotZero() throws Exception {
        fake.omit("prompt_eval_count").metric("eval_count", 7);

        JsonNode done = last(ndjson(post("/api/chat", SKY + "}")));

        assertThat(done.has("prompt_eval_count")).isFalse();
        assertThat(done.get("eval_count").asInt()).isEqualTo(7);
        assertThat(done.get("prompt_eval_duration").asLong()).isEqualTo(5_000_000L);
    }

    @Test
    void thinkingComesFirstAndOnlyWhenAsked() throws Exception {
        fake.model(LLAMA).thinking(List.of("Hmm", "."));

        List<JsonNode> plain = ndjson(post("/api/chat", SKY + "}"));
        List<JsonNode> thinking = ndjson(post("/api/chat", SKY + ",\"think\":true}"));

        assertThat(plain).hasSize(4);
        assertThat(thinking).hasSize(6);
        assertThat(thinking.get(0).get("message").toString())
                .isEqualTo("{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Hmm\"}");
        assertThat(thinking.get(2).get("message").has("thinking")).isFalse();
    }

    @Test
    void numPredictCutsTheAnswerWithDoneReasonLength() throws Exception {
        JsonNode whole = JSON.readTree(post("/api/chat",
                SKY + ",\"stream\":false,\"options\":{\"num_predict\":2}}").body());

        assertThat(whole.get("message").get("content").asText()).isEqualTo("Hello");
        assertThat(whole.get("done_reason").asText()).isEqualTo("length");
    }

    @Test
    void emptyMessagesOnlyLoadOrUnload() throws Exception {
        assertThat(post("/api/chat", "{\"model\":\"llama3.2\",\"messages\":[]}").body()).isEqualTo(
                "{\"model\":\"llama3.2\",\"created_at\":\"" + NOW + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done\":true,\"done_reason\":\"load\"}");
        assertThat(fake.loadedModels()).containsExactly(LLAMA);

        assertThat(post("/api/generate", "{\"model\":\"llama3.2\",\"keep_alive\":0}").body()).isEqualTo(
                "{\"model\":\"llama3.2\",\"created_at\":\"" + NOW + "\",\"response\":\"\",\"done\":true,\"done_reason\":\"unload\"}");
        assertThat(fake.loadedModels()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // errors

    @Test
    void anUnknownModelIs404OnEveryModelEndpoint() throws Exception {
        String expected = "{\"error\":\"model 'nope:latest' not found\"}";
        List<HttpResponse<String>> answers = List.of(
                post("/api/chat", "{\"model\":\"nope:latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                post("/api/generate", "{\"model\":\"nope:latest\",\"prompt\":\"hi\"}"),
                post("/api/embed", "{\"model\":\"nope:latest\",\"input\":\"hi\"}"),
                post("/api/show", "{\"model\":\"nope:latest\"}"),
                send(HttpRequest.newBuilder(uri("/api/delete"))
                        .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"model\":\"nope:latest\"}"))));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            assertThat(answer.body()).isEqualTo(expected);
        }
    }

    @Test
    void aMidStreamErrorIsTheLastLineAndTheStatusStays200() throws Exception {
        fake.midStreamError(2);

        HttpResponse<String> streamed = post("/api/chat", SKY + "}");
        HttpResponse<String> whole = post("/api/chat", SKY + ",\"stream\":false}");

        assertThat(streamed.statusCode()).isEqualTo(200);
        List<String> lines = streamed.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo("{\"error\":\"an error was encountered while running the model\"}");
        assertThat(streamed.body()).doesNotContain("\"done\":true").endsWith("}\n");
        assertThat(whole.statusCode()).isEqualTo(500);
        assertThat(whole.body()).isEqualTo("{\"error\":\"an error was encountered while running the model\"}");
    }

    @Test
    void aStopOptionSentAsAStringIs500LikeOllama() throws Exception {
        HttpResponse<String> response = post("/api/chat", SKY + ",\"options\":{\"stop\":\"\\n\"}}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"option \\\"stop\\\" must be of type array\"}");
    }

    @Test
    void badRequestsGetOllamasMessages() throws Exception {
        assertThat(post("/api/chat", "").body()).isEqualTo("{\"error\":\"missing request body\"}");
        assertThat(post("/api/chat", "{\"messages\":[]}").body()).isEqualTo("{\"error\":\"model is required\"}");
        HttpResponse<String> noThinking = post("/api/chat", SKY + ",\"think\":true}");
        assertThat(noThinking.statusCode()).isEqualTo(400);
        assertThat(noThinking.body()).isEqualTo("{\"error\":\"\\\"llama3.2:latest\\\" does not support thinking\"}");
        fake.embeddingModel("all-minilm");
        assertThat(post("/api/generate", "{\"model\":\"all-minilm\",\"prompt\":\"hi\"}").body())
                .isEqualTo("{\"error\":\"\\\"all-minilm\\\" does not support generate\"}");
        assertThat(post("/api/nothing", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aScriptedStatusAnswersTheNextRequestOnly() throws Exception {
        fake.status(503, FakeOllama.SERVER_BUSY).on("/api/chat");

        HttpResponse<String> version = get("/api/version");
        HttpResponse<String> busy = post("/api/chat", SKY + "}");
        HttpResponse<String> fine = post("/api/chat", SKY + "}");

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.body())
                .isEqualTo("{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}");
        assertThat(fine.statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------
    // connections: drop, stop, concurrency, first-token delay

    @Test
    void aDroppedConnectionEndsTheBodyWithoutTheDoneChunk() throws Exception {
        fake.dropConnectionAfter(1);

        HttpResponse<InputStream> response = http.send(postRequest("/api/chat", SKY + "}").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reader.readLine()).contains("\"content\":\"Hel\"");
        assertThatThrownBy(reader::readLine).isInstanceOf(IOException.class);
        assertThat(fake.clientDisconnects()).isZero();
    }

    @Test
    void closingTheStreamIsSeenAsAClientDisconnect() throws Exception {
        fake.endlessStream();

        HttpResponse<InputStream> response = http.send(postRequest("/api/chat", SKY + "}").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            assertThat(reader.readLine()).contains("\"done\":false");
        }
        assertThat(fake.streamsInFlight()).isEqualTo(1);
        reader.close();

        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        assertThat(fake.awaitNoStreamInFlight(Duration.ofSeconds(2))).isTrue();
        FakeOllamaDisconnect disconnect = fake.disconnects().get(0);
        assertThat(disconnect.path()).isEqualTo("/api/chat");
        assertThat(disconnect.chunksSent()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void twoStreamsRunAtOnce() throws Exception {
        fake.tokenDelay(Duration.ofMillis(60));

        CompletableFuture<HttpResponse<String>> first = http.sendAsync(postRequest("/api/chat", SKY + "}").build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(postRequest("/api/generate",
                "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(fake.awaitStreamsInFlight(2, Duration.ofSeconds(2))).isTrue();
        assertThat(first.get().body()).contains("\"done\":true");
        assertThat(second.get().body()).contains("\"done\":true");
        assertThat(fake.maxStreamsInFlight()).isEqualTo(2);
        assertThat(fake.streamsStarted()).isEqualTo(2);
        assertThat(fake.awaitNoStreamInFlight(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void theFirstTokenDelayHoldsBackTheHeadersAndCountsForTheClientTimeout() throws Exception {
        fake.firstTokenDelay(Duration.ofMillis(300));

        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(postRequest("/api/chat", SKY + "}").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long headersAfter = System.nanoTime() - start;
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(Duration.ofNanos(headersAfter)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        assertThat(body).contains("\"done\":true");
        assertThat(fake.clientDisconnects()).isZero();
        assertThatThrownBy(() -> http.send(postRequest("/api/chat", SKY + "}").timeout(Duration.ofMillis(100)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        assertThat(fake.disconnects().get(0).chunksSent()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // pull

    @Test
    void aPullReportsManifestLayersVerificationAndSuccess() throws Exception {
        FakeOllamaPull script = fake.pullScript("tinyllama").layers(1000, 10).steps(2);
        String d0 = script.layerDigest(0);
        String d1 = script.layerDigest(1);

        HttpResponse<String> response = post("/api/pull", "{\"model\":\"tinyllama\"}");

        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(response.body().lines().toList()).containsExactly(
                "{\"status\":\"pulling manifest\"}",
                "{\"status\":\"pulling " + d0.substring(7, 19) + "\",\"digest\":\"" + d0 + "\",\"total\":1000}",
                "{\"status\":\"pulling " + d0.substring(7, 19) + "\",\"digest\":\"" + d0 + "\",\"total\":1000,\"completed\":500}",
                "{\"status\":\"pulling " + d0.substring(7, 19) + "\",\"digest\":\"" + d0 + "\",\"total\":1000,\"completed\":1000}",
                "{\"status\":\"pulling " + d1.substring(7, 19) + "\",\"digest\":\"" + d1 + "\",\"total\":10}",
                "{\"status\":\"pulling " + d1.substring(7, 19) + "\",\"digest\":\"" + d1 + "\",\"total\":10,\"completed\":5}",
                "{\"status\":\"pulling " + d1.substring(7, 19) + "\",\"digest\":\"" + d1 + "\",\"total\":10,\"completed\":10}",
                "{\"status\":\"verifying sha256 digest\"}",
                "{\"status\":\"writing manifest\"}",
                "{\"status\":\"success\"}");
        assertThat(d0).matches("sha256:[0-9a-f]{64}");
        assertThat(fake.modelNames()).contains("tinyllama:latest");
        assertThat(post("/api/pull", "{\"model\":\"tinyllama\",\"stream\":false}").body())
                .isEqualTo("{\"status\":\"success\"}");
    }

    @Test
    void aFailedPullIsAnErrorLineWhenStreamedAndA500Otherwise() throws Exception {
        HttpResponse<String> missing = post("/api/pull", "{\"name\":\"nope\"}");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).isEqualTo("{\"status\":\"pulling manifest\"}\n"
                + "{\"error\":\"pull model manifest: file does not exist\"}\n");

        HttpResponse<String> whole = post("/api/pull", "{\"name\":\"nope\",\"stream\":false}");
        assertThat(whole.statusCode()).isEqualTo(500);
        assertThat(whole.body()).isEqualTo("{\"error\":\"pull model manifest: file does not exist\"}");

        fake.pullScript("flaky").layers(100).steps(4).failAfter(2, "max retries exceeded: unexpected EOF");
        List<String> lines = post("/api/pull", "{\"model\":\"flaky\"}").body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).isEqualTo("{\"error\":\"max retries exceeded: unexpected EOF\"}");
        assertThat(fake.modelNames()).doesNotContain("flaky:latest");
    }

    @Test
    void aPullOfAnUnknownModelSucceedsOnceTheFakeIsToldToPullAnyModel() throws Exception {
        assertThat(post("/api/pull", "{\"model\":\"all-minilm\"}").body()).contains("file does not exist");

        fake.pullsUnknownModels(script -> script.layers(300).steps(3).installs(m -> m.embeddingLength(384)));
        List<String> lines = post("/api/pull", "{\"model\":\"all-minilm\"}").body().lines().toList();

        assertThat(lines).hasSize(8).endsWith("{\"status\":\"success\"}");
        assertThat(lines.get(4)).contains("\"total\":300,\"completed\":300");
        assertThat(fake.modelNames()).contains("all-minilm:latest");
        assertThat(fake.model("all-minilm").embeddingLengthValue()).isEqualTo(384);
        fake.pullScript("broken").manifestError("pull model manifest: file does not exist");
        assertThat(post("/api/pull", "{\"model\":\"broken\"}").body()).as("a script still wins")
                .contains("file does not exist");
    }

    // ---------------------------------------------------------------------------------------------------------
    // model listing and embeddings: exact key sets

    @Test
    void tagsAndVersionHaveExactlyTheKeysOllama4jAccepts() throws Exception {
        JsonNode tags = JSON.readTree(get("/api/tags").body());
        assertThat(fieldNames(tags)).containsExactly("models");
        JsonNode model = tags.get("models").get(0);
        assertThat(fieldNames(model)).containsExactly("name", "model", "modified_at", "size", "digest", "details");
        assertThat(fieldNames(model.get("details"))).containsExactly("parent_model", "format", "family", "families",
                "parameter_size", "quantization_level");
        assertThat(model.get("name").asText()).isEqualTo(LLAMA);
        assertThat(model.get("modified_at").asText()).isEqualTo("2025-05-04T17:37:44.706015396-07:00");
        assertThat(model.get("digest").asText()).matches("[0-9a-f]{64}");

        assertThat(get("/api/version").body()).isEqualTo("{\"version\":\"0.32.15\"}");
    }

    @Test
    void embedHasExactlyFiveKeysAndDeterministicUnitVectors() throws Exception {
        fake.embeddingModel("all-minilm");

        HttpResponse<String> response = post("/api/embed",
                "{\"model\":\"all-minilm\",\"input\":[\"the sky is blue\",\"the sky is blue\",\"grass\"],"
                + "\"options\":null,\"keep_alive\":null,\"truncate\":true}");
        JsonNode body = JSON.readTree(response.body());

        assertThat(fieldNames(body)).containsExactly("model", "embeddings", "total_duration", "load_duration",
                "prompt_eval_count");
        JsonNode vectors = body.get("embeddings");
        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(0)).hasSize(384);
        assertThat(vectors.get(0)).isEqualTo(vectors.get(1));
        assertThat(vectors.get(0)).isNotEqualTo(vectors.get(2));
        double norm = 0;
        for (JsonNode x : vectors.get(0)) {
            norm += x.asDouble() * x.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        float[] expected = FakeOllama.embeddingFor("the sky is blue", 384);
        assertThat((float) vectors.get(0).get(0).asDouble()).isEqualTo(expected[0]);

        assertThat(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":[]}").body())
                .isEqualTo("{\"model\":\"all-minilm\",\"embeddings\":[]}");
        assertThat(JSON.readTree(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"x\",\"dimensions\":8}")
                .body()).get("embeddings").get(0)).hasSize(8);
        JsonNode legacy = JSON.readTree(post("/api/embeddings", "{\"model\":\"all-minilm\",\"prompt\":\"grass\"}").body());
        assertThat(fieldNames(legacy)).containsExactly("embedding");
        assertThat(legacy.get("embedding")).hasSize(384);
    }

    @Test
    void showEscapesHtmlCharactersLikeGo() throws Exception {
        String body = post("/api/show", "{\"model\":\"llama3.2\"}").body();

        assertThat(body).doesNotContain("\n").contains("\\u003c|eot_id|\\u003e").doesNotContain("<|eot_id|>");
        JsonNode show = JSON.readTree(body);
        assertThat(show.get("capabilities").toString()).isEqualTo("[\"completion\",\"tools\"]");
        assertThat(show.get("model_info").get("llama.context_length").asInt()).isEqualTo(131072);
    }

    // ---------------------------------------------------------------------------------------------------------
    // tolerance of what clients send

    @Test
    void rootAndHeadAnswerLikeOllama() throws Exception {
        HttpResponse<String> root = get("/");
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> headVersion = send(HttpRequest.newBuilder(uri("/api/version")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));

        assertThat(root.body()).isEqualTo("Ollama is running");
        assertThat(root.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(headVersion.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsWhatOllama4jAndOtherClientsSend() throws Exception {
        HttpResponse<String> tags = send(HttpRequest.newBuilder(uri("/api/tags")).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("Content-Type", "application/json").GET());
        HttpResponse<String> show = send(HttpRequest.newBuilder(uri("/api/show"))
                .POST(HttpRequest.BodyPublishers.ofString("{\n  \"name\" : \"llama3.2\"\n}")));
        HttpResponse<String> chat = post("/api/chat", "{\"model\":\"llama3.2:latest\",\"options\":null,"
                + "\"stream\":false,\"messages\":[{\"role\":\"user\",\"thinking\":null,\"images\":null,\"content\":\"hi\","
                + "\"tool_calls\":[]}],\"tools\":[],\"useTools\":true,\"keep_alive\":null,\"format\":\"json\"}");

        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(chat.statusCode()).isEqualTo(200);
        FakeOllamaRequest first = fake.requests().get(0);
        assertThat(first.header("Upgrade")).isEqualTo("h2c");
        assertThat(first.headerValues("content-type")).hasSize(2);
        FakeOllamaRequest recordedShow = fake.lastRequest("/api/show");
        assertThat(recordedShow.header("Content-Type")).isNull();
        assertThat(recordedShow.model()).isEqualTo("llama3.2");
        assertThat(recordedShow.body()).contains("\n");
        assertThat(fake.lastRequest("/api/chat").json().get("useTools").asBoolean()).isTrue();
    }

    @Test
    void acceptsChunkedBodiesAndExpectContinue() throws Exception {
        try (HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> chunked = http11.send(HttpRequest.newBuilder(uri("/api/chat"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            (SKY + ",\"stream\":false}").getBytes(StandardCharsets.UTF_8)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> continued = http11.send(postRequest("/api/chat", SKY + ",\"stream\":false}")
                    .expectContinue(true).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(chunked.statusCode()).isEqualTo(200);
            assertThat(fake.requests("/api/chat").get(0).header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(continued.statusCode()).isEqualTo(200);
            assertThat(continued.body()).contains("Hello world");
        }
    }

    @Test
    void numbersAndStringsAreWrittenTheWayGoWritesThem() {
        assertThat(FakeOllamaJson.float32(0.5f).rawValue()).isEqualTo("0.5");
        assertThat(FakeOllamaJson.float32(1f).rawValue()).isEqualTo("1");
        assertThat(FakeOllamaJson.float32(-0.57735026f).rawValue()).isEqualTo("-0.57735026");
        assertThat(FakeOllamaJson.float32(1e-7f).rawValue()).isEqualTo("1e-7");
        assertThat(FakeOllamaJson.float32(1.5e21f).rawValue()).isEqualTo("1.5e+21");
        assertThat(FakeOllamaJson.float64(0.5773502588272095).rawValue()).isEqualTo("0.5773502588272095");
        com.fasterxml.jackson.databind.node.ObjectNode node = FakeOllamaJson.object();
        node.put("s", "a<b>&c\u2028\u0001\n\"");
        assertThat(FakeOllamaJson.compact(node)).isEqualTo("{\"s\":\"a\\u003cb\\u003e\\u0026c\\u2028\\u0001\\n\\\"\"}");
        assertThat(FakeOllamaJson.rfc3339Nano(java.time.OffsetDateTime.parse("2025-10-26T17:21:21.100Z")))
                .isEqualTo("2025-10-26T17:21:21.1Z");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ollama4j 1.1.6

    @Test
    void ollama4jListsShowsVersionsAndDeletes() throws Exception {
        fake.model("qwen3:0.6b").family("qwen3").parameterSize("751.63M").quantization("Q4_K_M").size(522_653_767L);
        Ollama ollama = new Ollama(fake.baseUrl());

        List<Model> models = ollama.listModels();
        ModelDetail detail = ollama.getModelDetails("llama3.2");
        String version = ollama.getVersion();
        ollama.deleteModel("qwen3:0.6b", false);
        ollama.deleteModel("qwen3:0.6b", true);

        assertThat(models).extracting(Model::getName).containsExactlyInAnyOrder(LLAMA, "qwen3:0.6b");
        Model llama = models.stream().filter(m -> m.getName().equals(LLAMA)).findFirst().orElseThrow();
        assertThat(llama.getModelVersion()).isEqualTo("latest");
        assertThat(llama.getModifiedAt().toInstant()).isEqualTo(Instant.parse("2025-05-05T00:37:44.706015396Z"));
        assertThat(llama.getModelMeta().getParameterSize()).isEqualTo("3.2B");
        assertThat(detail.getDetails().getFamily()).isEqualTo("llama");
        assertThat(detail.getTemplate()).contains("<|start_header_id|>");
        assertThat(detail.getCapabilities()).containsExactly("completion", "tools");
        assertThat(version).isEqualTo("0.32.15");
        assertThat(fake.modelNames()).containsExactly(LLAMA);
        assertThat(fake.requests("/api/delete")).hasSize(2);
        // Ollama4j 1.1.6 returns quietly on 404 "model ... not found" even with ignoreIfNotPresent=false
        ollama.deleteModel("qwen3:0.6b", false);
        assertThat(fake.requests("/api/delete")).hasSize(3);
        assertThatThrownBy(() -> ollama.getModelDetails("qwen3:0.6b")).isInstanceOf(OllamaException.class);
    }

    @Test
    void ollama4jChatsAndPullsThroughTheFake() throws Exception {
        fake.pullScript("tinyllama").layers(100).steps(1);
        Ollama ollama = new Ollama(fake.baseUrl());

        OllamaChatResult chat = ollama.chat(OllamaChatRequest.builder().withModel(LLAMA)
                .withMessage(OllamaChatMessageRole.USER, "hi").build(), null);
        List<String> tokens = new ArrayList<>();
        ollama.chat(OllamaChatRequest.builder().withModel(LLAMA).withMessage(OllamaChatMessageRole.USER, "hi")
                .build(), token -> tokens.add(token.getMessage().getResponse()));
        ollama.pullModel("tinyllama");

        assertThat(chat.getResponseModel().getMessage().getResponse()).isEqualTo("Hello world");
        assertThat(chat.getResponseModel().getEvalCount()).isEqualTo(3);
        assertThat(tokens).containsExactly("Hel", "lo", " world", "");
        assertThat(fake.modelNames()).contains("tinyllama:latest");
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private URI uri(String path) {
        return fake.baseUri().resolve(path);
    }

    private HttpRequest.Builder postRequest(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(postRequest(path, body));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket(fake.baseUri().getHost(), fake.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<JsonNode> ndjson(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("\n").doesNotContain("\n\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.toString()).as("compact").isEqualTo(line);
            lines.add(node);
        }
        return lines;
    }

    private static JsonNode last(List<JsonNode> lines) {
        return lines.get(lines.size() - 1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Set<String> unique = new HashSet<>(names);
        assertThat(unique).hasSameSizeAs(names);
        return names;
    }
}
