package dev.aiworkbench.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.eval.scripts.Script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code tests} (inline, or from YAML, JSON, JSONL and CSV files) and {@code defaultTest}, as written;
 * {@link TestExpansion} merges and expands them.
 */
final class TestReader {
    private static final Set<String> TEST_KEYS = Set.of("description", "vars", "assert", "threshold", "options",
            "metadata", "cluster");
    private static final Set<String> DEFAULT_KEYS = Set.of("vars", "assert", "threshold", "options", "metadata");
    private static final Map<String, String> TEST_PROMPTFOO_ONLY = Map.of(
            "provider", "tests run on the suite's providers",
            "providers", "tests run on the suite's providers",
            "prompts", "tests run with every prompt",
            "providerOutput", "outputs always come from the model",
            "assertScoringFunction", "scores are the weighted mean of the assertions",
            "scenarios", "");
    private static final Map<String, String> DEFAULT_HINTS = Map.of(
            "cluster", "cluster is set on each test",
            "description", "a description belongs to each test");
    private static final Set<String> OPTION_KEYS = Set.of("provider", "disableVarExpansion", "transform",
            "postprocess", "transformVars");
    private static final Map<String, String> OPTION_PROMPTFOO_ONLY = Map.of(
            "prefix", "the prompt is sent as written",
            "suffix", "the prompt is sent as written",
            "rubricPrompt", "the judge's prompt is fixed",
            "runSerially", "",
            "storeOutputAs", "",
            "factuality", "");
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("js", "cjs", "mjs", "ts", "py", "rb");
    private static final Set<String> CSV_UNSUPPORTED = Set.of("__prefix", "__suffix", "__providerOutput");
    private static final List<String> CSV_SPECIAL = List.of("__expected", "__description", "__threshold", "__metric",
            "__cluster", "__metadata:");

    private final Checks checks;
    private final Problems problems;
    private final SuiteFiles files;
    private final AssertionReader assertions;
    private final ProviderReader providers;
    private final ScriptReader scripts;
    private final Map<Path, String> varFiles = new HashMap<>();

    TestReader(Checks checks, SuiteFiles files, AssertionReader assertions, ProviderReader providers,
               ScriptReader scripts) {
        this.checks = checks;
        this.scripts = scripts;
        this.problems = checks.problems();
        this.files = files;
        this.assertions = assertions;
        this.providers = providers;
    }

    // ---- tests ----

