package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.llm.Embeddings;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.OutputFormat;

import java.util.List;

/**
 * The calls RAG assertions make: a judge asked for a JSON object of a given shape (held to it by Ollama's
 * format schema, at temperature 0 with the seed {@code llm-rubric} uses), and embeddings. Every failure is a
 * {@link Failure} whose message says what went wrong, so the assertion becomes an error, never a pass.
 */
final class RagJudge {
    private final GradingContext context;

    RagJudge(GradingContext context) {
        this.context = context;
    }

    /** The judge, the embedder or the answer failed; the message is a sentence for the case's reason. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** The judge's answer as a JSON object. */
    JsonNode ask(String system, String user, JsonNode schema) throws Failure {
        String judge = context.judgeModel();
        GenerationResult answer;
        try {
            answer = context.gateway().generate(GenerationRequest.chat(judge, system, user, JudgePrompt.OPTIONS,
                    new OutputFormat.JsonSchema(schema)));
        } catch (ModelServerException e) {
            throw new Failure("The judge model " + judge + " failed: " + e.getMessage());
        }
        try {
            JsonNode node = JsValues.parseJson(answer.text());
            if (node.isObject()) {
                return node;
            }
            throw new Failure(unreadable(judge, "it is JSON but not an object", answer.text()));
        } catch (JsonProcessingException e) {
            throw new Failure(unreadable(judge, "it is not JSON (" + JsValues.parseError(e) + ")", answer.text()));
        }
    }

    /** A judge answer of the wrong shape, worded like every other unreadable verdict. */
    Failure malformed(String why, JsonNode answer) {
        return new Failure(unreadable(context.judgeModel(), why, answer.toString()));
    }

    private static String unreadable(String judge, String why, String answer) {
        return "The judge model " + judge + " did not answer as asked: " + why + ". It answered " + Verdicts.quote(answer)
                + ".";
    }

    /** One embedding call for all the texts, in order. */
    List<float[]> embed(List<String> texts) throws Failure {
        String model = context.embeddingModel();
        Embeddings embeddings;
        try {
            embeddings = context.gateway().embed(model, texts);
        } catch (ModelServerException e) {
            throw new Failure("The embedding model " + model + " failed: " + e.getMessage());
        }
        if (embeddings.vectors().size() != texts.size()) {
            throw new Failure("The embedding model " + model + " returned " + embeddings.vectors().size()
                    + " vectors for " + texts.size() + " texts.");
        }
        return embeddings.vectors();
    }

    /** The cosine of two vectors from the embedding model; a failure when it cannot be computed. */
    double cosine(float[] a, float[] b) throws Failure {
        try {
            return SimilarAssertion.cosine(a, b, context.embeddingModel());
        } catch (IllegalStateException e) {
            throw new Failure(e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // schema building

    static ObjectNode object(String... required) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties");
        ArrayNode names = schema.putArray("required");
        for (String name : required) {
            names.add(name);
        }
        return schema;
    }

    static ObjectNode property(ObjectNode object, String name, String type) {
        return ((ObjectNode) object.get("properties")).putObject(name).put("type", type);
    }

    static ObjectNode listOf(ObjectNode object, String name, JsonNode items) {
        ObjectNode list = property(object, name, "array");
        list.set("items", items);
        return list;
    }

    static ObjectNode type(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }
}
