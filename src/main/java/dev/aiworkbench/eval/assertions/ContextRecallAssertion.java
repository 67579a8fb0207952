package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code context-recall} (promptfoo's, after RAGAS): does the retrieved context hold what the ground truth (the
 * value) says? The judge splits the ground truth into sentences and marks each as attributable to the context or
 * not. Score = attributed sentences / all sentences. The context falls back to the prompt when the test has no
 * {@code context} var, as in promptfoo; threshold 0 by default. A judge that classifies no sentence is an error.
 */
final class ContextRecallAssertion extends RagAssertion<ContextRecallAssertion.Inputs> {
    static final String SYSTEM = """
            You check whether a source text backs up a reference answer. Split the reference answer into its \
            sentences. For each sentence, decide whether the information it states can be found in the source text \
            (attributed: true) or not (attributed: false); judge by the source alone, not by what you know. Reply \
            with a JSON object {"sentences": [{"sentence": string, "reason": string, "attributed": boolean}, ...]} \
            in the order of the reference answer.""";
    private static final JsonNode SCHEMA = schema();

    record Inputs(String groundTruth, RetrievedContext context) {
    }

    @Override
    public String name() {
        return "context-recall";
    }

    @Override
    double defaultThreshold() {
        return 0;
    }

    @Override
    String measureName() {
        return "Context recall";
    }

    @Override
    public Optional<String> problem(AssertionSpec spec) {
        Optional<String> transform = super.problem(spec);
        return transform.isPresent() ? transform : Verdicts.problemOf(spec, s -> groundTruth(s.value()));
    }

    private static String groundTruth(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new InvalidAssertionException("The context-recall assertion needs the ground truth (what the "
                    + "context should contain) as its value");
        }
        return value.asText();
    }

    @Override
    Inputs inputs(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        return new Inputs(groundTruth(value), RagInputs.context(spec, output, context, Optional.ofNullable(output.prompt())));
    }

    @Override
    String cacheText(Inputs inputs) {
        return inputs.groundTruth() + "\u0000" + inputs.context().text();
    }

    /** Recall is about the context, not the output; the output only keys the cache, as everywhere else. */
    @Override
    RagMeasure measure(Inputs inputs, CaseOutput output, RagJudge judge) throws RagJudge.Failure {
        JsonNode answer = judge.ask(SYSTEM, "<Source>\n" + inputs.context().text() + "\n</Source>\n<Reference answer>\n"
                + inputs.groundTruth() + "\n</Reference answer>", SCHEMA);
        int total = 0;
        List<String> missing = new ArrayList<>();
        for (JsonNode sentence : answer.path("sentences")) {
            JsonNode attributed = sentence.path("attributed");
            if (!attributed.isBoolean()) {
                continue;
            }
            total++;
            if (!attributed.booleanValue()) {
                missing.add(sentence.path("sentence").asText(""));
            }
        }
        if (total == 0) {
            throw judge.malformed("it classified no sentence of the ground truth", answer);
        }
        int attributed = total - missing.size();
        String detail = attributed + " of " + total + " sentence" + (total == 1 ? "" : "s")
                + " of the ground truth " + (total == 1 ? "is" : "are") + " found in the context"
                + (missing.isEmpty() ? "" : "; not found: " + String.join(", ", missing.stream().map(Verdicts::quote)
                .toList()));
        return new RagMeasure((double) attributed / total, detail);
    }

    private static JsonNode schema() {
        ObjectNode sentence = RagJudge.object("sentence", "reason", "attributed");
        RagJudge.property(sentence, "sentence", "string");
        RagJudge.property(sentence, "reason", "string");
        RagJudge.property(sentence, "attributed", "boolean");
        ObjectNode schema = RagJudge.object("sentences");
        RagJudge.listOf(schema, "sentences", sentence);
        return schema;
    }
}
