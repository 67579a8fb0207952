package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** similar and llm-rubric through the real Ollama adapter, against the fake Ollama server. */
class ModelGradedAssertionsTest {
    private static final String JUDGE = "judge:latest";
    private static final String EMBEDDER = "all-minilm:latest";
    private static final int DIMENSIONS = 384;
    private static final Grader GRADER = Grader.standard();

    private FakeOllama fake;
    private OllamaGateway gateway;
    private InMemoryVerdictCache cache;
    private GradingContext context;

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        fake.model(JUDGE).answer("{\"reason\": \"It names the host.\", \"score\": 0.9, \"pass\": true}");
        fake.embeddingModel(EMBEDDER);
        gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
        cache = new InMemoryVerdictCache();
        context = new GradingContext(gateway, JUDGE, EMBEDDER, cache);
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    private void judgeAnswers(String json) {
        fake.model(JUDGE).answer(json);
    }

    private AssertionResult rubric(String type, String rubric, Double threshold, String output) {
        return GRADER.grade(AssertionSpec.of(type, Cases.yaml(rubric), threshold, null, null, null),
                Cases.output(output, Map.of("host", "db1")), context);
    }

    // ---------------------------------------------------------------------------------------------------------
    // llm-rubric

    @Test
    void theJudgeIsAskedForStructuredJsonAtTemperatureZeroWithAFixedSeed() {
        AssertionResult result = rubric("llm-rubric", "'Names the host {{host}}'", null, "Disk full on db1.");

        assertThat(result.pass()).isTrue();
        assertThat(result.error()).isFalse();
        assertThat(result.score()).isEqualTo(0.9);
        assertThat(result.reason()).isEqualTo("The judge (judge:latest) scored 0.9 and said pass: It names the host.");

        List<FakeOllamaRequest> requests = fake.requests("/api/chat");
        assertThat(requests).hasSize(1);
        JsonNode sent = requests.get(0).json();
        assertThat(sent.path("model").asText()).isEqualTo(JUDGE);
        assertThat(sent.path("stream").asBoolean(true)).isFalse();
        assertThat(sent.path("options").path("temperature").asDouble(-1)).isZero();
        assertThat(sent.path("options").path("seed").asInt()).isEqualTo(42);
        JsonNode format = sent.path("format");
        assertThat(format.path("type").asText()).isEqualTo("object");
        assertThat(format.path("properties").path("reason").path("type").asText()).isEqualTo("string");
        assertThat(format.path("properties").path("score").path("type").asText()).isEqualTo("number");
        assertThat(format.path("properties").path("pass").path("type").asText()).isEqualTo("boolean");
        assertThat(format.path("required")).extracting(JsonNode::asText).containsExactly("reason", "score", "pass");
        JsonNode messages = sent.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(1).path("content").asText())
                .isEqualTo("<Output>\nDisk full on db1.\n</Output>\n<Rubric>\nNames the host db1\n</Rubric>");
    }

    @Test
    void anUnparseableVerdictIsAnErrorNotAPassOrAFail() {
        judgeAnswers("I think it passes.");

        AssertionResult result = rubric("llm-rubric", "Is polite", null, "Hello!");
        CaseVerdict verdict = CaseScoring.score(List.of(result), null);

        assertThat(result.error()).isTrue();
        assertThat(result.pass()).isFalse();
        assertThat(result.reason()).startsWith("The judge model judge:latest did not answer with a verdict: it is not JSON")
                .endsWith("It answered \"I think it passes.\".");
        assertThat(verdict.error()).isTrue();
        assertThat(verdict.pass()).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void verdictsOfTheWrongShapeAreErrorsToo() {
        for (String answer : List.of("{\"reason\": \"x\", \"score\": 7, \"pass\": true}",
                "{\"reason\": \"x\", \"score\": 0.5, \"pass\": \"yes\"}", "{\"reason\": \"no verdict\"}", "[1, 2]",
                "{\"score\": 1, \"pass\": true} trailing")) {
            judgeAnswers(answer);

            AssertionResult result = rubric("llm-rubric", "Is polite " + answer.length(), null, "Hello!");

            assertThat(result.error()).as(answer).isTrue();
        }
    }

    @Test
    void aScoreOfZeroNeverPassesEvenWhenTheJudgeSaysPass() {
        judgeAnswers("{\"reason\": \"Close enough.\", \"score\": 0, \"pass\": true}");

        AssertionResult result = rubric("llm-rubric", "Is polite", null, "Go away.");
        AssertionResult negated = rubric("not-llm-rubric", "Is polite", null, "Go away.");

        assertThat(result.pass()).isFalse();
        assertThat(result.error()).isFalse();
        assertThat(result.score()).isZero();
        assertThat(result.reason()).isEqualTo("The judge (judge:latest) scored 0 and said pass, but a score of 0 never "
                + "passes: Close enough.");
        assertThat(negated.pass()).isTrue();
        assertThat(negated.score()).isEqualTo(1.0);
    }

    @Test
    void withAThresholdThePassNeedsTheJudgesPassAndTheScore() {
        judgeAnswers("{\"reason\": \"Mostly.\", \"score\": 0.6, \"pass\": true}");
        AssertionResult below = rubric("llm-rubric", "Is polite", 0.7, "Hi.");
        AssertionResult reaches = rubric("llm-rubric", "Is polite", 0.6, "Hi.");

        judgeAnswers("{\"reason\": \"Rude.\", \"score\": 0.9, \"pass\": false}");
        AssertionResult judgedFail = rubric("llm-rubric", "Is polite", 0.5, "Hey you.");
        AssertionResult negatedFail = rubric("not-llm-rubric", "Is polite", 0.5, "Hey you.");

        assertThat(below.pass()).isFalse();
        assertThat(below.score()).isEqualTo(0.6);
        assertThat(below.reason()).contains("but the score is below the threshold 0.7");
        assertThat(reaches.pass()).isTrue();
        assertThat(judgedFail.pass()).isFalse();
        assertThat(negatedFail.pass()).isTrue();
        assertThat(negatedFail.score()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void aMissingPassCountsAsPassAsInPromptfoo() {
        judgeAnswers("{\"reason\": \"Fine.\", \"score\": 0.8}");

        assertThat(rubric("llm-rubric", "Is polite", null, "Hello!").pass()).isTrue();
    }

    @Test
    void aCachedVerdictMakesNoSecondRequest() {
        AssertionResult first = rubric("llm-rubric", "Is polite", null, "Hello!");
        AssertionResult second = rubric("llm-rubric", "Is polite", 0.95, "Hello!");
        rubric("llm-rubric", "Is polite", null, "Hello again!");

        assertThat(fake.requests("/api/chat")).hasSize(2);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(new VerdictKey(JUDGE, "Is polite", "Hello!"))).contains(
                new JudgeVerdict(true, 0.9, "It names the host."));
        assertThat(first.pass()).isTrue();
        assertThat(second.pass()).isFalse(); // the same verdict, held to a higher threshold
    }

    @Test
    void aFailingJudgeIsAnErrorAndIsAskedAgainNextTime() {
        fake.status(500, "an error was encountered while running the model");

        AssertionResult failed = rubric("llm-rubric", "Is polite", null, "Hello!");
        AssertionResult retried = rubric("llm-rubric", "Is polite", null, "Hello!");

        assertThat(failed.error()).isTrue();
        assertThat(failed.reason()).startsWith("The judge model judge:latest failed: ");
        assertThat(retried.pass()).isTrue();
        assertThat(fake.requests("/api/chat")).hasSize(2);
    }

    @Test
    void aJudgeModelTheServerLacksIsAnError() {
        context = new GradingContext(gateway, "missing:latest", EMBEDDER, cache);

        AssertionResult result = rubric("llm-rubric", "Is polite", null, "Hello!");

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("The judge model missing:latest failed: ");
    }

    // ---------------------------------------------------------------------------------------------------------
    // similar

    private static final String OUTPUT = "The disk on host db1 is full";
    private static final String CLOSE = "disk full on db1";
    private static final String FAR = "the weather is sunny today";

    /** The cosine the fake's embeddings give, computed here from the same vectors. */
    private static double similarity(String a, String b) {
        return SimilarAssertion.cosine(FakeOllama.embeddingFor(a, DIMENSIONS), FakeOllama.embeddingFor(b, DIMENSIONS),
                EMBEDDER);
    }

    private AssertionResult similar(String type, String value, Double threshold) {
        return GRADER.grade(AssertionSpec.of(type, Cases.yaml(value), threshold, null, null, null),
                Cases.output(OUTPUT), context);
    }

    @Test
    void similarPassesAtOrAboveTheThresholdAndFailsBelowIt() {
        double sim = similarity(OUTPUT, CLOSE);
        assertThat(sim).isBetween(0.3, 0.95);

        AssertionResult above = similar("similar", CLOSE, sim - 0.01);
        AssertionResult below = similar("similar", CLOSE, sim + 0.01);

        assertThat(above.pass()).isTrue();
        assertThat(above.score()).isCloseTo(sim, within(1e-6));
        assertThat(above.reason()).isEqualTo("The similarity to \"" + CLOSE + "\" is " + Verdicts.fixed(sim)
                + ", at least the threshold " + Verdicts.number(sim - 0.01) + ".");
        assertThat(below.pass()).isFalse();
        assertThat(below.score()).isCloseTo(sim, within(1e-6));
        assertThat(below.reason()).contains("is " + Verdicts.fixed(sim) + ", below the threshold");

        JsonNode sent = fake.lastRequest("/api/embed").json();
        assertThat(sent.path("model").asText()).isEqualTo(EMBEDDER);
        assertThat(sent.path("input")).extracting(JsonNode::asText).containsExactly(OUTPUT, CLOSE);
    }

    @Test
    void notSimilarPassesAtOrBelowTheThresholdAndScoresOneMinusTheSimilarity() {
        double sim = similarity(OUTPUT, CLOSE);

        AssertionResult dissimilarEnough = similar("not-similar", CLOSE, sim + 0.01);
        AssertionResult tooSimilar = similar("not-similar", CLOSE, sim - 0.01);

        assertThat(dissimilarEnough.pass()).isTrue();
        assertThat(dissimilarEnough.score()).isCloseTo(1 - sim, within(1e-6));
        assertThat(tooSimilar.pass()).isFalse();
        assertThat(tooSimilar.score()).isCloseTo(1 - sim, within(1e-6));
        assertThat(tooSimilar.reason()).contains(Verdicts.fixed(sim)).endsWith("so the output is too similar.");
    }

    @Test
    void theDefaultThresholdIsThreeQuarters() {
        assertThat(similar("similar", "'" + OUTPUT.toLowerCase() + "'", null).pass()).isTrue();
        assertThat(similar("similar", FAR, null).pass()).isFalse();
        assertThat(similar("similar", FAR, null).reason()).endsWith("below the threshold 0.75.");
    }

    @Test
    void aListPassesWhenAnyEntryIsSimilarAndNotSimilarNeedsAllToBeDissimilar() {
        double close = similarity(OUTPUT, CLOSE);
        double far = similarity(OUTPUT, FAR);
        double threshold = (close + far) / 2;
        String both = "['" + FAR + "', '" + CLOSE + "']";

        AssertionResult any = similar("similar", both, threshold);
        AssertionResult none = similar("similar", "['" + FAR + "']", threshold);
        AssertionResult notAll = similar("not-similar", both, threshold);
        AssertionResult notFar = similar("not-similar", "['" + FAR + "', 'sunny weather']", threshold);

        assertThat(any.pass()).isTrue();
        assertThat(any.score()).isCloseTo(close, within(1e-6));
        assertThat(none.pass()).isFalse();
        assertThat(notAll.pass()).isFalse();
        assertThat(notAll.reason()).contains(CLOSE);
        assertThat(notFar.pass()).isTrue();
        assertThat(fake.requests("/api/embed")).hasSize(4);
    }

    @Test
    void aFailingEmbeddingIsAnError() {
        context = new GradingContext(gateway, JUDGE, "missing-embedder:latest", cache);

        AssertionResult result = similar("similar", CLOSE, null);

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("The embedding model missing-embedder:latest failed: ");
    }
}
