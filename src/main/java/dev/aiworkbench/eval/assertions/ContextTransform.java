package dev.aiworkbench.eval.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * promptfoo's {@code contextTransform}, for the expressions RAG suites write to take the retrieved context
 * out of a structured answer: a root ({@code output}, {@code JSON.parse(output)} or {@code context.vars}),
 * then property and index steps ({@code .sources}, {@code ?.sources}, {@code ['sources']}, {@code [0]}), and
 * an optional {@code .join("…")}. promptfoo evaluates any JavaScript there; an expression that is not such a
 * path runs in the JavaScript sandbox instead ({@link AssertionSpec#contextScript()}), as promptfoo runs it.
 *
 * <p>{@code output} is the model's text, read as JSON when it is JSON (an Ollama answer is always text, so
 * {@code output.context} would otherwise never find anything); {@code JSON.parse(output)} insists on JSON.
 * The result must be text (the context) or a list of texts (its chunks).
 */
public record ContextTransform(String source, Root root, List<Step> steps, String joiner) {
    private static final String FORMS = "it reads a path: output, JSON.parse(output) or context.vars, then .name, "
            + "?.name, ['name'] or [0] steps, and an optional .join(\", \") at the end (JavaScript beyond that is "
            + "not evaluated)";

    public ContextTransform {
        steps = List.copyOf(steps);
    }

    /** Where a path starts. */
    public enum Root {
        OUTPUT("output"), PARSED_OUTPUT("JSON.parse(output)"), VARS("context.vars");

        private final String written;

        Root(String written) {
            this.written = written;
        }
    }

    /** One step of the path: a property name, or an index when {@code name} is null. */
    public record Step(String name, int index) {
    }

    /**
     * Reads an expression as written in a suite.
     *
     * @throws InvalidAssertionException an expression this runner cannot evaluate; the message names the forms it reads
     */
    public static ContextTransform parse(String expression) {
        String text = expression == null ? "" : expression.strip();
        if (text.isEmpty()) {
            throw new InvalidAssertionException("contextTransform is empty; " + FORMS);
        }
        return new Parser(text).read();
    }

    /**
     * The context this expression takes from an output.
     *
     * @throws InvalidAssertionException the output has nothing there, or something that is not text or a list of texts
     */
    RetrievedContext apply(String output, Map<String, String> vars) {
        JsonNode node = start(output, vars);
        for (Step step : steps) {
            node = step.name() != null ? node.path(step.name()) : node.path(step.index());
            if (node.isMissingNode() || node.isNull()) {
                throw new InvalidAssertionException("The contextTransform '" + source + "' found nothing at "
                        + describe(step) + " in " + (root == Root.VARS ? "the test's vars" : "the output")
                        + "; check the path against what the model answers");
            }
        }
        if (joiner != null) {
            node = TextNode.valueOf(String.join(joiner, texts(node, "join")));
        }
        if (node.isTextual()) {
            return RetrievedContext.of(node.asText());
        }
        if (node.isArray()) {
            return RetrievedContext.chunks(texts(node, "give"));
        }
        throw new InvalidAssertionException("The contextTransform '" + source + "' gave " + kind(node)
                + ", but the context must be text or a list of texts");
    }

    private JsonNode start(String output, Map<String, String> vars) {
        return switch (root) {
            case OUTPUT -> {
                try {
                    JsonNode parsed = JsValues.parseJson(output);
                    yield parsed.isContainerNode() ? parsed : TextNode.valueOf(output);
                } catch (JsonProcessingException e) {
                    yield TextNode.valueOf(output);
                }
            }
            case PARSED_OUTPUT -> {
                try {
                    yield JsValues.parseJson(output);
                } catch (JsonProcessingException e) {
                    throw new InvalidAssertionException("The contextTransform '" + source + "' parses the output as JSON, "
                            + "but it is not JSON (" + JsValues.parseError(e) + "); ask the model for JSON, e.g. with "
                            + "the prompt's JSON format");
                }
            }
            case VARS -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                vars.forEach(node::put);
                yield node;
            }
        };
    }

    private List<String> texts(JsonNode list, String verb) {
        if (!list.isArray()) {
            throw new InvalidAssertionException("The contextTransform '" + source + "' would " + verb + " a list, but found "
                    + kind(list));
        }
        List<String> texts = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            if (!item.isValueNode() || item.isNull()) {
                throw new InvalidAssertionException("The contextTransform '" + source + "' found " + kind(item)
                        + " in the list, where it needs texts");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private static String describe(Step step) {
        return step.name() != null ? "'" + step.name() + "'" : "index " + step.index();
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isTextual() ? "text" : "nothing";
    }

    /** A recursive-descent reader of the path grammar above. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        ContextTransform read() {
            Root root = root();
            List<Step> steps = new ArrayList<>();
            String joiner = null;
            while (at < text.length()) {
                if (text.startsWith(".join(", at) || text.startsWith("?.join(", at)) {
                    at = text.indexOf('(', at) + 1;
                    joiner = string();
                    expect(')');
                    if (at != text.length()) {
                        throw refused("nothing may follow .join(…)");
                    }
                    break;
                }
                steps.add(step());
            }
            return new ContextTransform(text, root, steps, joiner);
        }

        private Root root() {
            for (Root root : Root.values()) {
                if (text.startsWith(root.written, at)) {
                    int end = at + root.written.length();
                    if (end == text.length() || text.charAt(end) == '.' || text.charAt(end) == '[' || text.charAt(end) == '?') {
                        at = end;
                        return root;
                    }
                }
            }
            throw refused("it must start with output, JSON.parse(output) or context.vars");
        }

        private Step step() {
            if (text.startsWith("?.", at)) {
                at += 2;
                return text.startsWith("[", at) ? bracket() : property();
            }
            char c = text.charAt(at);
            if (c == '.') {
                at++;
                return property();
            }
            if (c == '[') {
                return bracket();
            }
            throw refused("'" + text.substring(at) + "' is not a path step");
        }

        private Step property() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                    || text.charAt(at) == '$')) {
                at++;
            }
            if (at == start || Character.isDigit(text.charAt(start))) {
                throw refused("a property name must follow the dot");
            }
            if (at < text.length() && text.charAt(at) == '(') {
                throw refused("'" + text.substring(start, at) + "(…)' is a function call");
            }
            return new Step(text.substring(start, at), -1);
        }

        private Step bracket() {
            expect('[');
            Step step;
            if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')) {
                step = new Step(string(), -1);
            } else {
                int start = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == start || at - start > 9) {
                    throw refused("an index in brackets is a whole number or a quoted name");
                }
                step = new Step(null, Integer.parseInt(text.substring(start, at)));
            }
            expect(']');
            return step;
        }

        /** A JavaScript string literal in single or double quotes, with the common escapes. */
        private String string() {
            if (at >= text.length() || (text.charAt(at) != '\'' && text.charAt(at) != '"')) {
                throw refused("a quoted string is expected");
            }
            char quote = text.charAt(at++);
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char e = text.charAt(at++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            if (at >= text.length()) {
                throw refused("a quoted string is not closed");
            }
            at++;
            return out.toString();
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw refused("'" + c + "' is expected at column " + (at + 1));
            }
            at++;
        }

        private InvalidAssertionException refused(String why) {
            return new InvalidAssertionException("The contextTransform '" + text + "' cannot be evaluated: " + why + "; "
                    + FORMS);
        }
    }
}
