package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code answer-relevance} (promptfoo's, after RAGAS): does the output answer what was asked? The judge writes the
 * questions the output would answer; the question asked (the {@code query} var, else the prompt) and each of them
 * are embedded, and the score is their mean cosine similarity (a negative mean counts as 0). Threshold 0.7 by
 * default, as in promptfoo. promptfoo asks for one question three times; at temperature 0 with a fixed seed that
 * would give the same question three times, so the judge is asked once for three different ones.
 */
final class AnswerRelevanceAssertion extends RagAssertion<String> {
    static final int QUESTIONS = 3;
    static final String SYSTEM = """
            You work out what was asked from the reply alone. Read the answer below and write three different \
            questions that it would be a fitting reply to, each one sentence, each in the answer's language. If the \
            answer dodges or says nothing, write the questions it would still fit. Reply with a JSON object \
            {"questions": [string, string, string]}.""";
    private static final JsonNode SCHEMA = schema();

    @Override
    public String name() {
        return "answer-relevance";
    }

    @Override
    double defaultThreshold() {
        return 0.7;
    }

    @Override
    String measureName() {
        return "Answer relevance";
    }

    @Override
    boolean needsEmbeddings() {
        return true;
    }

    @Override
    String inputs(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        String query = output.vars().get(RagInputs.QUERY_VAR);
        if (query != null && !query.isBlank()) {
            return query;
        }
        if (output.prompt() == null || output.prompt().isBlank()) {
            throw new InvalidAssertionException("The answer-relevance assertion needs the question: add a var named '"
                    + RagInputs.QUERY_VAR + "' to the test, or give the suite a prompt");
        }
        return output.prompt();
    }

    @Override
    String cacheText(String query) {
        return query;
    }

    @Override
    RagMeasure measure(String query, CaseOutput output, RagJudge judge) throws RagJudge.Failure {
        JsonNode answer = judge.ask(SYSTEM, "<Answer>\n" + output.text() + "\n</Answer>", SCHEMA);
        List<String> questions = new ArrayList<>();
        for (JsonNode item : answer.path("questions")) {
            if (item.isTextual() && !item.asText().isBlank() && questions.size() < QUESTIONS) {
                questions.add(item.asText().strip());
            }
        }
        if (questions.isEmpty()) {
            throw judge.malformed("it wrote no question", answer);
        }
        List<String> texts = new ArrayList<>(questions.size() + 1);
        texts.add(query);
        texts.addAll(questions);
        List<float[]> vectors = judge.embed(texts);
        double sum = 0;
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < questions.size(); i++) {
            double similarity = judge.cosine(vectors.get(0), vectors.get(i + 1));
            sum += similarity;
            each.append(i == 0 ? "" : ", ").append(Verdicts.quote(questions.get(i))).append(' ')
                    .append(Verdicts.fixed(similarity));
        }
        double mean = sum / questions.size();
        return new RagMeasure(Verdicts.clamp01(mean), "the mean similarity of the question asked to the "
                + questions.size() + " question" + (questions.size() == 1 ? "" : "s") + " the output answers is "
                + Verdicts.fixed(mean) + " (" + each + ")");
    }

    private static JsonNode schema() {
        ObjectNode schema = RagJudge.object("questions");
        RagJudge.listOf(schema, "questions", RagJudge.type("string")).put("minItems", QUESTIONS).put("maxItems", QUESTIONS);
        return schema;
    }
}
