package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbench.eval.scripts.Script;

import java.util.Locale;

/**
 * A javascript or python assertion's value once the suite is loaded: inline code (its {@code {{var}}} slots filled
 * per case, as promptfoo renders it), or a file's code read by the loader with the function it names, and the
 * assertion's {@code config}. Kept in {@link AssertionSpec#value()} as an object, which the grader leaves unrendered.
 *
 * @param script the code; for inline code, before its slots are filled
 * @param config the assertion's {@code config}, handed to the code as {@code context.config}; null when absent
 */
public record ScriptAssertionValue(Script script, JsonNode config) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public JsonNode toJson() {
        ObjectNode node = NODES.objectNode();
        node.put("language", script.language().name().toLowerCase(Locale.ROOT));
        node.put("code", script.code());
        if (script.isFile()) {
            node.put("file", script.file());
            node.put("folder", script.folder());
            node.put("function", script.function());
        }
        if (config != null) {
            node.set("config", config);
        }
        return node;
    }

    /**
     * What a run measures of it, for fingerprints: the language, code, file and function and the config, but not
     * the folder it was read from, so runs of one suite checked out in two places compare.
     */
    public JsonNode measured() {
        ObjectNode node = (ObjectNode) toJson();
        node.remove("folder");
        return node;
    }

    /** The same for a transform's script. */
    public static JsonNode measured(Script script) {
        return new ScriptAssertionValue(script, null).measured();
    }

    /** Whether a value is one {@link #toJson()} made. */
    public static boolean isScript(JsonNode node) {
        return node != null && node.isObject() && node.path("code").isTextual() && node.path("language").isTextual();
    }

    /** @throws InvalidAssertionException a value the loader did not make */
    public static ScriptAssertionValue of(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("code").isTextual()) {
            throw new InvalidAssertionException("the script of this assertion was not loaded; load the suite again");
        }
        Script.Language language = Script.Language.valueOf(node.path("language").asText("javascript")
                .toUpperCase(Locale.ROOT));
        String code = node.get("code").asText();
        Script script = node.hasNonNull("file")
                ? Script.file(language, code, node.get("file").asText(), text(node, "folder"), text(node, "function"))
                : Script.inline(language, code);
        return new ScriptAssertionValue(script, node.get("config"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
