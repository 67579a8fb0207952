package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiworkbench.eval.scripts.Script;
import dev.aiworkbench.eval.scripts.ScriptFailure;

import java.util.List;
import java.util.Map;

/**
 * promptfoo's {@code javascript} and {@code python} assertions: the code gets the output and a context
 * ({@code prompt}, {@code vars}, {@code test}, {@code provider}, {@code providerResponse}, {@code config}) and
 * returns a verdict, which {@link ScriptVerdicts} reads by promptfoo 0.118's rules for its language. The language
 * is the file's when a file is named ({@code javascript} with a {@code .py} file runs Python, as in promptfoo).
 */
final class ScriptAssertion implements AssertionType {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;

    private ScriptAssertion(String name) {
        this.name = name;
    }

    static List<AssertionType> all() {
        return List.of(new ScriptAssertion("javascript"), new ScriptAssertion("python"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AssertionResult grade(AssertionSpec spec, JsonNode value, CaseOutput output, GradingContext context) {
        ScriptAssertionValue written = ScriptAssertionValue.of(value);
        Script script = written.script();
        if (!script.isFile()) {
            script = new Script(script.language(), Templates.render(script.code(), output.vars()), null, null, null,
                    script.parameters());
        }
        boolean python = script.language() == Script.Language.PYTHON;
        JsonNode outputValue = output.details().value() != null ? output.details().value()
                : TextNode.valueOf(output.text());
        try {
            JsonNode result = context.scripts().call(script, "get_assert", List.of(outputValue,
                    context(output, written.config())));
            return python ? ScriptVerdicts.python(spec, result) : ScriptVerdicts.javascript(spec, result);
        } catch (ScriptFailure e) {
            if (e.kind() == ScriptFailure.Kind.UNAVAILABLE) {
                return AssertionResult.error(spec, e.getMessage());
            }
            String subject = python ? "The Python code" : "The JavaScript check";
            return AssertionResult.fail(spec, 0, subject + " (" + script.describe() + ") failed: "
                    + e.getMessage());
        }
    }

    /** promptfoo's assertion context, as far as this runner knows it (no logProbs: Ollama's answers carry none). */
    static ObjectNode context(CaseOutput output, JsonNode config) {
        ObjectNode context = NODES.objectNode();
        context.put("prompt", output.prompt());
        ObjectNode vars = context.putObject("vars");
        for (Map.Entry<String, String> var : output.vars().entrySet()) {
            vars.put(var.getKey(), var.getValue());
        }
        context.set("test", output.details().test() != null ? output.details().test() : NODES.objectNode()
                .set("vars", vars.deepCopy()));
        if (output.details().provider() != null) {
            context.putObject("provider").put("id", output.details().provider());
        }
        ObjectNode response = context.putObject("providerResponse");
        response.set("output", output.details().value() != null ? output.details().value()
                : TextNode.valueOf(output.text()));
        if (config != null) {
            context.set("config", config.deepCopy());
        }
        return context;
    }
}
