package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiworkbench.eval.scripts.Script;
import dev.aiworkbench.eval.scripts.ScriptFailure;
import dev.aiworkbench.eval.scripts.ScriptRuntime;

import java.util.List;
import java.util.Map;

/**
 * An assertion's own scripts, as promptfoo 0.118 runs them: its {@code transform} before that assertion alone (the
 * output, and a context of {@code vars} and {@code prompt.label}, the rendered prompt), and a {@code contextTransform}
 * that is JavaScript rather than a path (the same arguments; it must give text). Either failing makes the case an
 * error there, so both throw {@link InvalidAssertionException}, which the grader turns into an error result.
 */
final class AssertionTransforms {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AssertionTransforms() {
    }

    /** The output this assertion sees: its transform's result, or the output unchanged when it has none. */
    static CaseOutput output(AssertionSpec spec, CaseOutput output, ScriptRuntime scripts) {
        if (spec.transform() == null) {
            return output;
        }
        JsonNode result = run(spec.transform(), output, scripts, "transform");
        if (result.isMissingNode() || result.isNull()) {
            throw new InvalidAssertionException("The assertion's transform (" + spec.transform().describe()
                    + ") returned no value; return the text or value this assertion should check");
        }
        CaseOutput.Details details = output.details().withValue(result.isTextual() ? null : result, output.text());
        return new CaseOutput(result.isTextual() ? result.asText() : result.toString(), output.prompt(), output.vars(),
                output.latencyMs(), output.costUsd(), details);
    }

    /** What a JavaScript {@code contextTransform} gives: text, or (as a path may) a list of texts. */
    static RetrievedContext context(AssertionSpec spec, CaseOutput output, ScriptRuntime scripts) {
        JsonNode result = run(spec.contextScript(), output, scripts, "contextTransform");
        if (result.isTextual()) {
            return RetrievedContext.of(result.asText());
        }
        if (result.isArray() && allText(result)) {
            return RetrievedContext.chunks(java.util.stream.StreamSupport.stream(result.spliterator(), false)
                    .map(JsonNode::asText).toList());
        }
        throw new InvalidAssertionException("The contextTransform '" + spec.contextTransform() + "' gave "
                + (result.isMissingNode() || result.isNull() ? "nothing" : result.getNodeType().name().toLowerCase(
                java.util.Locale.ROOT)) + ", but the context must be text (or a list of texts)");
    }

    private static JsonNode run(Script script, CaseOutput output, ScriptRuntime scripts, String what) {
        JsonNode value = what.equals("contextTransform") ? TextNode.valueOf(output.modelText())
                : output.details().value() != null ? output.details().value() : TextNode.valueOf(output.text());
        ObjectNode context = NODES.objectNode();
        ObjectNode vars = context.putObject("vars");
        for (Map.Entry<String, String> var : output.vars().entrySet()) {
            vars.put(var.getKey(), var.getValue());
        }
        context.putObject("prompt").put("label", output.prompt());
        try {
            return scripts.call(script, "get_transform", List.of(value, context));
        } catch (ScriptFailure e) {
            throw new InvalidAssertionException("The assertion's " + what + " (" + script.describe() + ") failed: "
                    + e.getMessage());
        }
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
