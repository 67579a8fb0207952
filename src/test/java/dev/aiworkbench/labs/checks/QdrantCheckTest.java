package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.aiworkbench.labs.checks.Specs.paths;
import static dev.aiworkbench.labs.checks.Specs.qdrant;
import static dev.aiworkbench.labs.checks.Specs.qdrantText;
import static dev.aiworkbench.labs.checks.Specs.qdrantVector;
import static org.assertj.core.api.Assertions.assertThat;

class QdrantCheckTest {
    private static final String EMBED = "all-minilm";
    private static final List<String> DOCS = List.of(
            "Retrieval augmented generation grounds answers in retrieved documents",
            "Qdrant stores vectors with a payload and searches by similarity",
            "FastAPI serves the endpoints of the stub with uvicorn");

    @TempDir
    Path workspace;

    private FakeQdrant qdrant;
    private CheckEngine engine;

    @BeforeEach
    void start() {
        qdrant = FakeQdrant.start();
        engine = new CheckEngine();
    }

    @AfterEach
    void stop() {
        engine.close();
        qdrant.close();
    }

    private CheckContext context() {
        return CheckContext.of(workspace).withEndpoints(Specs.qdrant(qdrant.baseUri(), null));
    }

    private void docs(int size) {
        qdrant.collection("docs", size, "Cosine");
        for (int i = 0; i < DOCS.size(); i++) {
            qdrant.point("docs", i + 1, FakeOllama.embeddingFor(DOCS.get(i), size),
                    Map.of("text", DOCS.get(i), "meta", Map.of("source", "doc-" + (i + 1) + ".md", "page", i + 1)));
        }
    }

    @Test
    void aMissingCollectionFailsAndSaysToRunTheIngestion() {
        CheckResult result = engine.run(qdrant("docs", null, null, null), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).isEqualTo("The collection 'docs' does not exist yet in Qdrant at "
                + qdrant.baseUri() + ". Run your ingestion script so that it creates the collection and stores the "
                + "points, then run the check again.");
    }

    @Test
    void passesWithSizeDistanceAndCount() {
        docs(8);

        CheckResult result = engine.run(qdrant("docs", 8, "cosine", 3), context());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("The collection 'docs' exists with vectors of size 8, Cosine, holds 3 "
                + "points.");
        assertThat(qdrant.requests("/points/count")).singleElement()
                .satisfies(r -> assertThat(r.json().path("exact").asBoolean()).isTrue());
    }

