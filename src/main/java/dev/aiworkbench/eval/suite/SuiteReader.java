package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.stats.DropScale;
import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;
import dev.aiworkbench.prompts.PromptRef;
import dev.aiworkbench.prompts.PromptVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Reads one suite; one instance per load, so its problems and caches belong to that load only. */
final class SuiteReader {
    private static final Set<String> TOP_KEYS = Set.of("description", "prompts", "providers", "targets", "tests",
            "defaultTest", "evaluateOptions", "repeat", "gate");
    private static final Map<String, String> TOP_PROMPTFOO_ONLY = Map.ofEntries(
            Map.entry("scenarios", "its tests are not run; list them under tests"),
            Map.entry("derivedMetrics", ""),
            Map.entry("outputPath", "write results with -o on the command line"),
            Map.entry("sharing", ""),
            Map.entry("env", ""),
            Map.entry("nunjucksFilters", ""),
            Map.entry("extensions", ""),
            Map.entry("metadata", ""),
            Map.entry("tags", ""),
            Map.entry("redteam", ""),
            Map.entry("commandLineOptions", ""),
            Map.entry("writeLatestResults", ""),
            Map.entry("tracing", ""));
    private static final Map<String, String> TOP_HINTS = Map.of(
            "vars", "vars for every test go under defaultTest.vars",
            "assert", "assertions for every test go under defaultTest.assert",
            "threshold", "a threshold for every test goes under defaultTest.threshold",
            "maxConcurrency", "it belongs under evaluateOptions",
            "cluster", "cluster is set on each test");
    private static final Set<String> GATE_KEYS = Set.of("baseline", "maxDrop", "maxRelativeDrop", "alpha", "mode",
            "cell");
    private static final Set<String> PROMPT_KEYS = Set.of("id", "raw", "label");
    private static final Map<String, String> PROMPT_PROMPTFOO_ONLY = Map.of(
            "config", "set options on the provider", "function", "");
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("js", "cjs", "mjs", "ts", "py", "rb");
    static final String REGISTRY_SCHEME = "prompt://";

    private final Path suiteFile;
    private final PromptResolver resolver;
    private final Problems problems = new Problems();
    private final Checks checks = new Checks(problems);
    private final SuiteFiles files;
    private final ProviderReader providers;
    private final TestReader tests;

    SuiteReader(Path suiteFile, PromptResolver resolver, Set<String> assertionTypes,
                Supplier<Optional<String>> python) {
        this.suiteFile = suiteFile;
        this.resolver = resolver;
        this.files = new SuiteFiles(suiteFile);
        this.providers = new ProviderReader(checks);
        ScriptReader scripts = new ScriptReader(problems, files, python);
        this.tests = new TestReader(checks, files, new AssertionReader(checks, files, assertionTypes, scripts),
                providers, scripts);
    }

    SuiteLoadResult read() {
        Source source;
        try {
            String text = files.readSuite(suiteFile);
            source = Source.parse(files.display(suiteFile.toAbsolutePath()), text, 0);
        } catch (ProblemException e) {
            return new SuiteLoadResult(Optional.empty(), List.of(e.problem()));
        }
        JsonNode root = source.root();
        if (!root.isObject()) {
            checks.error(source, root, "", "a suite is a mapping with prompts, providers and tests; found "
                    + Checks.describe(root));
            return result(null);
        }
        checks.keys(source, root, "", TOP_KEYS, TOP_PROMPTFOO_ONLY, TOP_HINTS);

        String description = root.has("description") && !root.get("description").isNull()
                ? checks.text(source, root.get("description"), "description") : null;
        List<PromptSource> prompts = new ArrayList<>();
        if (root.has("prompts")) {
            prompts = prompts(source, root.get("prompts"), "prompts");
        } else {
            checks.error(source, root, "", "missing 'prompts': give at least one prompt (inline text, file://path "
                    + "or prompt://name@version)");
        }
        List<ProviderSpec> models = new ArrayList<>();
        String providersKey = root.has("providers") ? "providers" : "targets";
        if (root.has("providers") && root.has("targets")) {
            problems.error(source.keyAt(root, "targets"), "'targets' is promptfoo's other name for 'providers'; "
                    + "keep one of them");
        } else if (root.has(providersKey)) {
            models = providers.providers(source, root.get(providersKey), providersKey);
        } else {
            checks.error(source, root, "", "missing 'providers': name the model to run, e.g. "
                    + ProviderReader.EXAMPLE);
        }
        RawTest defaults = root.has("defaultTest") ? tests.defaults(source, root.get("defaultTest"), "defaultTest")
                : RawTest.EMPTY;
        List<RawTest> written = new ArrayList<>();
        if (root.has("tests")) {
            written = tests.tests(source, root.get("tests"), "tests");
        } else {
            checks.error(source, root, "", "missing 'tests': a suite needs at least one test");
        }
        EvaluateOptions evaluate = EvaluateOptions.read(checks, source, root);
        Optional<GateSpec> gate = root.has("gate") ? gate(source, root.get("gate")) : Optional.empty();
        Optional<GateCell> gateCell = root.has("gate") ? MatrixChecks.cell(checks, source, root.get("gate"))
                : Optional.empty();
        MatrixChecks.check(problems, prompts, models, gateCell);

        List<TestCase> cases = defaults == null ? List.of() : new TestExpansion(problems).expand(written, defaults);
        if (problems.hasErrors()) {
            return result(null);
        }
        JudgeSpec judge = defaults.judge() == null ? JudgeSpec.NONE : defaults.judge();
        return result(new EvalSuite(suiteFile, description, prompts, models, cases, judge, evaluate.maxConcurrency(),
                evaluate.repeat(), gate, gateCell, evaluate.scriptTimeout()));
    }

