package dev.aiworkbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.eval.scripts.ScriptFailure;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.eval.suite.TestCase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test's {@code options.transformVars}, as promptfoo 0.118 applies it: before the prompt is rendered, with the
 * vars (the default's under the test's) and a context of an empty {@code prompt} and a fresh {@code uuid}. It must
 * return an object, whose keys are laid over the vars; a value that is not text becomes its JSON, as every var
 * written as a list or mapping is here. promptfoo runs it once per test before a var that lists several values
 * expands; this runner runs it once per case after, so it sees one value of such a var rather than the list.
 * promptfoo stops the whole run when it throws; here that case is an error and the others run.
 */
final class VarsTransform {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ScriptRuntime scripts;

    VarsTransform(ScriptRuntime scripts) {
        this.scripts = scripts;
    }

    /** The case with its vars transformed; the case itself when it has no transformVars. */
    TestCase apply(TestCase test) throws ScriptFailure {
        if (test.transformVars() == null) {
            return test;
        }
        ObjectNode vars = NODES.objectNode();
        test.vars().forEach(vars::put);
        ObjectNode context = NODES.objectNode();
        context.putObject("prompt");
        context.put("uuid", UUID.randomUUID().toString());
        String what = "The test's transformVars (" + test.transformVars().describe() + ")";
        JsonNode result;
        try {
            result = scripts.call(test.transformVars(), "get_transform", List.of(vars, context));
        } catch (ScriptFailure e) {
            throw new ScriptFailure(e.kind(), what + " failed: " + e.getMessage());
        }
        if (!result.isObject()) {
            throw new ScriptFailure(ScriptFailure.Kind.THREW, what + " returned "
                    + (result.isMissingNode() || result.isNull() ? "no value" : "a " + result.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT)) + "; return an object of the vars to set, e.g. "
                    + "{ ...vars, name: vars.name.trim() }.");
        }
        Map<String, String> merged = new LinkedHashMap<>(test.vars());
        result.properties().forEach(e -> merged.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().toString()));
        return test.withVars(merged);
    }
}