    @Test
    void failsOnVectorSizeAndOnDistance() {
        docs(8);

        CheckResult size = engine.run(qdrant("docs", 384, null, null), context());
        CheckResult distance = engine.run(qdrant("docs", 8, "Dot", null), context());

        assertThat(size.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(size.message()).startsWith("Expected the collection 'docs' to hold vectors of size 384, but it has "
                + "size 8, Cosine.").contains("create it again with size 384");
        assertThat(distance.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(distance.message()).startsWith("Expected the collection 'docs' to hold vectors of size 8 and "
                + "distance Dot, but it has size 8, Cosine.");
    }

    @Test
    void failsWithTooFewPoints() {
        docs(8);

        CheckResult result = engine.run(qdrant("docs", null, null, 10), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).startsWith("Expected the collection 'docs' to hold at least 10 points, but it "
                + "holds 3.").contains("ingestion script over all the documents");
    }

    @Test
    void namedVectorsMatchAnyOfThemAndTheQueryUsesTheMatchingOne() {
        qdrant.namedCollection("multi", Map.of("title", new FakeQdrant.Space(2, "Dot"),
                "body", new FakeQdrant.Space(3, "Cosine")));
        qdrant.namedPoint("multi", 1, "body", new float[]{1, 0, 0}, Map.of("kind", "x"));
        qdrant.namedPoint("multi", 2, "body", new float[]{0, 1, 0}, Map.of("kind", "y"));
        CheckSpec.Qdrant spec = new CheckSpec.Qdrant("q", "q", null, null, "multi", 3, "Cosine", 2, null,
                List.of(0.1, 0.9, 0.0), paths("kind", "\"y\""));

        CheckResult result = engine.run(spec, context());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(qdrant.requests("/points/query")).singleElement()
                .satisfies(r -> assertThat(r.json().path("using").asText()).isEqualTo("body"));
    }

    @Test
    void aVectorQueryChecksTheTopHitsPayload() {
        docs(8);
        List<Double> nearSecond = toList(FakeOllama.embeddingFor(DOCS.get(1), 8));

        CheckResult pass = engine.run(qdrantVector("docs", nearSecond, paths("meta.source", "\"doc-2.md\"",
                "meta.page", "\"2\"")), context());
        CheckResult wrong = engine.run(qdrantVector("docs", nearSecond, paths("meta.source", "\"doc-1.md\"")), context());
        CheckResult missing = engine.run(qdrantVector("docs", nearSecond, paths("title", "\"Qdrant\"")), context());

        assertThat(pass.status()).as(pass.message()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.message()).contains("the best hit for the query vector (id 2, score 1.000) carries the payload "
                + "expected");
        assertThat(wrong.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(wrong.message()).startsWith("The best hit for the query vector (id 2, score 1.000) has meta.source = "
                + "\"doc-2.md\", expected \"doc-1.md\".");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.message()).contains("has no payload field 'title'").contains("its payload is {");
        FakeQdrant.Request query = qdrant.requests("/points/query").get(0);
        assertThat(query.json().path("limit").asInt()).isEqualTo(1);
        assertThat(query.json().path("with_payload").asBoolean()).isTrue();
        assertThat(query.json().path("query").size()).isEqualTo(8);
    }

    @Test
    void aQueryOnAnEmptyCollectionFails() {
        qdrant.collection("docs", 3, "Cosine");

        CheckResult result = engine.run(qdrantVector("docs", List.of(1.0, 0.0, 0.0), paths("text", "\"x\"")), context());

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).startsWith("The query vector found nothing in the collection 'docs'.");
    }

    @Test
    void aTextQueryIsEmbeddedWithTheLabsModelThroughTheGateway() {
        docs(384);
        try (FakeOllama ollama = FakeOllama.start();
             ModelGateway gateway = new OllamaGateway(OllamaSettings.defaults(ollama.baseUri()))) {
            ollama.embeddingModel(EMBED);
            CheckContext context = CheckContext.of(workspace)
                    .withEndpoints(Specs.qdrantAndOllama(qdrant.baseUri(), ollama.baseUri()))
                    .withModels(() -> gateway).withEmbedModel(EMBED);

            CheckResult result = engine.run(qdrantText("docs", "How does Qdrant search vectors by similarity?",
                    paths("meta.source", "\"doc-2.md\"")), context);

            assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
            assertThat(result.message()).contains("the best hit for the query \"How does Qdrant search vectors by "
                    + "similarity?\" (id 2,");
            assertThat(ollama.lastRequest("/api/embed").json().path("model").asText()).startsWith(EMBED);
        }
    }

    @Test
    void aTextQueryWhoseDimensionsDifferFromTheCollectionFails() {
        docs(8);
        try (FakeOllama ollama = FakeOllama.start();
             ModelGateway gateway = new OllamaGateway(OllamaSettings.defaults(ollama.baseUri()))) {
            ollama.embeddingModel(EMBED);
            CheckContext context = CheckContext.of(workspace)
                    .withEndpoints(Specs.qdrantAndOllama(qdrant.baseUri(), ollama.baseUri()))
                    .withModels(() -> gateway).withEmbedModel(EMBED);

            CheckResult result = engine.run(qdrantText("docs", "vectors", paths("text", "\"x\"")), context);

            assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(result.message()).startsWith("The query \"vectors\" has 384 dimensions, but the collection 'docs' "
                    + "holds vectors of size 8, Cosine.").contains("all-minilm (384)");
        }
    }

    @Test
    void aTextQueryNeedsOllamaAndAnEmbeddingModel() {
        docs(8);

        CheckResult noModel = engine.run(qdrantText("docs", "vectors", Map.of()), context());
        CheckResult noOllama = engine.run(qdrantText("docs", "vectors", Map.of()), context().withEmbedModel(EMBED));

        assertThat(noModel.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(noModel.message()).contains("the lab names no embedding model");
        assertThat(noOllama.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(noOllama.message()).contains("but the ollama service is not running")
                .contains("ollama serve");
    }

    @Test
    void sendsTheApiKeyAndExplainsARefusal() {
        try (FakeQdrant locked = FakeQdrant.withApiKey("s3cret")) {
            locked.collection("docs", 4, "Cosine");
            CheckContext withKey = CheckContext.of(workspace).withEndpoints(Specs.qdrant(locked.baseUri(), "s3cret"));
            CheckContext without = CheckContext.of(workspace).withEndpoints(Specs.qdrant(locked.baseUri(), null));

            CheckResult ok = engine.run(qdrant("docs", 4, null, 0), withKey);
            CheckResult refused = engine.run(qdrant("docs", 4, null, 0), without);

            assertThat(ok.status()).as(ok.message()).isEqualTo(CheckStatus.PASS);
            assertThat(locked.requests()).allSatisfy(r -> {
                if (r.header("api-key") != null) {
                    assertThat(r.header("api-key")).isEqualTo("s3cret");
                }
            });
            assertThat(locked.requests().get(0).header("api-key")).isEqualTo("s3cret");
            assertThat(refused.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(refused.message()).contains("refused the request (401: Must provide an API key")
                    .contains("requires an API key");
        }
    }

    @Test
    void qdrantNotRunningIsAnErrorNamingIt() {
        CheckResult result = engine.run(qdrant("docs", null, null, null), CheckContext.of(workspace));

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.message()).isEqualTo("This check needs the qdrant service, which is not running. Start the "
                + "lab's services so that Qdrant runs, then run the check again.");
    }

    @Test
    void anHttpCheckOnQdrantCarriesTheApiKey() {
        try (FakeQdrant locked = FakeQdrant.withApiKey("k1")) {
            locked.collection("docs", 4, "Cosine");
            CheckContext context = CheckContext.of(workspace).withEndpoints(Specs.qdrant(locked.baseUri(), "k1"));

            CheckResult result = engine.run(Specs.http("GET", "{{ qdrant.url }}/collections/docs", Map.of(), null, 200,
                    paths("$.result.config.params.vectors.size", "4", "$.status", "\"ok\""), null, null, null), context);

            assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        }
    }

    private static List<Double> toList(float[] vector) {
        java.util.ArrayList<Double> list = new java.util.ArrayList<>();
        for (float x : vector) {
            list.add((double) x);
        }
        return list;
    }
}