    private SuiteLoadResult result(EvalSuite suite) {
        return new SuiteLoadResult(Optional.ofNullable(suite), problems.sorted());
    }

    // ---- prompts ----

    private List<PromptSource> prompts(Source source, JsonNode node, String path) {
        List<PromptSource> prompts = new ArrayList<>();
        if (node.isTextual()) {
            prompts.addAll(prompt(source, node, node.asText(), null, path));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                checks.error(source, node, path, "the list is empty; give at least one prompt");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemPath = Checks.item(path, i);
                if (item.isTextual()) {
                    prompts.addAll(prompt(source, item, item.asText(), null, itemPath));
                } else if (item.isObject()) {
                    prompts.addAll(promptObject(source, item, itemPath));
                } else {
                    checks.wrongType(source, item, itemPath, "a prompt (text, file://path or prompt://name@version)");
                }
            }
        } else if (node.isObject()) {
            // promptfoo's older form: {<prompt or path>: <label>}
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String written = names.next();
                String label = checks.text(source, node.get(written), Checks.at(path, written));
                if (label != null) {
                    prompts.addAll(prompt(source, node.get(written), written, label, Checks.at(path, written),
                            source.keyAt(node, written)));
                }
            }
        } else {
            checks.wrongType(source, node, path, "a prompt or a list of prompts");
        }
        return prompts;
    }

    private List<PromptSource> promptObject(Source source, JsonNode node, String path) {
        checks.keys(source, node, path, PROMPT_KEYS, PROMPT_PROMPTFOO_ONLY, Map.of());
        String label = node.has("label") ? checks.text(source, node.get("label"), Checks.at(path, "label")) : null;
        if (node.has("label") && label == null) {
            return List.of();
        }
        if (node.has("raw")) {
            String raw = checks.text(source, node.get("raw"), Checks.at(path, "raw"));
            return raw == null ? List.of() : inline(source, node.get("raw"), raw, label, Checks.at(path, "raw"));
        }
        if (node.has("id")) {
            String id = checks.text(source, node.get("id"), Checks.at(path, "id"));
            return id == null ? List.of() : prompt(source, node.get("id"), id, label, Checks.at(path, "id"));
        }
        checks.error(source, node, path, "missing 'id' or 'raw': give the prompt's path (id: file://prompt.txt) "
                + "or its text (raw: ...)");
        return List.of();
    }

    private List<PromptSource> prompt(Source source, JsonNode node, String written, String label, String path) {
        return prompt(source, node, written, label, path, source.at(node));
    }

    private List<PromptSource> prompt(Source source, JsonNode node, String written, String label, String path,
                                      SourcePosition at) {
        if (written.startsWith(REGISTRY_SCHEME)) {
            PromptSource registered = registry(written, label, path, at);
            return registered == null ? List.of() : List.of(registered);
        }
        if (written.startsWith(SuiteFiles.FILE_SCHEME)) {
            return promptFile(written, label, path, at);
        }
        if (looksLikePath(written)) {
            if (files.somethingAt(written)) {
                return promptFile(written, label, path, at);
            }
            problems.warning(at, Checks.prefix(path) + "'" + Checks.shorten(written, 60) + "' looks like a file "
                    + "path but no such file exists, so it is sent as prompt text; write file:// to name a file, "
                    + "or raw: for text");
        }
        return inline(source, node, written, label, path);
    }

    private static final List<String> PATH_EXTENSIONS = List.of(".txt", ".md", ".json", ".jsonl", ".yaml", ".yml",
            ".j2", ".js", ".cjs", ".mjs", ".ts", ".py");

    /**
     * promptfoo's {@code maybeFilePath}: a one-line prompt string is taken for a path when it contains
     * {@code /}, {@code \} or {@code *}, ends with a known extension, or has a dot three or four
     * characters from its end.
     */
    static boolean looksLikePath(String text) {
        if (text.contains("\n")) {
            return false;
        }
        int n = text.length();
        return text.contains("/") || text.contains("\\") || text.contains("*")
                || (n >= 3 && text.charAt(n - 3) == '.') || (n >= 4 && text.charAt(n - 4) == '.')
                || PATH_EXTENSIONS.stream().anyMatch(text::endsWith);
    }

    private List<PromptSource> inline(Source source, JsonNode node, String text, String label, String path) {
        if (text.isBlank()) {
            checks.error(source, node, path, "the prompt is empty");
            return List.of();
        }
        // promptfoo 0.118 labels an inline prompt without a label by its whole raw text (processString), so a
        // report's cells and a provider's prompts filter name it as promptfoo does.
        return List.of(new PromptSource(label != null ? label : text, text, "", null,
                source.at(node).toString(), Optional.empty()));
    }

    private PromptSource registry(String written, String label, String path, SourcePosition at) {
        String prefix = Checks.prefix(path);
        PromptRef ref;
        try {
            ref = PromptRef.parse(written.substring(REGISTRY_SCHEME.length()));
        } catch (IllegalArgumentException e) {
            problems.error(at, prefix + e.getMessage());
            return null;
        }
        if (ref.isLatest()) {
            problems.warning(at, prefix + "'" + written.strip() + "' is not pinned to a version, so each run takes "
                    + "whatever version is newest and runs stop being comparable; write " + REGISTRY_SCHEME
                    + ref.name() + "@<version>");
        }
        PromptVersion version;
        try {
            version = resolver.resolve(ref);
        } catch (IllegalArgumentException e) {
            problems.error(at, prefix + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            problems.error(at, prefix + "the prompt registry cannot be read: " + e.getMessage());
            return null;
        }
        return new PromptSource(label != null ? label : version.label(), version.content().template(),
                version.content().system(), REGISTRY_SCHEME + version.label(), at.toString(), Optional.of(version));
    }

    private List<PromptSource> promptFile(String written, String label, String path, SourcePosition at) {
        String prefix = Checks.prefix(path);
        String relative = SuiteFiles.withoutScheme(written).strip();
        String extension = TestReader.extension(relative);
        if (SCRIPT_EXTENSIONS.contains(extension)) {
            problems.error(at, prefix + "'" + written + "' is a script; prompt functions are not run, so write the "
                    + "prompt as text (.txt, .md) or as chat messages (.json, .yaml)");
            return List.of();
        }
        String text;
        Path file;
        try {
            file = files.resolve(written, at, path);
            text = files.read(file, written, at, path);
        } catch (ProblemException e) {
            problems.add(e.problem());
            return List.of();
        }
        String name = files.display(file);
        String reference = SuiteFiles.FILE_SCHEME + relative;
        String defaultLabel = label != null ? label : written.strip();
        switch (extension) {
            case "json", "yaml", "yml" -> {
                try {
                    Source chat = Source.parse(name, extension.equals("json") ? text.replace('\t', ' ') : text, 0);
                    if (!chatMessages(chat)) {
                        return List.of();
                    }
                    String template = extension.equals("json") ? text.strip() : Checks.json(chat.root());
                    return List.of(new PromptSource(defaultLabel, template, "", reference, at.toString(),
                            Optional.empty()));
                } catch (ProblemException e) {
                    problems.add(e.problem());
                    return List.of();
                }
            }
            case "txt" -> {
                List<String> parts = splitPrompts(text);
                if (parts.isEmpty()) {
                    problems.error(at, prefix + "'" + written + "' holds no prompt text");
                }
                List<PromptSource> prompts = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    String partLabel = parts.size() == 1 ? defaultLabel : defaultLabel + " #" + (i + 1);
                    prompts.add(new PromptSource(partLabel, parts.get(i), "", reference, at.toString(),
                            Optional.empty()));
                }
                return prompts;
            }
            default -> {
                if (text.isBlank()) {
                    problems.error(at, prefix + "'" + written + "' holds no prompt text");
                    return List.of();
                }
                return List.of(new PromptSource(defaultLabel, text.strip(), "", reference, at.toString(),
                        Optional.empty()));
            }
        }
    }

    /** promptfoo splits a .txt prompt file at lines that hold only {@code ---}. */
    static List<String> splitPrompts(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\r?\\n", -1)) {
            if (line.strip().equals("---")) {
                addPart(parts, current);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        addPart(parts, current);
        return parts;
    }

    private static void addPart(List<String> parts, StringBuilder text) {
        String part = text.toString().strip();
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }

    /** A chat prompt file is a list of {role, content} messages. */
    private boolean chatMessages(Source chat) {
        JsonNode root = chat.root();
        if (!root.isArray() || root.isEmpty()) {
            checks.wrongType(chat, root, "", "a list of chat messages, each {role, content}");
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < root.size(); i++) {
            JsonNode message = root.get(i);
            String path = Checks.item("", i);
            if (!message.isObject()) {
                checks.wrongType(chat, message, path, "a message {role, content}");
                ok = false;
                continue;
            }
            checks.keys(chat, message, path, Set.of("role", "content"), Map.of(), Map.of());
            JsonNode role = message.get("role");
            if (role == null || !Set.of("system", "user", "assistant").contains(role.asText())) {
                checks.error(chat, role == null ? message : role, role == null ? path : Checks.at(path, "role"),
                        role == null ? "missing 'role'" : "role '" + role.asText() + "' is not system, user or assistant");
                ok = false;
            }
            JsonNode content = message.get("content");
            if (content == null || !content.isTextual()) {
                if (content == null) {
                    checks.error(chat, message, path, "missing 'content'");
                } else {
                    checks.wrongType(chat, content, Checks.at(path, "content"), "text");
                }
                ok = false;
            }
        }
        return ok;
    }

    // ---- gate ----

    private Optional<GateSpec> gate(Source source, JsonNode node) {
        if (!node.isObject()) {
            checks.wrongType(source, node, "gate", "a mapping such as {baseline: last-passed, maxDrop: 0.02, "
                    + "alpha: 0.05, mode: significant-drop}");
            return Optional.empty();
        }
        checks.keys(source, node, "gate", GATE_KEYS, Map.of(), Map.of());
        boolean ok = true;
        String baseline = GateSpec.LAST_PASSED;
        if (node.has("baseline")) {
            JsonNode value = node.get("baseline");
            String text = Checks.isScalar(value) && !value.isBoolean() ? Checks.scalar(value).strip() : null;
            if (text == null || !text.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
                checks.error(source, value, "gate.baseline", "expected a run id or last-passed, found "
                        + Checks.describe(value));
                ok = false;
            } else {
                baseline = text;
            }
        }
        double maxDrop = GateSpec.DEFAULT_MAX_DROP;
        DropScale scale = DropScale.POINTS;
        if (node.has("maxDrop") && node.has("maxRelativeDrop")) {
            checks.error(source, node.get("maxRelativeDrop"), "gate.maxRelativeDrop", "the gate has both maxDrop and"
                    + " maxRelativeDrop; keep one: maxDrop: 0.02 tolerates a fall of 2 points, maxRelativeDrop: 0.02 a"
                    + " fall of 2% of the baseline's pass rate");
            ok = false;
        } else if (node.has("maxDrop") || node.has("maxRelativeDrop")) {
            scale = node.has("maxDrop") ? DropScale.POINTS : DropScale.RELATIVE;
            String key = scale.configKey();
            Double value = checks.number(source, node.get(key), "gate." + key);
            if (value != null && (value < 0 || value >= 1)) {
                checks.error(source, node.get(key), "gate." + key, Checks.scalar(node.get(key))
                        + " is out of range: the largest tolerated drop is a fraction from 0 to below 1 (0.02 is "
                        + (scale == DropScale.POINTS ? "two points)" : "2% of the baseline's pass rate)"));
                value = null;
            }
            ok &= value != null;
            maxDrop = value == null ? maxDrop : value;
        }
        double alpha = GateSpec.DEFAULT_ALPHA;
        if (node.has("alpha")) {
            Double value = checks.number(source, node.get("alpha"), "gate.alpha");
            if (value != null && (value <= 0 || value > 0.5)) {
                checks.error(source, node.get("alpha"), "gate.alpha", Checks.scalar(node.get("alpha"))
                        + " is out of range: the significance level is above 0 and at most 0.5 (usually 0.05)");
                value = null;
            }
            ok &= value != null;
            alpha = value == null ? alpha : value;
        }
        GateMode mode = GateMode.SIGNIFICANT_DROP;
        if (node.has("mode")) {
            String text = checks.text(source, node.get("mode"), "gate.mode");
            GateMode parsed = text == null ? null : gateMode(text);
            if (text != null && parsed == null) {
                checks.error(source, node.get("mode"), "gate.mode", "'" + text + "' is not a gate mode; use "
                        + "significant-drop or non-inferiority");
            }
            ok &= parsed != null;
            mode = parsed == null ? mode : parsed;
        }
        return ok ? Optional.of(new GateSpec(baseline, maxDrop, scale, alpha, mode)) : Optional.empty();
    }

    private static GateMode gateMode(String text) {
        try {
            return GateMode.fromConfig(text.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
