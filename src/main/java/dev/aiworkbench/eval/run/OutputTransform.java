package dev.aiworkbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiworkbench.eval.scripts.ScriptFailure;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.eval.suite.PromptSource;
import dev.aiworkbench.eval.suite.TestCase;

import java.util.List;
import java.util.Map;

/**
 * A test's {@code options.transform} (or {@code postprocess}), as promptfoo 0.118 applies it: after the model
 * answers and before any assertion, with the output and a context of {@code vars} and {@code prompt} ({@code raw},
 * {@code label}). A transform that throws, or returns nothing, makes the case an error, as in promptfoo. A value
 * that is not text goes to javascript and python assertions as it is, and to the others (and the stored output) as
 * its JSON.
 */
final class OutputTransform {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ScriptRuntime scripts;
    private final ObjectNode prompt;

    OutputTransform(ScriptRuntime scripts, PromptSource prompt) {
        this.scripts = scripts;
        this.prompt = NODES.objectNode().put("raw", prompt.template()).put("label", prompt.label());
    }

    /**
     * @param text  the output as text
     * @param value the output when it is not text; null when it is
     */
    record Transformed(String text, JsonNode value) {
    }

    Transformed apply(TestCase test, String output) throws ScriptFailure {
        if (test.transform() == null) {
            return new Transformed(output, null);
        }
        ObjectNode context = NODES.objectNode();
        context.set("vars", vars(test.vars()));
        context.set("prompt", prompt.deepCopy());
        JsonNode result;
        try {
            result = scripts.call(test.transform(), "get_transform", List.of(TextNode.valueOf(output), context));
        } catch (ScriptFailure e) {
            throw new ScriptFailure(e.kind(), "The test's transform (" + test.transform().describe() + ") failed: "
                    + e.getMessage());
        }
        if (result.isMissingNode() || result.isNull()) {
            throw new ScriptFailure(ScriptFailure.Kind.THREW, "The test's transform (" + test.transform().describe()
                    + ") returned no value; return the text or value the assertions should check.");
        }
        return result.isTextual() ? new Transformed(result.asText(), null) : new Transformed(result.toString(), result);
    }

    /** promptfoo's {@code context.test} as far as a script may use it: vars, description, metadata, threshold. */
    static JsonNode testForScripts(TestCase test) {
        ObjectNode node = NODES.objectNode();
        node.set("vars", vars(test.vars()));
        if (test.description() != null) {
            node.put("description", test.description());
        }
        if (!test.metadata().isEmpty()) {
            node.set("metadata", vars(test.metadata()));
        }
        if (test.threshold() != null) {
            node.put("threshold", test.threshold());
        }
        return node;
    }

    private static ObjectNode vars(Map<String, String> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach(node::put);
        return node;
    }
}
