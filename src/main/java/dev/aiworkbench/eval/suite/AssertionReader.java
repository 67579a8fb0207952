package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.assertions.ContextTransform;
import dev.aiworkbench.eval.assertions.InvalidAssertionException;
import dev.aiworkbench.eval.assertions.ScriptAssertionValue;
import dev.aiworkbench.eval.scripts.Script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code assert} items, written in YAML or as compact CSV cells, into {@link AssertionSpec}s. */
final class AssertionReader {
    private static final Set<String> KEYS = Set.of("type", "value", "threshold", "weight", "metric",
            "contextTransform", "config", "transform");
    private static final Map<String, String> PROMPTFOO_ONLY = Map.of(
            "provider", "model-graded assertions use the judge of options.provider",
            "rubricPrompt", "the judge's prompt is fixed",
            "assert", "assertion sets are not evaluated");
    private static final Set<String> NEEDS_TEXT_VALUE = Set.of("contains", "icontains", "starts-with", "regex",
            "levenshtein", "llm-rubric", "context-recall");
    /** The assertions that read a context, and so a contextTransform. */
    private static final Set<String> CONTEXT_TYPES = Set.of("context-faithfulness", "context-recall", "context-relevance");
    /** Types whose score is a judge's or an embedding's, from 0 to 1. */
    private static final Set<String> UNIT_THRESHOLD = Set.of("similar", "llm-rubric", "context-faithfulness",
            "context-recall", "context-relevance", "answer-relevance");
    /** Types whose inputs are all in the case (vars, output, prompt): a value is ignored. */
    private static final Set<String> NO_VALUE = Set.of("latency", "cost", "context-faithfulness", "context-relevance",
            "answer-relevance");
    private static final Set<String> LIST_TYPES = Set.of("contains-any", "contains-all", "icontains-any",
            "icontains-all");
    private static final Set<String> SCHEMA_TYPES = Set.of("is-json", "contains-json");
    private static final Set<String> LIMIT_TYPES = Set.of("latency", "cost");
    /** Types whose value is code, and the language of their inline code. */
    private static final Map<String, Script.Language> SCRIPT_TYPES = Map.of("javascript", Script.Language.JAVASCRIPT,
            "python", Script.Language.PYTHON);

    /** Where the parts of one assertion were written; for a CSV cell every part is the cell. */
    private record Where(String path, SourcePosition type, SourcePosition value, SourcePosition threshold,
                         SourcePosition weight, SourcePosition metric) {
        static Where cell(String column, SourcePosition at) {
            return new Where(column, at, at, at, at, at);
        }
    }

    private final Checks checks;
    private final Problems problems;
    private final SuiteFiles files;
    private final Set<String> runnerTypes;
    private final Set<String> promptfooTypes;
    private final ScriptReader scripts;

    AssertionReader(Checks checks, SuiteFiles files, Set<String> runnerTypes, ScriptReader scripts) {
        this.checks = checks;
        this.problems = checks.problems();
        this.files = files;
        this.scripts = scripts;
        this.runnerTypes = Set.copyOf(runnerTypes);
        Set<String> known = new LinkedHashSet<>(AssertionTypes.PROMPTFOO);
        known.addAll(runnerTypes);
        this.promptfooTypes = known;
    }