    /** Every test the {@code tests} value names, inline or in files. */
    List<RawTest> tests(Source source, JsonNode node, String path) {
        List<RawTest> tests = new ArrayList<>();
        int errorsBefore = problems.errorCount();
        if (node.isTextual()) {
            tests.addAll(file(node.asText(), source.at(node), path));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemPath = Checks.item(path, i);
                if (item.isTextual()) {
                    tests.addAll(file(item.asText(), source.at(item), itemPath));
                } else if (item.isObject()) {
                    add(tests, test(source, item, itemPath, false));
                } else {
                    checks.wrongType(source, item, itemPath, "a test (a mapping) or a tests file");
                }
            }
        } else {
            checks.wrongType(source, node, path, "a list of tests or the path of a tests file");
            return tests;
        }
        if (tests.isEmpty() && problems.errorCount() == errorsBefore) {
            checks.error(source, node, path, "there are no tests; a suite needs at least one");
        }
        return tests;
    }

    private static void add(List<RawTest> tests, RawTest test) {
        if (test != null) {
            tests.add(test);
        }
    }

    /** {@code defaultTest}: a mapping, or a {@code file://} path to a YAML file holding one. */
    RawTest defaults(Source source, JsonNode node, String path) {
        if (node.isTextual()) {
            SourcePosition at = source.at(node);
            try {
                Path file = files.resolve(node.asText(), at, path);
                Source loaded = Source.parse(files.display(file), files.read(file, node.asText(), at, path), 0);
                if (!loaded.root().isObject()) {
                    checks.wrongType(loaded, loaded.root(), "", "a mapping (the default test)");
                    return null;
                }
                return test(loaded, loaded.root(), "", true);
            } catch (ProblemException e) {
                problems.add(e.problem());
                return null;
            }
        }
        if (!node.isObject()) {
            checks.wrongType(source, node, path, "a mapping (the default test) or a file:// path");
            return null;
        }
        return test(source, node, path, true);
    }

    /** One test mapping; null when a part of it is wrong (each part's problem is reported). */
    RawTest test(Source source, JsonNode node, String path, boolean isDefault) {
        checks.keys(source, node, path, isDefault ? DEFAULT_KEYS : TEST_KEYS, TEST_PROMPTFOO_ONLY,
                isDefault ? DEFAULT_HINTS : Map.of());
        int errorsBefore = problems.errorCount();
        String description = null;
        if (!isDefault && node.has("description") && !node.get("description").isNull()) {
            description = checks.text(source, node.get("description"), Checks.at(path, "description"));
        }
        LinkedHashMap<String, RawTest.RawVar> vars = node.has("vars")
                ? vars(source, node.get("vars"), Checks.at(path, "vars")) : new LinkedHashMap<>();
        List<AssertionSpec> asserts = assertions.list(source, node.get("assert"), Checks.at(path, "assert"));
        Double threshold = node.has("threshold") ? threshold(source, node.get("threshold"), Checks.at(path, "threshold"))
                : null;
        String cluster = null;
        if (!isDefault && node.has("cluster") && !node.get("cluster").isNull()) {
            cluster = checks.text(source, node.get("cluster"), Checks.at(path, "cluster"));
        }
        Map<String, String> metadata = node.has("metadata")
                ? metadata(source, node.get("metadata"), Checks.at(path, "metadata")) : Map.of();
        JudgeSpec judge = null;
        Boolean disable = null;
        Script transform = null;
        Script postprocess = null;
        Script transformVars = null;
        if (node.has("options")) {
            JsonNode options = node.get("options");
            String optionsPath = Checks.at(path, "options");
            if (!options.isObject()) {
                checks.wrongType(source, options, optionsPath, "a mapping");
            } else {
                checks.keys(source, options, optionsPath, OPTION_KEYS, OPTION_PROMPTFOO_ONLY, Map.of());
                if (options.has("provider")) {
                    judge = providers.judge(source, options.get("provider"), Checks.at(optionsPath, "provider"));
                }
                if (options.has("disableVarExpansion")) {
                    disable = checks.bool(source, options.get("disableVarExpansion"),
                            Checks.at(optionsPath, "disableVarExpansion"));
                }
                transform = transform(source, options, "transform", optionsPath);
                postprocess = transform(source, options, "postprocess", optionsPath);
                transformVars = transform(source, options, "transformVars", optionsPath);
            }
        }
        if (problems.errorCount() > errorsBefore) {
            return null;
        }
        return new RawTest(description, vars, asserts, threshold, cluster, metadata, judge, disable, transform,
                postprocess, transformVars, source.at(node));
    }

    /**
     * {@code options.transform}, {@code postprocess} or {@code transformVars}: JavaScript, or a JavaScript or Python
     * file. Inline transformVars code sees its argument as {@code vars}, as in promptfoo.
     */
    private Script transform(Source source, JsonNode options, String key, String optionsPath) {
        if (!options.has(key) || options.get(key).isNull()) {
            return null;
        }
        String path = Checks.at(optionsPath, key);
        String code = checks.text(source, options.get(key), path);
        Script script = code == null ? null
                : scripts.read(code, Script.Language.JAVASCRIPT, source.at(options.get(key)), path);
        return script == null || !key.equals("transformVars") || script.isFile() ? script
                : new Script(script.language(), script.code(), null, null, null, List.of("vars", "context"));
    }

    private Double threshold(Source source, JsonNode node, String path) {
        Double threshold = checks.number(source, node, path);
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            checks.error(source, node, path, Checks.scalar(node) + " is out of range: a test's threshold is the "
                    + "weighted score it needs, from 0 to 1");
            return null;
        }
        return threshold;
    }

    private Map<String, String> metadata(Source source, JsonNode node, String path) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!node.isObject()) {
            checks.wrongType(source, node, path, "a mapping");
            return metadata;
        }
        node.fields().forEachRemaining(e -> metadata.put(e.getKey(), Checks.isScalar(e.getValue())
                ? Checks.scalar(e.getValue()) : e.getValue().isNull() ? "" : Checks.json(e.getValue())));
        return metadata;
    }

    // ---- vars ----

    private LinkedHashMap<String, RawTest.RawVar> vars(Source source, JsonNode node, String path) {
        LinkedHashMap<String, RawTest.RawVar> vars = new LinkedHashMap<>();
        if (!node.isObject()) {
            checks.wrongType(source, node, path, "a mapping of var names to values");
            return vars;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            RawTest.RawVar value = var(source, node.get(name), Checks.at(path, name), source.keyAt(node, name));
            if (value != null) {
                vars.put(name, value);
            }
        }
        return vars;
    }

    private RawTest.RawVar var(Source source, JsonNode value, String path, SourcePosition keyAt) {
        if (value.isNull()) {
            problems.warning(keyAt, Checks.prefix(path) + "has no value, so it renders as empty text");
            return new RawTest.RawVar.One("");
        }
        if (value.isTextual()) {
            String text = varText(value.asText(), source.at(value), path);
            return text == null ? null : new RawTest.RawVar.One(text);
        }
        if (Checks.isScalar(value)) {
            return new RawTest.RawVar.One(Checks.scalar(value));
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                checks.error(source, value, path, "an empty list expands into no cases at all; give at least one value");
                return null;
            }
            if (!value.get(0).isTextual()) {
                return new RawTest.RawVar.One(Checks.json(value)); // promptfoo passes such lists whole
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : value) {
                String text = Checks.isScalar(element) ? varText(Checks.scalar(element), source.at(element), path)
                        : Checks.json(element);
                if (text == null) {
                    return null;
                }
                values.add(text);
            }
            return new RawTest.RawVar.Many(values);
        }
        return new RawTest.RawVar.One(Checks.json(value));
    }

    /** A var's text, or the text of the file a {@code file://} value names; null after reporting. */
    private String varText(String text, SourcePosition at, String path) {
        if (!text.startsWith(SuiteFiles.FILE_SCHEME)) {
            return text;
        }
        String extension = extension(text);
        if (SCRIPT_EXTENSIONS.contains(extension)) {
            problems.error(at, Checks.prefix(path) + "'" + text + "' is a script; this runner does not run "
                    + "scripts to make vars, so write the value or a text file");
            return null;
        }
        try {
            Path file = files.resolve(text, at, path);
            String cached = varFiles.get(file);
            if (cached != null) {
                return cached;
            }
            String content = files.read(file, text, at, path);
            if (extension.equals("yaml") || extension.equals("yml")) {
                content = Checks.json(Source.parse(files.display(file), content, 0).root());
            }
            varFiles.put(file, content);
            return content;
        } catch (ProblemException e) {
            problems.add(e.problem());
            return null;
        }
    }

    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // ---- test files ----

    private List<RawTest> file(String written, SourcePosition at, String path) {
        String trimmed = written.strip();
        String prefix = Checks.prefix(path);
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !trimmed.startsWith(SuiteFiles.FILE_SCHEME)) {
            problems.error(at, prefix + "'" + trimmed + "' is not a local file; tests are read from files beside the "
                    + "suite (URLs, Google Sheets and Hugging Face datasets are not fetched)");
            return List.of();
        }
        String extension = extension(trimmed);
        if (SCRIPT_EXTENSIONS.contains(extension)) {
            problems.error(at, prefix + "'" + trimmed + "' is a script; test generators are not run, so write "
                    + "the tests as CSV, JSON, JSONL or YAML");
            return List.of();
        }
        if (extension.equals("xlsx") || extension.equals("xls")) {
            problems.error(at, prefix + "'" + trimmed + "' is a spreadsheet; export it as CSV");
            return List.of();
        }
        if (!Set.of("csv", "json", "jsonl", "yaml", "yml").contains(extension)) {
            problems.error(at, prefix + "'" + trimmed + "' is not a tests file this runner reads; use .csv, .json, "
                    + ".jsonl, .yaml or .yml");
            return List.of();
        }
        int errorsBefore = problems.errorCount();
        try {
            Path file = files.resolve(trimmed, at, path);
            String text = files.read(file, trimmed, at, path);
            String name = files.display(file);
            List<RawTest> tests = switch (extension) {
                case "csv" -> csv(name, text);
                case "jsonl" -> jsonLines(name, text);
                default -> list(Source.parse(name, extension.equals("json") ? text.replace('\t', ' ') : text, 0));
            };
            if (tests.isEmpty() && problems.errorCount() == errorsBefore) {
                problems.error(at, prefix + "'" + trimmed + "' holds no tests; a suite needs at least one");
            }
            return tests;
        } catch (ProblemException e) {
            problems.add(e.problem());
            return List.of();
        }
    }

    private List<RawTest> list(Source source) {
        List<RawTest> tests = new ArrayList<>();
        JsonNode root = source.root();
        if (root.isObject() && root.isEmpty()) {
            return tests;
        }
        if (!root.isArray()) {
            checks.wrongType(source, root, "", "a list of tests");
            return tests;
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                checks.wrongType(source, item, Checks.item("", i), "a test (a mapping)");
                continue;
            }
            add(tests, test(source, item, Checks.item("", i), false));
        }
        return tests;
    }

    private List<RawTest> jsonLines(String name, String text) {
        List<RawTest> tests = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Source source = Source.parse(name, line.replace('\t', ' '), i);
                if (!source.root().isObject()) {
                    checks.wrongType(source, source.root(), "", "one test (a JSON object) per line");
                    continue;
                }
                add(tests, test(source, source.root(), "", false));
            } catch (ProblemException e) {
                problems.add(e.problem());
            }
        }
        return tests;
    }

    private List<RawTest> csv(String name, String text) throws ProblemException {
        CsvTable table = CsvTable.parse(name, text);
        List<RawTest> tests = new ArrayList<>();
        List<CsvTable.Cell> header = table.header();
        Set<String> seen = new HashSet<>();
        boolean headerOk = true;
        for (CsvTable.Cell cell : header) {
            String column = cell.text().strip();
            SourcePosition at = new SourcePosition(name, cell.line(), cell.column());
            if (column.isEmpty()) {
                problems.error(at, "a column has no name; the first row names every column");
                headerOk = false;
            } else if (!seen.add(column)) {
                problems.error(at, "the column '" + column + "' appears twice");
                headerOk = false;
            } else if (CSV_UNSUPPORTED.contains(column) || column.startsWith("__config:")) {
                problems.warning(at, "promptfoo's column '" + column + "' is not supported here and is ignored");
            } else if (column.startsWith("__") && CSV_SPECIAL.stream().noneMatch(column::startsWith)) {
                String guess = Suggestions.BY_EDITS_AND_SWAPS.closest(List.of("__expected", "__description",
                        "__threshold", "__metric", "__cluster"), column).map(g -> " (did you mean '" + g + "'?)")
                        .orElse("");
                problems.warning(at, "'" + column + "' is not a special column, so it is read as a var" + guess);
            } else if (!column.startsWith("__") && column.startsWith("_") && CSV_SPECIAL.stream()
                    .anyMatch(s -> ("_" + column).startsWith(s))) {
                problems.warning(at, "'" + column + "' has one underscore, so it is read as a var (did you mean '_"
                        + column + "'?)");
            }
        }
        if (!headerOk) {
            return tests;
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.cells().size() != header.size()) {
                CsvTable.Cell first = row.cells().get(0);
                problems.error(new SourcePosition(name, first.line(), first.column()), "this row has "
                        + row.cells().size() + " cells but the header names " + header.size() + " columns");
                continue;
            }
            add(tests, row(name, header, row));
        }
        return tests;
    }

    private RawTest row(String name, List<CsvTable.Cell> header, CsvTable.Row row) {
        int errorsBefore = problems.errorCount();
        String description = null;
        Double threshold = null;
        String cluster = null;
        String metric = null;
        LinkedHashMap<String, RawTest.RawVar> vars = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Integer> expectations = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c).text().strip();
            CsvTable.Cell cell = row.cells().get(c);
            SourcePosition at = new SourcePosition(name, cell.line(), cell.column());
            String text = cell.text();
            if (column.startsWith("__expected")) {
                expectations.add(c);
            } else if (column.equals("__description")) {
                description = text.isEmpty() ? null : text;
            } else if (column.equals("__cluster")) {
                cluster = text.isBlank() ? null : text.strip();
            } else if (column.equals("__metric")) {
                metric = text.isBlank() ? null : text.strip();
            } else if (column.startsWith("__metadata:")) {
                metadata.put(column.substring("__metadata:".length()), text);
            } else if (column.equals("__threshold")) {
                if (!text.isBlank()) {
                    try {
                        threshold = Double.valueOf(text.strip());
                        if (threshold < 0 || threshold > 1 || threshold.isNaN()) {
                            problems.error(at, "__threshold: " + text.strip() + " is out of range: a test's threshold "
                                    + "is the weighted score it needs, from 0 to 1");
                        }
                    } catch (NumberFormatException e) {
                        problems.error(at, "__threshold: expected a number, found text '" + Checks.shorten(text, 40) + "'");
                    }
                }
            } else if (CSV_UNSUPPORTED.contains(column) || column.startsWith("__config:")) {
                continue;
            } else {
                String value = varText(text, at, column);
                if (value != null) {
                    vars.put(column, new RawTest.RawVar.One(value));
                }
            }
        }
        List<AssertionSpec> asserts = new ArrayList<>();
        for (int c : expectations) {
            CsvTable.Cell cell = row.cells().get(c);
            if (cell.text().isBlank()) {
                continue;
            }
            AssertionSpec spec = assertions.cell(cell.text(), header.get(c).text().strip(),
                    new SourcePosition(name, cell.line(), cell.column()), metric);
            if (spec != null) {
                asserts.add(spec);
            }
        }
        if (problems.errorCount() > errorsBefore) {
            return null;
        }
        return new RawTest(description, vars, asserts, threshold, cluster, metadata, null, null, null, null, null,
                new SourcePosition(name, row.line(), 1));
    }
}
