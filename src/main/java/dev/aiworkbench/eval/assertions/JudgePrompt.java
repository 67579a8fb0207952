package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;

import java.util.List;

/** The request an {@code llm-rubric} judge gets, and how its answer is read. */
final class JudgePrompt {
    /** Fixed seed and temperature 0, so a judge gives the same verdict for the same input. */
    static final ModelOptions OPTIONS = new ModelOptions(0.0, null, null, 42, null, null, List.of());

    /** The shape Ollama is told to answer in (its {@code format} field). */
    static final JsonNode SCHEMA = schema();

    static final String SYSTEM = """
            You grade an output against a rubric written by a person. The output passes when the rubric's \
            statement is true of it. Answer with a JSON object {"reason": string, "score": number, "pass": boolean}: \
            first the reason, in one or two sentences; then a score from 0 (the rubric is not met at all) to 1 \
            (fully met); then pass, true only when the rubric is met.

            Examples:

            <Output>Hello world</Output>
            <Rubric>Contains a greeting</Rubric>
            {"reason": "It opens with 'Hello', a greeting.", "score": 1.0, "pass": true}

            <Output>Avast ye swabs, repel the invaders!</Output>
            <Rubric>Does not speak like a pirate</Rubric>
            {"reason": "'Avast ye' is pirate speech.", "score": 0.0, "pass": false}""";

    private JudgePrompt() {
    }

    private static JsonNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("reason").put("type", "string");
        properties.putObject("score").put("type", "number").put("minimum", 0).put("maximum", 1);
        properties.putObject("pass").put("type", "boolean");
        schema.putArray("required").add("reason").add("score").add("pass");
        return schema;
    }

    static GenerationRequest request(String judgeModel, String rubric, String output) {
        String user = "<Output>\n" + output + "\n</Output>\n<Rubric>\n" + rubric + "\n</Rubric>";
        return GenerationRequest.chat(judgeModel, SYSTEM, user, OPTIONS, new OutputFormat.JsonSchema(SCHEMA));
    }

    /**
     * The verdict in a judge's answer: a JSON object with {@code pass} (boolean), {@code score} (0 to 1)
     * and {@code reason} (text). As in promptfoo, a missing pass counts as true and a missing score as
     * 1 for a pass, 0 otherwise; anything else malformed is refused with the reason.
     */
    static JudgeVerdict parse(String answer) {
        JsonNode node;
        try {
            node = JsValues.parseJson(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON (" + JsValues.parseError(e) + ")");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("it is JSON but not an object");
        }
        JsonNode pass = node.get("pass");
        JsonNode score = node.get("score");
        if (pass == null && score == null) {
            throw new IllegalArgumentException("it has neither pass nor score");
        }
        if (pass != null && !pass.isBoolean()) {
            throw new IllegalArgumentException("its pass is " + pass + ", not true or false");
        }
        if (score != null && !(score.isNumber() && score.doubleValue() >= 0 && score.doubleValue() <= 1)) {
            throw new IllegalArgumentException("its score is " + score + ", not a number from 0 to 1");
        }
        boolean passed = pass == null || pass.booleanValue();
        double value = score == null ? (passed ? 1 : 0) : score.doubleValue();
        JsonNode reason = node.get("reason");
        return new JudgeVerdict(passed, value, reason == null || reason.isNull() ? "" : reason.isTextual()
                ? reason.asText() : reason.toString());
    }
}
