package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.eval.scripts.Script;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * promptfoo's RAG assertions through the real Ollama adapter against the fake Ollama server: the judge's answers
 * are scripted per prompt, and each score is checked against the value worked out by hand from them.
 */
class RagAssertionsTest {
    private static final String JUDGE = "judge:latest";
    private static final String EMBEDDER = "all-minilm:latest";
    private static final int DIMENSIONS = 384;
    private static final Grader GRADER = Grader.standard();
    private static final String QUERY = "What is the capital of France?";
    private static final String CONTEXT = "Paris is the capital of France. France has great wine. The Eiffel Tower "
            + "is in Paris.";

    private FakeOllama fake;
    private OllamaGateway gateway;
    private InMemoryVerdictCache cache;
    private GradingContext context;
    /** The judge's answer for each of the RAG system prompts. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        fake = FakeOllama.start();
        fake.model(JUDGE).answerWith(request -> {
            String system = request.json().path("messages").path(0).path("content").asText();
            String answer = answers.get(system);
            return List.of(answer == null ? "{}" : answer);
        });
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

    private AssertionResult grade(String type, String value, Double threshold, String output, Map<String, String> vars) {
        return grade(AssertionSpec.of(type, Cases.yaml(value), threshold, null, null, null), output, vars);
    }

    private AssertionResult grade(AssertionSpec spec, String output, Map<String, String> vars) {
        return GRADER.grade(spec, new CaseOutput(output, "Answer the question: " + QUERY, vars, OptionalLong.empty(),
                OptionalDouble.empty()), context);
    }

    private static Map<String, String> vars(String... pairs) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return vars;
    }

    private List<FakeOllamaRequest> chats() {
        return fake.requests("/api/chat");
    }

    private static String userMessage(FakeOllamaRequest request) {
        return request.json().path("messages").path(1).path("content").asText();
    }

    // ---------------------------------------------------------------------------------------------------------
    // context-faithfulness: supported statements / all statements

    private void statements(String... statements) {
        StringBuilder json = new StringBuilder("{\"statements\": [");
        for (int i = 0; i < statements.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(statements[i]).append('"');
        }
        answers.put(ContextFaithfulnessAssertion.STATEMENTS_SYSTEM, json.append("]}").toString());
    }

    private void verdicts(boolean... supported) {
        StringBuilder json = new StringBuilder("{\"verdicts\": [");
        for (int i = 0; i < supported.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"statement\": \"s").append(i + 1)
                    .append("\", \"reason\": \"r\", \"supported\": ").append(supported[i]).append('}');
        }
        answers.put(ContextFaithfulnessAssertion.VERDICTS_SYSTEM, json.append("]}").toString());
    }

    @Test
    void faithfulnessIsTheShareOfStatementsTheContextSupports() {
        statements("Paris is the capital of France.", "Paris has 2.2 million residents.");
        verdicts(true, false);
        String output = "Paris, with 2.2 million residents, is France's capital.";

        AssertionResult reaches = grade("context-faithfulness", null, 0.5, output, vars("query", QUERY, "context", CONTEXT));
        AssertionResult below = grade("context-faithfulness", null, 0.6, output, vars("query", QUERY, "context", CONTEXT));

        assertThat(reaches.pass()).isTrue();
        assertThat(reaches.error()).isFalse();
        assertThat(reaches.score()).isEqualTo(0.5);
        assertThat(below.pass()).isFalse();
        assertThat(below.score()).isEqualTo(0.5);
        assertThat(below.reason()).isEqualTo("Faithfulness 0.500 is below the threshold 0.6: 1 of 2 statements are "
                + "supported by the context; not supported: \"Paris has 2.2 million residents.\".");

        List<FakeOllamaRequest> requests = chats();
        assertThat(requests).hasSize(2); // the second grade came from the cache
        JsonNode first = requests.get(0).json();
        assertThat(first.path("model").asText()).isEqualTo(JUDGE);
        assertThat(first.path("options").path("temperature").asDouble(-1)).isZero();
        assertThat(first.path("options").path("seed").asInt()).isEqualTo(42);
        assertThat(first.path("format").path("required")).extracting(JsonNode::asText).containsExactly("statements");
        assertThat(userMessage(requests.get(0))).isEqualTo("<Question>\n" + QUERY + "\n</Question>\n<Answer>\n" + output
                + "\n</Answer>");
        assertThat(requests.get(1).json().path("format").path("properties").path("verdicts").path("items")
                .path("required")).extracting(JsonNode::asText).containsExactly("statement", "reason", "supported");
        assertThat(userMessage(requests.get(1))).isEqualTo("<Source>\n" + CONTEXT + "\n</Source>\n<Claims>\n"
                + "1. Paris is the capital of France.\n2. Paris has 2.2 million residents.\n</Claims>");
    }

    @Test
    void aVerdictIsCachedForItsJudgeQueryContextAndOutputOnly() {
        statements("a.", "b.");
        verdicts(true, false);

        grade("context-faithfulness", null, 0.5, "out", vars("query", QUERY, "context", CONTEXT));
        grade("context-faithfulness", null, 0.9, "out", vars("query", QUERY, "context", CONTEXT));
        grade("context-faithfulness", null, 0.5, "out", vars("query", QUERY, "context", "Other context."));
        grade("context-faithfulness", null, 0.5, "out", vars("query", "Other question?", "context", CONTEXT));
        grade("context-faithfulness", null, 0.5, "other output", vars("query", QUERY, "context", CONTEXT));

        assertThat(chats()).hasSize(8); // two calls for each of the four different inputs
        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.get(new VerdictKey(JUDGE, "context-faithfulness\n" + QUERY + "\u0000" + CONTEXT, "out")))
                .hasValueSatisfying(v -> assertThat(v.score()).isEqualTo(0.5));
    }

    @Test
    void statementsTheJudgeGaveNoVerdictForCountAsUnsupported() {
        statements("a.", "b.", "c.", "d.");
        verdicts(true, true);

        AssertionResult result = grade("context-faithfulness", null, null, "out", vars("query", QUERY, "context", CONTEXT));

        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.pass()).isTrue(); // promptfoo's default threshold is 0
        assertThat(result.reason()).contains("2 of 4 statements are supported")
                .contains("the judge gave 2 verdicts for 4 statements; the rest count as unsupported");
    }

    @Test
    void notContextFaithfulnessPassesBelowTheThresholdAndScoresTheComplement() {
        statements("a.", "b.", "c.", "d.");
        verdicts(true, false, false, false);

        AssertionResult negated = grade("not-context-faithfulness", null, 0.5, "out", vars("query", QUERY, "context", CONTEXT));
        AssertionResult plain = grade("context-faithfulness", null, 0.5, "out", vars("query", QUERY, "context", CONTEXT));

        assertThat(plain.pass()).isFalse();
        assertThat(plain.score()).isEqualTo(0.25);
        assertThat(negated.pass()).isTrue();
        assertThat(negated.score()).isEqualTo(0.75);
        assertThat(negated.reason()).startsWith("Faithfulness 0.250 is below the threshold 0.5, as not-context-faithfulness "
                + "requires:");
    }

    @Test
    void anOutputWithoutStatementsOrAVerdictOfTheWrongShapeIsAnErrorEvenWhenNegated() {
        statements();
        AssertionResult empty = grade("not-context-faithfulness", null, 0.5, "Hi!", vars("query", QUERY, "context", CONTEXT));

        statements("a.");
        answers.put(ContextFaithfulnessAssertion.VERDICTS_SYSTEM, "{\"verdicts\": [{\"supported\": \"yes\"}]}");
        AssertionResult wrong = grade("context-faithfulness", null, 0.5, "a", vars("query", QUERY, "context", CONTEXT));

        assertThat(empty.error()).isTrue();
        assertThat(empty.pass()).isFalse();
        assertThat(empty.reason()).startsWith("The judge model judge:latest did not answer as asked: it found no "
                + "statement in the output to check.");
        assertThat(wrong.error()).isTrue();
        assertThat(wrong.reason()).contains("verdict 1 has no supported: true or false");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aMissingQueryOrContextIsAnErrorThatNamesTheVar() {
        AssertionResult noQuery = grade("context-faithfulness", null, 0.5, "out", vars("context", CONTEXT));
        AssertionResult noContext = grade("context-relevance", null, 0.5, "out", vars("query", QUERY));

        assertThat(noQuery.error()).isTrue();
        assertThat(noQuery.reason()).isEqualTo("The context-faithfulness assertion needs the user's question in a var "
                + "named 'query'; add query: to the test's vars.");
        assertThat(noContext.error()).isTrue();
        assertThat(noContext.reason()).startsWith("The context-relevance assertion needs the retrieved context in a var "
                + "named 'context'; add context: to the test's vars");
        assertThat(chats()).isEmpty();
    }

    @Test
    void aFailingJudgeIsAnErrorAndIsNotCached() {
        statements("a.");
        verdicts(true);
        fake.status(500, FakeOllama.MODEL_ERROR);

        AssertionResult failed = grade("not-context-faithfulness", null, 0.5, "a", vars("query", QUERY, "context", CONTEXT));
        AssertionResult retried = grade("context-faithfulness", null, 0.5, "a", vars("query", QUERY, "context", CONTEXT));

        assertThat(failed.error()).isTrue();
        assertThat(failed.pass()).isFalse();
        assertThat(failed.reason()).startsWith("The judge model judge:latest failed: ");
        assertThat(retried.pass()).isTrue();
        assertThat(retried.score()).isEqualTo(1.0);
    }

    @Test
    void withoutAJudgeModelTheAssertionIsAnError() {
        context = new GradingContext(gateway, null, EMBEDDER, cache);

        AssertionResult result = grade("context-recall", "Paris", null, "out", vars("context", CONTEXT));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("context-recall needs a judge model");
    }

    // ---------------------------------------------------------------------------------------------------------
    // context-recall: attributed sentences of the ground truth / all its sentences

    private void recall(boolean... attributed) {
        StringBuilder json = new StringBuilder("{\"sentences\": [");
        for (int i = 0; i < attributed.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"sentence\": \"g").append(i + 1)
                    .append("\", \"reason\": \"r\", \"attributed\": ").append(attributed[i]).append('}');
        }
        answers.put(ContextRecallAssertion.SYSTEM, json.append("]}").toString());
    }

    @Test
    void recallIsTheShareOfGroundTruthSentencesFoundInTheContext() {
        recall(true, true, false);
        String truth = "Paris is the capital. It is in France. It has 9 million residents.";

        AssertionResult below = grade("context-recall", "'" + truth + "'", 0.7, "out", vars("context", CONTEXT));
        AssertionResult reaches = grade("context-recall", "'" + truth + "'", 0.6, "out", vars("context", CONTEXT));

        assertThat(below.pass()).isFalse();
        assertThat(below.score()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(below.reason()).isEqualTo("Context recall 0.667 is below the threshold 0.7: 2 of 3 sentences of the "
                + "ground truth are found in the context; not found: \"g3\".");
        assertThat(reaches.pass()).isTrue();
        assertThat(chats()).hasSize(1);
        assertThat(userMessage(chats().get(0))).isEqualTo("<Source>\n" + CONTEXT + "\n</Source>\n<Reference answer>\n"
                + truth + "\n</Reference answer>");
    }

    @Test
    void recallFillsTheGroundTruthsVarsAndFallsBackToThePromptForTheContext() {
        recall(true);

        AssertionResult result = grade("context-recall", "'The capital of {{country}} is Paris'", 0.9, "out",
                vars("country", "France"));

        assertThat(result.pass()).isTrue();
        assertThat(userMessage(chats().get(0))).isEqualTo("<Source>\nAnswer the question: " + QUERY
                + "\n</Source>\n<Reference answer>\nThe capital of France is Paris\n</Reference answer>");
    }

    @Test
    void recallWithoutAnyClassificationIsAnError() {
        answers.put(ContextRecallAssertion.SYSTEM, "{\"sentences\": []}");

        AssertionResult result = grade("not-context-recall", "Paris", 0.5, "out", vars("context", CONTEXT));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).contains("it classified no sentence of the ground truth");
    }

    @Test
    void recallNeedsAGroundTruth() {
        AssertionResult result = grade("context-recall", null, 0.5, "out", vars("context", CONTEXT));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).isEqualTo("The context-recall assertion needs the ground truth (what the context "
                + "should contain) as its value.");
        assertThat(GRADER.problem(AssertionSpec.of("context-recall", null))).isPresent();
    }

    // ---------------------------------------------------------------------------------------------------------
    // context-relevance: needed units / all units of the context

    private void relevant(String json) {
        answers.put(ContextRelevanceAssertion.SYSTEM, json);
    }

    @Test
    void relevanceOfProseIsCountedInSentences() {
        relevant("{\"relevant\": [\"Paris is the capital of France.\"], \"insufficient\": false}");

        AssertionResult result = grade("context-relevance", null, 0.3, "out", vars("query", QUERY, "context", CONTEXT));

        assertThat(result.pass()).isTrue();
        assertThat(result.score()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(result.reason()).isEqualTo("Context relevance 0.333 reaches the threshold 0.3: 1 of 3 sentences of "
                + "the context is needed to answer the question.");
        assertThat(userMessage(chats().get(0))).isEqualTo("<Question>\n" + QUERY + "\n</Question>\n<Source>\n" + CONTEXT
                + "\n</Source>");
    }

    @Test
    void relevanceOfChunksIsCountedInChunksAsInPromptfoosExample() {
        String chunks = "[\"RAG systems improve factual accuracy by incorporating external knowledge sources.\", "
                + "\"They reduce hallucinations in large language models through grounded responses.\", "
                + "\"RAG enables up-to-date information retrieval beyond training data cutoffs.\", "
                + "\"The weather forecast shows rain this weekend.\"]";
        relevant("{\"relevant\": [\"RAG systems improve factual accuracy by incorporating external knowledge sources.\", "
                + "\"They reduce hallucinations in large language models through grounded responses.\", "
                + "\"RAG enables up-to-date information retrieval beyond training data cutoffs.\", "
                + "\"RAG enables up-to-date information retrieval beyond training data cutoffs.\"], \"insufficient\": false}");

        AssertionResult result = grade("context-relevance", null, 0.5, "out",
                vars("query", "What are the benefits of RAG systems?", "context", chunks));

        assertThat(result.score()).isEqualTo(0.75); // 3 distinct of 4 chunks
        assertThat(result.reason()).contains("3 of 4 chunks of the context are needed");
        assertThat(userMessage(chats().get(0))).contains("knowledge sources.\n\nThey reduce");
    }

    @Test
    void relevanceOfALinedContextIsCountedInLines() {
        String lined = "Maximum purchase without approval: $500\nPurchases above $500 need a manager\nThe office "
                + "opens at 9";
        relevant("{\"relevant\": [\"1. Maximum purchase without approval: $500\"], \"insufficient\": false}");

        AssertionResult result = grade("context-relevance", null, null, "out",
                vars("query", "What is the max purchase without approval?", "context", lined));

        assertThat(result.score()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(result.reason()).contains("1 of 3 lines");
    }

    @Test
    void insufficientInformationScoresZero() {
        relevant("{\"relevant\": [], \"insufficient\": true}");

        AssertionResult result = grade("context-relevance", null, 0.1, "out", vars("query", QUERY, "context", CONTEXT));

        assertThat(result.pass()).isFalse();
        assertThat(result.score()).isZero();
        assertThat(result.reason()).contains("the judge found nothing in the context's 3 sentences that answers the question");
    }

    @Test
    void anAnswerThatQuotesNothingOfTheContextIsAnError() {
        relevant("{\"relevant\": [\"I cannot help with that.\"], \"insufficient\": false}");

        AssertionResult result = grade("not-context-relevance", null, 0.5, "out", vars("query", QUERY, "context", CONTEXT));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).contains("it copied nothing from the context");
    }

    // ---------------------------------------------------------------------------------------------------------
    // contextTransform

    @Test
    void contextTransformTakesTheContextFromAJsonOutput() {
        relevant("{\"relevant\": [\"Returns are accepted for 30 days from purchase\"], \"insufficient\": false}");
        String output = "{\"answer\": \"Returns accepted within 30 days\", \"sources\": [\"Returns are accepted for 30 "
                + "days from purchase\", \"Shipping is free over $50\"]}";
        AssertionSpec chunks = AssertionSpec.of("context-relevance", null, 0.5, null, null, null)
                .withContextTransform("output.sources");
        AssertionSpec joined = AssertionSpec.of("context-relevance", null, 0.5, null, null, null)
                .withContextTransform("JSON.parse(output)['sources'].join(\". \")");

        AssertionResult fromChunks = grade(chunks, output, vars("query", "What is the return policy?"));
        AssertionResult fromText = grade(joined, output, vars("query", "What is the return policy?"));

        assertThat(fromChunks.score()).isEqualTo(0.5);
        assertThat(fromChunks.reason()).contains("1 of 2 chunks");
        assertThat(fromText.score()).isEqualTo(0.5);
        assertThat(fromText.reason()).contains("1 of 2 sentences");
        assertThat(userMessage(chats().get(1))).contains("Returns are accepted for 30 days from purchase. Shipping is free");
    }

    @Test
    void aContextTransformBeyondAPathRunsAsJavaScriptOnTheAnswerBeforeTheTestsTransform() {
        relevant("{\"relevant\": [\"Returns are accepted for 30 days from purchase\"], \"insufficient\": false}");
        String answer = "{\"docs\": [{\"text\": \"Returns are accepted for 30 days from purchase\"}, "
                + "{\"text\": \"Shipping is free over $50\"}]}";
        String code = "JSON.parse(output).docs.map(function (d) { return d.text; }).join('. ') + context.vars.tail";
        AssertionSpec spec = AssertionSpec.of("context-relevance", null, 0.5, null, null, null)
                .withContextTransform(code, Script.inline(Script.Language.JAVASCRIPT, code));
        CaseOutput transformed = new CaseOutput("the test's transform made this", "prompt",
                vars("query", "What is the return policy?", "tail", "."), OptionalLong.empty(), OptionalDouble.empty(),
                new CaseOutput.Details(null, null, null, answer));

        AssertionResult result = GRADER.grade(spec, transformed, context);

        assertThat(result.error()).as(result.reason()).isFalse();
        assertThat(result.reason()).contains("1 of 2 sentences");
        assertThat(userMessage(chats().get(0))).contains("Returns are accepted for 30 days from purchase. Shipping is "
                + "free over $50.");
        assertThat(GRADER.problem(spec)).isEmpty();
    }

    @Test
    void aJavaScriptContextTransformThatGivesNoTextOrThrowsMakesTheAssertionAnError() {
        for (String code : new String[] {"42", "output.nope.deeper"}) {
            AssertionSpec spec = AssertionSpec.of("context-faithfulness", null, 0.5, null, null, null)
                    .withContextTransform(code, Script.inline(Script.Language.JAVASCRIPT, code));

            AssertionResult result = grade(spec, "{\"answer\": \"Paris\"}", vars("query", QUERY));

            assertThat(result.error()).isTrue();
            assertThat(result.reason()).startsWith(code.equals("42")
                    ? "The contextTransform '42' gave number, but the context must be text"
                    : "The assertion's contextTransform (inline JavaScript) failed: It threw TypeError");
        }
    }

    @Test
    void aContextTransformThatFindsNothingIsAnErrorThatSaysWhere() {
        AssertionSpec spec = AssertionSpec.of("context-faithfulness", null, 0.5, null, null, null)
                .withContextTransform("output.context");

        AssertionResult result = grade(spec, "{\"answer\": \"Paris\"}", vars("query", QUERY));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("The contextTransform 'output.context' found nothing at 'context' in the output");
    }

    // ---------------------------------------------------------------------------------------------------------
    // answer-relevance: mean cosine of the question asked and the questions the output answers

    private void questions(String... questions) {
        StringBuilder json = new StringBuilder("{\"questions\": [");
        for (int i = 0; i < questions.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(questions[i]).append('"');
        }
        answers.put(AnswerRelevanceAssertion.SYSTEM, json.append("]}").toString());
    }

    private static double cosine(String a, String b) {
        return SimilarAssertion.cosine(FakeOllama.embeddingFor(a, DIMENSIONS), FakeOllama.embeddingFor(b, DIMENSIONS),
                EMBEDDER);
    }

    @Test
    void answerRelevanceIsTheMeanSimilarityOfTheGeneratedQuestionsToTheQuery() {
        String far = "How warm is the sea in August?";
        questions(QUERY, "what is the capital of france", far);
        double expected = (1 + 1 + cosine(QUERY, far)) / 3;
        assertThat(expected).isBetween(0.7, 0.8);

        AssertionResult result = grade("answer-relevance", null, null, "Paris.", vars("query", QUERY));
        AssertionResult stricter = grade("answer-relevance", null, 0.8, "Paris.", vars("query", QUERY));

        assertThat(result.score()).isCloseTo(expected, within(1e-6));
        assertThat(result.pass()).isTrue(); // promptfoo's default threshold 0.7
        assertThat(result.reason()).startsWith("Answer relevance " + Verdicts.fixed(expected) + " reaches the threshold "
                + "0.7: the mean similarity of the question asked to the 3 questions the output answers is ");
        assertThat(stricter.pass()).isFalse();
        assertThat(fake.requests("/api/embed")).hasSize(1);
        JsonNode embedded = fake.lastRequest("/api/embed").json();
        assertThat(embedded.path("model").asText()).isEqualTo(EMBEDDER);
        assertThat(embedded.path("input")).extracting(JsonNode::asText)
                .containsExactly(QUERY, QUERY, "what is the capital of france", far);
        assertThat(userMessage(chats().get(0))).isEqualTo("<Answer>\nParis.\n</Answer>");
        assertThat(chats().get(0).json().path("format").path("properties").path("questions").path("minItems").asInt())
                .isEqualTo(3);
    }

    @Test
    void answerRelevanceTakesThePromptWhenThereIsNoQueryAndHoldsTheThreshold() {
        String prompt = "Answer the question: " + QUERY;
        questions(prompt, prompt, prompt);

        AssertionResult exact = grade("answer-relevance", null, 1.0, "Paris.", vars());

        assertThat(exact.score()).isCloseTo(1.0, within(1e-6));
        assertThat(exact.pass()).isTrue();
        assertThat(fake.lastRequest("/api/embed").json().path("input").get(0).asText()).isEqualTo(prompt);
    }

    @Test
    void answerRelevanceNeedsAnEmbeddingModel() {
        context = new GradingContext(gateway, JUDGE, null, cache);

        AssertionResult result = grade("answer-relevance", null, null, "Paris.", vars("query", QUERY));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("answer-relevance needs an embedding model");
    }

    @Test
    void aFailingEmbeddingIsAnError() {
        questions(QUERY);
        context = new GradingContext(gateway, JUDGE, "missing-embedder:latest", cache);

        AssertionResult result = grade("answer-relevance", null, null, "Paris.", vars("query", QUERY));

        assertThat(result.error()).isTrue();
        assertThat(result.reason()).startsWith("The embedding model missing-embedder:latest failed: ");
    }

    // ---------------------------------------------------------------------------------------------------------
    // registry

    @Test
    void theGraderKnowsTheFourRagTypesAndTheirThresholdsBySpec() {
        assertThat(GRADER.knownTypes()).contains("context-faithfulness", "context-recall", "context-relevance",
                "answer-relevance");
        assertThat(GRADER.problem(AssertionSpec.of("context-faithfulness", null).withContextTransform("output.map(x => x)")))
                .hasValueSatisfying(m -> assertThat(m).contains("cannot be evaluated"));
        assertThat(GRADER.problem(AssertionSpec.of("context-faithfulness", null).withContextTransform("output.context")))
                .isEmpty();
    }
}
