package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.labs.definition.CheckSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.aiworkbench.labs.checks.Specs.get;
import static dev.aiworkbench.labs.checks.Specs.http;
import static dev.aiworkbench.labs.checks.Specs.json;
import static dev.aiworkbench.labs.checks.Specs.paths;
import static org.assertj.core.api.Assertions.assertThat;

class HttpCheckTest {
    private static final String HEALTH = """
            {"status": "ok", "version": "1.2.0", "count": 3, "ratio": 0.5, "ready": true,
             "items": [{"id": 7, "name": "first"}, {"id": 8, "name": "second"}], "meta": {"source": "stub"}}""";
    private static final String SCHEMA = """
            {"type": "object", "required": ["status", "count"],
             "properties": {"status": {"enum": ["ok"]}, "count": {"type": "integer", "minimum": 1}}}""";

    private static TestServer server;
    private static CheckEngine engine;

    @TempDir
    Path workspace;

    @BeforeAll
    static void start() {
        server = new TestServer()
                .fixed("/health", 200, "application/json", HEALTH)
                .fixed("/created", 201, "application/json", "{\"id\": 12}")
                .fixed("/missing", 404, "application/json", "{\"detail\": \"Not Found\"}")
                .fixed("/text", 200, "text/plain", "this is not JSON at all")
                .fixed("/broken", 200, "application/json", "{\"status\": \"ok\",")
                .fixed("/wrong", 200, "application/json", "{\"status\": \"down\", \"count\": 0}")
                .route("/slow", (exchange, body) -> {
                    Thread.sleep(300);
                    TestServer.send(exchange, 200, "application/json", "{\"status\": \"ok\"}");
                })
                .route("/hang", (exchange, body) -> {
                    Thread.sleep(10_000);
                    TestServer.send(exchange, 200, "application/json", "{}");
                })
                .route("/echo", (exchange, body) -> TestServer.send(exchange, 200, "application/json",
                        "{\"method\": \"" + exchange.getRequestMethod() + "\", \"received\": " + body + ", \"token\": \""
                                + exchange.getRequestHeaders().getFirst("X-Token") + "\", \"type\": \""
                                + exchange.getRequestHeaders().getFirst("Content-Type") + "\"}"));
        engine = new CheckEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    private CheckContext context() {
        return CheckContext.of(workspace).withEndpoints(Specs.fastapi(server.baseUri()));
    }

    @Test
    void passesWhenEveryExpectationHolds() {
        CheckSpec.Http spec = http("GET", "{{fastapi.url}}/health", Map.of(), null, 200,
                paths("$.status", "\"ok\"", "$.items[0].id", "7", "$.items[-1].name", "\"second\"", "meta.source",
                        "\"stub\"", "$.count", "\"3\"", "$.ratio", "0.50", "$.ready", "\"true\""),
                json(SCHEMA), "\"version\"", 5_000L);

        CheckResult result = engine.run(spec, context());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).startsWith("GET " + server.baseUri() + "/health answered 200 in ")
                .endsWith("as expected.");
        assertThat(result.checkId()).isEqualTo("http-check");
    }