    /** An {@code assert} list; items that are wrong are reported and left out. */
    List<AssertionSpec> list(Source source, JsonNode node, String path) {
        List<AssertionSpec> specs = new ArrayList<>();
        if (node == null) {
            return specs;
        }
        if (!node.isArray()) {
            checks.wrongType(source, node, path, "a list of assertions");
            return specs;
        }
        for (int i = 0; i < node.size(); i++) {
            AssertionSpec spec = item(source, node.get(i), Checks.item(path, i));
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    private AssertionSpec item(Source source, JsonNode node, String path) {
        if (!node.isObject()) {
            checks.wrongType(source, node, path, "an assertion (a mapping with a type)");
            return null;
        }
        checks.keys(source, node, path, KEYS, PROMPTFOO_ONLY, Map.of());
        JsonNode typeNode = node.get("type");
        if (typeNode == null) {
            checks.error(source, node, path, "missing 'type'");
            return null;
        }
        String type = checks.text(source, typeNode, Checks.at(path, "type"));
        JsonNode value = node.get("value");
        Double threshold = node.has("threshold") ? checks.number(source, node.get("threshold"), Checks.at(path, "threshold")) : null;
        Double weight = node.has("weight") ? checks.number(source, node.get("weight"), Checks.at(path, "weight")) : null;
        String metric = node.has("metric") ? checks.text(source, node.get("metric"), Checks.at(path, "metric")) : null;
        String transform = node.has("contextTransform")
                ? checks.text(source, node.get("contextTransform"), Checks.at(path, "contextTransform")) : null;
        boolean readable = type != null && (!node.has("threshold") || threshold != null)
                && (!node.has("weight") || weight != null) && (!node.has("metric") || metric != null)
                && (!node.has("contextTransform") || transform != null);
        if (!readable) {
            return null;
        }
        Where where = new Where(path, source.at(typeNode), source.at(value == null ? node : value),
                source.at(node.has("threshold") ? node.get("threshold") : node),
                source.at(node.has("weight") ? node.get("weight") : node),
                source.at(node.has("metric") ? node.get("metric") : node));
        JsonNode config = node.get("config");
        if (config != null && !SCRIPT_TYPES.containsKey(baseOf(type.strip()))) {
            problems.warning(source.keyAt(node, "config"), Checks.prefix(Checks.at(path, "config")) + "only javascript "
                    + "and python assertions read a config; " + type.strip() + " ignores it");
            config = null;
        }
        AssertionSpec spec = build(type.strip(), value, threshold, weight, metric, config, where, source.at(node));
        if (spec != null && node.has("transform") && !node.get("transform").isNull()) {
            spec = transform(source, node.get("transform"), Checks.at(path, "transform"), spec);
        }
        if (spec == null || transform == null) {
            return spec;
        }
        return contextTransform(spec, transform, source.at(node.get("contextTransform")), Checks.at(path,
                "contextTransform"));
    }

    /** The spec with its contextTransform, when its type reads a context and the expression is one this runner reads. */
    private AssertionSpec contextTransform(AssertionSpec spec, String transform, SourcePosition at, String path) {
        if (!CONTEXT_TYPES.contains(spec.type())) {
            problems.warning(at, Checks.prefix(path) + "only context-faithfulness, context-recall and context-relevance "
                    + "read a contextTransform; " + spec.writtenType() + " ignores it");
            return spec;
        }
        try {
            ContextTransform.parse(transform);
            return spec.withContextTransform(transform);
        } catch (InvalidAssertionException e) {
            // Not a path: promptfoo evaluates it as JavaScript (or runs the file it names), and so does the sandbox
            Script script = scripts.read(transform, Script.Language.JAVASCRIPT, at, path);
            return script == null ? null : spec.withContextTransform(transform, script);
        }
    }

    /** The assertion's own {@code transform}: JavaScript, or a JavaScript or Python file, run before it alone. */
    private AssertionSpec transform(Source source, JsonNode node, String path, AssertionSpec spec) {
        String code = checks.text(source, node, path);
        Script script = code == null ? null : scripts.read(code, Script.Language.JAVASCRIPT, source.at(node), path);
        return script == null ? null : spec.withTransform(script);
    }

    /** A compact assertion from a CSV {@code __expected} cell. */
    AssertionSpec cell(String text, String column, SourcePosition at, String metric) {
        CompactAssertion compact = CompactAssertion.parse(text, promptfooTypes);
        if (compact.type().equals("python") && text.startsWith(SuiteFiles.FILE_SCHEME)) {
            problems.warning(at, Checks.prefix(column) + "promptfoo 0.118 reads '" + Checks.shorten(text, 60) + "' in a "
                    + "CSV cell as the Python code '" + compact.value() + "', not as the file, so it fails as it does "
                    + "there; name the file in YAML instead (type: python, value: " + text.strip() + ")");
        }
        JsonNode value = null;
        if (compact.values() != null) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            compact.values().forEach(list::add);
            value = list;
        } else if (compact.value() != null) {
            value = JsonNodeFactory.instance.textNode(compact.value());
        }
        return build(compact.type(), value, compact.threshold(), null, metric, null, Where.cell(column, at), at);
    }

    private static String baseOf(String written) {
        return written.startsWith("not-") ? written.substring("not-".length()) : written;
    }

    private AssertionSpec build(String written, JsonNode value, Double threshold, Double weight, String metric,
                                JsonNode config, Where where, SourcePosition origin) {
        boolean negated = written.startsWith("not-") && written.length() > "not-".length();
        String base = negated ? written.substring("not-".length()) : written;
        String typePath = where.path.contains("__") ? where.path : Checks.at(where.path, "type");
        if (!runnerTypes.contains(base)) {
            String supported = Checks.list(runnerTypes.stream().sorted().toList());
            if (promptfooTypes.contains(base)) {
                problems.error(where.type, Checks.prefix(typePath) + "'" + written
                        + "' is a promptfoo assertion this runner does not evaluate; it evaluates " + supported
                        + " (each also as not-<type>)");
            } else {
                String guess = Suggestions.BY_EDITS_AND_SWAPS.closest(runnerTypes, base)
                        .map(g -> "; did you mean '" + (negated ? "not-" : "") + g + "'?")
                        .orElse("; the types are " + supported + " (each also as not-<type>)");
                problems.error(where.type, Checks.prefix(typePath) + "'" + written + "' is not an assertion type"
                        + guess);
            }
            return null;
        }
        boolean ok = true;
        if (weight != null && weight < 0) {
            problems.error(where.weight, Checks.prefix(Checks.at(where.path, "weight")) + "must not be negative "
                    + "(weight 0 records the assertion without gating on it)");
            ok = false;
        }
        if (metric != null && metric.isBlank()) {
            problems.error(where.metric, Checks.prefix(Checks.at(where.path, "metric")) + "is empty; name the metric");
            ok = false;
        }
        if (SCRIPT_TYPES.containsKey(base)) {
            value = scriptValue(base, written, value, config, where);
            ok &= value != INVALID;
        } else if (AssertionTypes.RUNNER.contains(base)) {
            value = checkValue(base, written, value, threshold, metric, where);
            ok &= value != INVALID && thresholdFits(base, written, threshold, metric, where);
        }
        if (!ok) {
            return null;
        }
        return new AssertionSpec(base, negated, value, threshold, weight == null ? 1.0 : weight, metric,
                origin.toString(), null);
    }

    private static final JsonNode INVALID = JsonNodeFactory.instance.missingNode();

    /** A javascript or python assertion's code (inline, or a file read now) with its config; {@link #INVALID} after a problem. */
    private JsonNode scriptValue(String base, String written, JsonNode value, JsonNode config, Where where) {
        String valuePath = valuePath(where);
        if (value == null || value.isNull() || value.isMissingNode()) {
            problems.error(where.value, Checks.prefix(valuePath) + written + " needs a value: an expression such as "
                    + (base.equals("python") ? "\"'P1' in output\"" : "\"output.includes('P1')\"")
                    + ", a function body with return, or a file://path");
            return INVALID;
        }
        if (!value.isTextual()) {
            problems.error(where.value, Checks.prefix(valuePath) + written + " needs code as text, found "
                    + Checks.describe(value));
            return INVALID;
        }
        Script script = scripts.read(value.asText(), SCRIPT_TYPES.get(base), where.value, valuePath);
        return script == null ? INVALID : new ScriptAssertionValue(script, config).toJson();
    }

    /** The value to keep (a schema may be loaded from a file), null for none, or {@link #INVALID}. */
    private JsonNode checkValue(String base, String written, JsonNode value, Double threshold, String metric,
                                Where where) {
        String valuePath = where.path.contains("__") ? where.path : Checks.at(where.path, "value");
        String prefix = Checks.prefix(valuePath);
        boolean absent = value == null || value.isNull() || value.isMissingNode();
        if (NO_VALUE.contains(base)) {
            if (!absent) {
                problems.warning(where.value, prefix + written + " takes no value and this one is ignored; "
                        + (LIMIT_TYPES.contains(base) ? "its limit is the threshold"
                        : "it reads the query and context from the test's vars"));
            }
            return null;
        }
        if (SCHEMA_TYPES.contains(base)) {
            return absent ? null : schema(value, written, where, prefix);
        }
        if (absent) {
            problems.error(where.value, prefix + written + " needs a value" + example(base));
            return INVALID;
        }
        if (NEEDS_TEXT_VALUE.contains(base) || base.equals("similar") && !value.isArray()) {
            if (!Checks.isScalar(value)) {
                problems.error(where.value, prefix + written + " needs text, found " + Checks.describe(value));
                return INVALID;
            }
            if (Checks.scalar(value).isEmpty()) {
                problems.error(where.value, prefix + written + " needs a value, found empty text");
                return INVALID;
            }
            return value;
        }
        if (LIST_TYPES.contains(base) || base.equals("similar")) {
            if (value.isArray()) {
                if (value.isEmpty()) {
                    problems.error(where.value, prefix + written + " needs at least one value, found an empty list");
                    return INVALID;
                }
                for (JsonNode element : value) {
                    if (!Checks.isScalar(element)) {
                        problems.error(where.value, prefix + written + " needs a list of texts, found "
                                + Checks.describe(element) + " in the list");
                        return INVALID;
                    }
                }
                return value;
            }
            if (!Checks.isScalar(value) || Checks.scalar(value).isBlank()) {
                problems.error(where.value, prefix + written + " needs a list of texts (or one text of "
                        + "comma-separated values), found " + Checks.describe(value));
                return INVALID;
            }
            return value;
        }
        if (base.equals("word-count")) {
            return wordCount(value, written, where, prefix);
        }
        return value; // equals: any value; an object or list is compared as JSON
    }

    private JsonNode wordCount(JsonNode value, String written, Where where, String prefix) {
        if (value.isIntegralNumber() && value.asLong() >= 0) {
            return value;
        }
        if (value.isObject() && (value.has("min") || value.has("max"))) {
            for (var names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("min") && !name.equals("max")) {
                    problems.warning(where.value, prefix + written + " reads only min and max; '" + name
                            + "' is ignored");
                }
            }
            for (String bound : List.of("min", "max")) {
                JsonNode b = value.get(bound);
                if (b != null && !(b.isIntegralNumber() && b.asLong() >= 0)) {
                    problems.error(where.value, prefix + written + "'s " + bound + " must be a whole number of words, "
                            + "found " + Checks.describe(b));
                    return INVALID;
                }
            }
            return value;
        }
        problems.error(where.value, prefix + written + " needs a number of words, or {min, max}, found "
                + Checks.describe(value));
        return INVALID;
    }

