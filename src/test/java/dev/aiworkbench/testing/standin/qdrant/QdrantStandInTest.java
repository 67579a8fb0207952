package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Qdrant stand-in in this JVM: the REST calls the labs make, answered the way Qdrant answers them. */
class QdrantStandInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "stand-in-key";
    private static final String UUID_ID = "5C56C793-69F3-4FBF-87E6-C4BF54C28C26";

    @TempDir
    Path storage;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private URI base;

    private QdrantStandIn start() throws Exception {
        QdrantStandIn standIn = QdrantStandIn.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                storage, "1.20.3", Optional.of(KEY), new PrintStream(log, true, StandardCharsets.UTF_8));
        base = URI.create("http://127.0.0.1:" + standIn.port());
        return standIn;
    }

    @Test
    void collectionsPointsFiltersAndQueriesAnswerLikeQdrantAndSurviveARestart() throws Exception {
        try (QdrantStandIn ignored = start()) {
            assertThat(call("GET", "/", null, false).body()).contains("\"version\":\"1.20.3\"");
            assertThat(call("GET", "/readyz", null, false).statusCode()).isEqualTo(200);
            assertThat(call("GET", "/collections", null, false).statusCode()).as("the key is required").isEqualTo(401);
            assertThat(String.valueOf(log)).contains("Qdrant HTTP listening on");

            assertThat(result(call("PUT", "/collections/docs", "{\"vectors\":{\"size\":4,\"distance\":\"Cosine\"}}")))
                    .isEqualTo(JSON.readTree("true"));
            HttpResponse<String> again = call("PUT", "/collections/docs", "{\"vectors\":{\"size\":4,\"distance\":\"Cosine\"}}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(again.body()).path("status").path("error").asText())
                    .isEqualTo("Wrong input: Collection `docs` already exists!");
            assertThat(call("PUT", "/collections/bad", "{\"vectors\":{\"size\":4,\"distance\":\"cosine\"}}").statusCode())
                    .isEqualTo(400);
            assertThat(call("PUT", "/collections/docs/index?wait=true",
                    "{\"field_name\":\"path\",\"field_schema\":\"keyword\"}").statusCode()).isEqualTo(200);

            JsonNode upserted = result(call("PUT", "/collections/docs/points?wait=true", """
                    {"points":[
                      {"id":1,"vector":[1,0,0,0],"payload":{"path":"a.md","rank":1,"tags":["x","y"]}},
                      {"id":2,"vector":[0.9,0.1,0,0],"payload":{"path":"b.md","rank":2}},
                      {"id":"%s","vector":[0,1,0,0],"payload":{"path":"a.md","rank":3,"meta":{"lang":"en"}}}
                    ]}""".formatted(UUID_ID)));
            assertThat(upserted.path("status").asText()).isEqualTo("completed");
            HttpResponse<String> wrongSize = call("PUT", "/collections/docs/points", "{\"points\":[{\"id\":9,\"vector\":[1,2]}]}");
            assertThat(wrongSize.statusCode()).isEqualTo(400);
            assertThat(wrongSize.body()).contains("Vector dimension error: expected dim: 4, got 2");
            assertThat(call("PUT", "/collections/docs/points", "{\"points\":[{\"id\":\"x-1\",\"vector\":[1,0,0,0]}]}")
                    .body()).contains("is not a valid point ID");

            JsonNode info = result(call("GET", "/collections/docs", null));
            assertThat(info.path("points_count").asInt()).isEqualTo(3);
            assertThat(info.path("config").path("params").path("vectors").path("size").asInt()).isEqualTo(4);
            assertThat(info.path("config").path("params").path("vectors").path("distance").asText()).isEqualTo("Cosine");
            assertThat(info.path("payload_schema").path("path").path("data_type").asText()).isEqualTo("keyword");
            assertThat(count("{\"exact\":true}")).isEqualTo(3);
            assertThat(count("{\"filter\":{\"must\":[{\"key\":\"path\",\"match\":{\"value\":\"a.md\"}}]}}")).isEqualTo(2);
            assertThat(count("{\"filter\":{\"must\":[{\"key\":\"rank\",\"range\":{\"gte\":2}}],"
                    + "\"must_not\":[{\"key\":\"meta.lang\",\"match\":{\"value\":\"en\"}}]}}")).isEqualTo(1);
            assertThat(count("{\"filter\":{\"should\":[{\"key\":\"tags\",\"match\":{\"any\":[\"y\"]}},"
                    + "{\"has_id\":[\"" + UUID_ID.toLowerCase() + "\"]}]}}")).isEqualTo(2);

            JsonNode points = result(call("POST", "/collections/docs/points/query",
                    "{\"query\":[1,0,0,0],\"limit\":2,\"with_payload\":true}")).path("points");
            assertThat(points).hasSize(2);
            assertThat(points.get(0).path("id").asInt()).isEqualTo(1);
            assertThat(points.get(0).path("score").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(points.get(1).path("id").asInt()).isEqualTo(2);
            assertThat(points.get(1).path("payload").path("path").asText()).isEqualTo("b.md");
            JsonNode filtered = result(call("POST", "/collections/docs/points/query", "{\"query\":[1,0,0,0],"
                    + "\"filter\":{\"must\":[{\"key\":\"path\",\"match\":{\"value\":\"a.md\"}}]},\"limit\":5}")).path("points");
            assertThat(filtered).extracting(p -> p.path("id").asText()).containsExactly("1", UUID_ID.toLowerCase());
            assertThat(filtered.get(0).path("payload").isNull()).as("no payload unless asked").isTrue();
            JsonNode byId = result(call("POST", "/collections/docs/points/query", "{\"query\":1,\"limit\":1}"));
            assertThat(byId.path("points").get(0).path("id").asInt()).as("a query by id leaves that point out").isEqualTo(2);
            assertThat(result(call("POST", "/collections/docs/points/search", "{\"vector\":[0,1,0,0],\"limit\":1}"))
                    .get(0).path("id").asText()).isEqualTo(UUID_ID.toLowerCase());

            result(call("POST", "/collections/docs/points/delete?wait=true",
                    "{\"filter\":{\"must\":[{\"key\":\"path\",\"match\":{\"value\":\"b.md\"}}]}}"));
            assertThat(count("{}")).isEqualTo(2);
            HttpResponse<String> missing = call("GET", "/collections/nope", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Not found: Collection `nope` doesn't exist!");
            assertThat(call("POST", "/collections/docs/points/recommend", "{}").statusCode()).isEqualTo(404);
        }

        try (QdrantStandIn ignored = start()) {
            assertThat(result(call("GET", "/collections/docs/exists", null)).path("exists").asBoolean()).isTrue();
            assertThat(count("{}")).as("points kept in the storage folder").isEqualTo(2);
            JsonNode scrolled = result(call("POST", "/collections/docs/points/scroll", "{\"limit\":1}"));
            assertThat(scrolled.path("points").get(0).path("payload").path("tags").get(1).asText()).isEqualTo("y");
            assertThat(scrolled.path("next_page_offset").asText()).isEqualTo(UUID_ID.toLowerCase());
            assertThat(result(call("DELETE", "/collections/docs", null)).asBoolean()).isTrue();
            assertThat(result(call("GET", "/collections", null)).path("collections")).isEmpty();
        }
    }

    private long count(String body) throws Exception {
        return result(call("POST", "/collections/docs/points/count", body)).path("count").asLong();
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("time").isNumber()).isTrue();
        return body.get("result");
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, true);
    }

    private HttpResponse<String> call(String method, String path, String body, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withKey) {
            request.header("api-key", KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