    @Test
    void anyTwoHundredPassesWhenNoStatusIsGiven() {
        CheckResult result = engine.run(get("{{fastapi.url}}/created"), context());

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).contains("answered 201");
    }

    @Test
    void failsOnTheStatusSayingWhatCameBack() {
        CheckResult result = engine.run(get("{{fastapi.url}}/missing"), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).startsWith("Expected a 2xx status from GET " + server.baseUri()
                + "/missing, but it answered 404 (body: {\"detail\": \"Not Found\"}).").contains("run the check again");
    }

    @Test
    void failsOnAnExactStatusThatDiffers() {
        CheckResult result = engine.run(http("GET", "{{fastapi.url}}/created", Map.of(), null, 200, Map.of(), null,
                null, null), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).startsWith("Expected status 200 from GET").contains("answered 201");
    }

    @Test
    void failsOnJsonPathValuesNamingEachOne() {
        CheckResult result = engine.run(http("GET", "{{fastapi.url}}/health", Map.of(), null, null,
                paths("$.status", "\"healthy\"", "$.items[5].id", "1", "$.count", "3"), null, null, null), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message())
                .contains("but $.status is \"ok\", expected \"healthy\"")
                .contains("$.items[5].id is missing (expected 1)")
                .doesNotContain("$.count");
    }

    @Test
    void failsOnTheSchemaWithTheViolations() throws Exception {
        Path lab = workspace.resolve("lab");
        Files.createDirectories(lab.resolve("schemas"));
        Files.writeString(lab.resolve("schemas/health.json"), SCHEMA);
        CheckSpec.Http spec = http("GET", "{{fastapi.url}}/wrong", Map.of(), null, null, Map.of(),
                json("\"schemas/health.json\""), null, null);

        CheckResult result = engine.run(spec, context().withSchemas(SchemaResolver.folder(lab)));

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("the body does not match the expected JSON Schema: ")
                .contains("$.status").contains("$.count");
    }

    @Test
    void aSchemaFileThatIsMissingIsAnErrorOfTheLab() {
        CheckSpec.Http spec = http("GET", "{{fastapi.url}}/health", Map.of(), null, null, Map.of(),
                json("\"schemas/nope.json\""), null, null);

        CheckResult result = engine.run(spec, context().withSchemas(SchemaResolver.folder(workspace)));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).contains("schemas/nope.json").contains("mistake in the lab");
    }

    @Test
    void failsOnLatency() {
        CheckResult result = engine.run(http("GET", "{{fastapi.url}}/slow", Map.of(), null, 200, Map.of(), null, null,
                100L), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).containsPattern("but it took \\d+ ms, more than the 100 ms allowed");
    }

    @Test
    void failsWhenTheBodyIsNotJsonButJsonIsExpected() {
        CheckResult text = engine.run(http("GET", "{{fastapi.url}}/text", Map.of(), null, null,
                paths("$.status", "\"ok\""), null, null, null), context());
        CheckResult cut = engine.run(http("GET", "{{fastapi.url}}/broken", Map.of(), null, null,
                paths("$.status", "\"ok\""), null, null, null), context());

        assertThat(text.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(text.message()).contains("but expected a JSON body, but got text that is not JSON: this is not JSON at all");
        assertThat(cut.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(cut.message()).contains("text that is not JSON: {\"status\": \"ok\",");
    }

    @Test
    void failsWhenTheBodyLacksTheText() {
        CheckResult result = engine.run(http("GET", "{{fastapi.url}}/text", Map.of(), null, null, Map.of(), null,
                "JSON!", null), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("the body does not contain \"JSON!\" (it was: this is not JSON at all)");
    }

    @Test
    void aRequestThatNeverAnswersIsStoppedAtTheTimeout() {
        CheckSpec.Http spec = Specs.withTimeout(get("{{fastapi.url}}/hang"), Duration.ofMillis(400));

        CheckResult result = engine.run(spec, context());

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).startsWith("GET " + server.baseUri() + "/hang got no answer within 0.4 s");
        assertThat(result.took()).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void sendsMethodHeadersAndBodyWithPlaceholdersFilled() {
        JsonNode body = json("{\"question\": \"where is {{fastapi.url}}?\", \"k\": 3}");
        CheckSpec.Http spec = http("POST", "{{fastapi.url}}/echo", Map.of("X-Token", "t-{{fastapi.url}}"), body, 200,
                paths("$.method", "\"POST\"", "$.received.k", "3", "$.received.question",
                        "\"where is " + server.baseUri() + "?\"", "$.token", "\"t-" + server.baseUri() + "\"",
                        "$.type", "\"application/json\""), null, null, null);

        CheckResult result = engine.run(spec, context());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aServiceThatIsNotRunningIsAnErrorNamingIt() {
        CheckResult result = engine.run(get("{{fastapi.url}}/health"), CheckContext.of(workspace));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).isEqualTo("This check needs the fastapi service, which is not running. Start the "
                + "lab's services so that your FastAPI app runs, then run the check again.");
    }

    @Test
    void anUnknownPlaceholderIsAnErrorOfTheLab() {
        CheckResult result = engine.run(get("{{fastapi.url}}/items?q={{fastapi.port}}"), context());

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).contains("{{fastapi.port}}").contains("mistake in the lab");
    }

    @Test
    void anUnfilledPlaceholderNamesTheServiceToStart() {
        CheckResult inUrl = engine.run(get("{{fastapi.url}}/proxy?to={{qdrant.url}}"), context());
        CheckResult inHeader = engine.run(http("GET", "{{fastapi.url}}/health", Map.of("X-Qdrant", "{{qdrant.url}}"),
                null, null, Map.of(), null, null, null), context());

        assertThat(inUrl.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(inUrl.message()).startsWith("This check needs the qdrant service, which is not running.");
        assertThat(inHeader.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(inHeader.message()).startsWith("The check needs {{qdrant.url}}, but the qdrant service is not "
                + "running.").contains("Start the lab's services so that Qdrant runs");
    }

    @Test
    void nothingListeningIsAnErrorThatSaysTheServiceMayHaveStopped() throws Exception {
        java.net.URI closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        CheckResult result = engine.run(get("{{fastapi.url}}/health"),
                CheckContext.of(workspace).withEndpoints(Specs.fastapi(closed)));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).contains("nothing answers at " + closed).contains("fastapi service may have stopped");
    }

    @Test
    void theLabsHintReplacesTheNextStepOfAFailureAndTheResultCarriesTimeAndDuration() {
        CheckSpec.Http base = get("{{fastapi.url}}/missing");
        CheckSpec.Http spec = new CheckSpec.Http(base.id(), base.title(), null, "Add the /missing route in main.py",
                base.method(), base.url(), base.headers(), base.body(), base.status(), base.jsonPaths(), base.schema(),
                base.contains(), base.maxLatencyMs());
        Instant now = Instant.parse("2025-11-27T10:00:00Z");

        CheckResult result = engine.run(spec, context().withClock(Clock.fixed(now, ZoneOffset.UTC)));

        assertThat(result.message()).endsWith("answered 404 (body: {\"detail\": \"Not Found\"}). Add the /missing route "
                + "in main.py.");
        assertThat(result.at()).isEqualTo(now);
        assertThat(result.took()).isPositive().isLessThan(Duration.ofSeconds(5));
    }
}