    /** is-json and contains-json take a JSON Schema: a mapping, a file:// path to one, or YAML/JSON text. */
    private JsonNode schema(JsonNode value, String written, Where where, String prefix) {
        if (value.isObject()) {
            return value;
        }
        if (!value.isTextual()) {
            problems.error(where.value, prefix + written + " takes a JSON Schema (a mapping), found "
                    + Checks.describe(value));
            return INVALID;
        }
        String text = value.asText();
        if (text.isBlank()) {
            return null;
        }
        if (text.contains("{{")) {
            return value; // rendered with the test's vars at run time
        }
        Source parsed;
        try {
            if (text.startsWith(SuiteFiles.FILE_SCHEME)) {
                var file = files.resolve(text, where.value, valuePath(where));
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (!(name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    problems.error(where.value, prefix + "'" + text + "': a schema file is .json, .yaml or .yml");
                    return INVALID;
                }
                String content = files.read(file, text, where.value, valuePath(where));
                parsed = Source.parse(files.display(file), name.endsWith(".json") ? content.replace('\t', ' ')
                        : content, 0);
            } else {
                parsed = Source.parse(where.value.file(), text, 0);
            }
        } catch (ProblemException e) {
            if (text.startsWith(SuiteFiles.FILE_SCHEME)) {
                problems.add(e.problem());
            } else {
                problems.error(where.value, prefix + written + "'s schema is neither JSON nor YAML: "
                        + e.problem().message().replaceFirst("^YAML syntax error: ", ""));
            }
            return INVALID;
        }
        if (!parsed.root().isObject()) {
            problems.error(where.value, prefix + written + " takes a JSON Schema (a mapping), found "
                    + Checks.describe(parsed.root()));
            return INVALID;
        }
        return parsed.root();
    }

    private boolean thresholdFits(String base, String written, Double threshold, String metric, Where where) {
        String prefix = Checks.prefix(where.path.contains("__") ? where.path : Checks.at(where.path, "threshold"));
        if (threshold == null) {
            if (LIMIT_TYPES.contains(base) && metric == null) {
                problems.error(where.type, Checks.prefix(where.path) + written + " needs a threshold ("
                        + (base.equals("latency") ? "the most milliseconds a response may take"
                        : "the most US dollars a response may cost") + "), or a metric to record it under");
                return false;
            }
            return true;
        }
        if (UNIT_THRESHOLD.contains(base) && (threshold < 0 || threshold > 1)) {
            problems.error(where.threshold, prefix + written + "'s threshold is a score from 0 to 1, found "
                    + Checks.scalar(JsonNodeFactory.instance.numberNode(threshold)));
            return false;
        }
        if (threshold < 0) {
            problems.error(where.threshold, prefix + "must not be negative");
            return false;
        }
        return true;
    }

    private static String valuePath(Where where) {
        return where.path.contains("__") ? where.path : Checks.at(where.path, "value");
    }

    private static String example(String base) {
        return switch (base) {
            case "contains", "icontains", "equals", "starts-with" -> ", e.g. value: \"P1\"";
            case "regex" -> ", e.g. value: \"P[1-4]\"";
            case "contains-any", "contains-all", "icontains-any", "icontains-all" -> ", e.g. value: [rollback, runbook]";
            case "levenshtein", "similar" -> ": the text to compare with";
            case "llm-rubric" -> ": the rubric the judge applies";
            case "context-recall" -> ": the ground truth the retrieved context should contain";
            case "word-count" -> ", e.g. value: {min: 5, max: 40}";
            default -> "";
        };
    }
}
