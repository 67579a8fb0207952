package dev.aiworkbench.eval.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of broken suites: each is a copy of one valid suite with one edit, and the loader must
 * report exactly the one problem that edit made, as {@code file:line:col: message}.
 */
class BrokenSuiteTest {
    static final String SUITE = "suite.yaml";
    static final String CSV = "cases.csv";
    static final String PROMPT = "prompts/triage.txt";

    static final String VALID_SUITE = """
            description: Incident triage
            prompts:
              - file://prompts/triage.txt
            providers:
              - id: ollama:chat:qwen2.5:0.5b
                config:
                  temperature: 0
                  seed: 7
            defaultTest:
              options:
                provider: ollama:chat:qwen2.5:1.5b
              assert:
                - type: is-json
            tests:
              - description: disk full on db-01
                vars:
                  alert: "db-01: /var at 99%"
                assert:
                  - type: icontains
                    value: P1
              - file://cases.csv
            gate:
              baseline: last-passed
              maxDrop: 0.02
            """;
    static final String VALID_CSV = "__description,alert,__expected\nqueue lag,consumer lag 40k on orders,contains:P3\n";

    @TempDir
    Path temp;

    record Case(String name, Consumer<SuiteFixture> edit, Function<SuiteFixture, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case one(String name, Consumer<SuiteFixture> edit, Function<SuiteFixture, String> expected) {
        return new Case(name, edit, expected);
    }

    /** Replaces the one occurrence of {@code from}; fails when there is not exactly one. */
    static void replace(SuiteFixture f, String file, String from, String to) {
        try {
            Path path = f.folder.resolve(file);
            String text = Files.readString(path);
            int first = text.indexOf(from);
            if (first < 0 || text.indexOf(from, first + 1) >= 0) {
                throw new AssertionError("expected exactly one '" + from + "' in " + file);
            }
            Files.writeString(path, text.substring(0, first) + to + text.substring(first + from.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // the suite file itself
                one("yaml syntax", f -> replace(f, SUITE, "  - file://prompts/triage.txt", "  - [file://prompts/triage.txt"),
                        f -> f.at(SUITE, "providers|:") + ": YAML syntax error: while parsing a flow sequence: "
                                + "expected ',' or ']', but got :"),
                one("duplicate key", f -> replace(f, SUITE, "description: Incident triage\n",
                                "description: Incident triage\ndescription: again\n"),
                        f -> f.at(SUITE, "description|: again") + ": YAML syntax error: duplicate key 'description'"),
                one("not a mapping", f -> f.write(SUITE, "- prompts\n- providers\n"),
                        f -> f.at(SUITE, "|- prompts") + ": a suite is a mapping with prompts, providers and tests; "
                                + "found a list"),
                one("unknown top-level key", f -> replace(f, SUITE, "gate:\n", "tset: 1\ngate:\n"),
                        f -> f.at(SUITE, "|tset") + ": warning: unknown key 'tset' is ignored (did you mean 'tests'?)"),
                one("promptfoo key this runner ignores", f -> replace(f, SUITE, "gate:\n", "outputPath: out.json\ngate:\n"),
                        f -> f.at(SUITE, "|outputPath") + ": warning: promptfoo's 'outputPath' is not supported here "
                                + "and is ignored (write results with -o on the command line)"),
                one("top-level vars", f -> replace(f, SUITE, "gate:\n", "vars: {team: sre}\ngate:\n"),
                        f -> f.at(SUITE, "|vars: {team") + ": warning: unknown key 'vars' is ignored (vars for every "
                                + "test go under defaultTest.vars)"),
                one("description of the wrong type", f -> replace(f, SUITE, "description: Incident triage",
                                "description: [Incident, triage]"),
                        f -> f.at(SUITE, "|[Incident") + ": description: expected text, found a list"),
                one("missing providers", f -> replace(f, SUITE, """
                                providers:
                                  - id: ollama:chat:qwen2.5:0.5b
                                    config:
                                      temperature: 0
                                      seed: 7
                                """, ""),
                        f -> f.at(SUITE, "|description: Incident") + ": missing 'providers': name the model to run, "
                                + "e.g. ollama:chat:qwen2.5:0.5b"),
                // prompts
                one("missing prompt file", f -> replace(f, SUITE, "file://prompts/triage.txt", "file://prompts/triage-v2.txt"),
                        f -> f.at(SUITE, "|file://prompts/triage-v2") + ": prompts[0]: 'file://prompts/triage-v2.txt': "
                                + "no such file (" + f.name("prompts/triage-v2.txt") + ")"),
                one("prompt path leaving the folder", f -> replace(f, SUITE, "file://prompts/triage.txt",
                                "file://prompts/../../triage.txt"),
                        f -> f.at(SUITE, "|file://prompts/../") + ": prompts[0]: 'file://prompts/../../triage.txt' "
                                + "leaves the suite's folder; a suite reads only files beside it or below it"),
                one("absolute prompt path", f -> replace(f, SUITE, "file://prompts/triage.txt", "file:///etc/passwd"),
                        f -> f.at(SUITE, "|file:///etc") + ": prompts[0]: 'file:///etc/passwd' is an absolute path; "
                                + "name files relative to the suite's folder"),
                one("prompt glob", f -> replace(f, SUITE, "file://prompts/triage.txt", "file://prompts/*.txt"),
                        f -> f.at(SUITE, "|file://prompts/*") + ": prompts[0]: 'file://prompts/*.txt' is a glob "
                                + "pattern; globs are not expanded here, so name each file"),
                one("prompt through a link", f -> {
                            try {
                                Files.createSymbolicLink(f.folder.resolve("linked"), f.folder.resolve("prompts"));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            replace(f, SUITE, "file://prompts/triage.txt", "file://linked/triage.txt");
                        },
                        f -> f.at(SUITE, "|file://linked") + ": prompts[0]: 'file://linked/triage.txt' goes through "
                                + "the symbolic link " + f.name("linked") + "; links are refused, so that a suite "
                                + "cannot read outside its folder"),
                one("prompt function", f -> {
                            f.write("prompts/triage.py", "def prompt(context): return 'x'\n");
                            replace(f, SUITE, "file://prompts/triage.txt", "file://prompts/triage.py");
                        },
                        f -> f.at(SUITE, "|file://prompts/triage.py") + ": prompts[0]: 'file://prompts/triage.py' is "
                                + "a script; prompt functions are not run, so write the prompt as text (.txt, .md) "
                                + "or as chat messages (.json, .yaml)"),
                one("empty prompt file", f -> f.write(PROMPT, "\n---\n\n"),
                        f -> f.at(SUITE, "|file://prompts/triage.txt") + ": prompts[0]: 'file://prompts/triage.txt' "
                                + "holds no prompt text"),
                one("chat prompt with a bad role", f -> {
                            f.write("prompts/chat.json", "[{\"role\": \"operator\", \"content\": \"{{alert}}\"}]\n");
                            replace(f, SUITE, "file://prompts/triage.txt", "file://prompts/chat.json");
                        },
                        f -> f.at("prompts/chat.json", "|\"operator\"") + ": [0].role: role 'operator' is not system, "
                                + "user or assistant"),
                one("unknown registry prompt", f -> replace(f, SUITE, "file://prompts/triage.txt", "prompt://triage@9"),
                        f -> f.at(SUITE, "|prompt://triage@9") + ": prompts[0]: there is no prompt triage@9"),
                one("malformed registry reference", f -> replace(f, SUITE, "file://prompts/triage.txt", "prompt://triage@v2"),
                        f -> f.at(SUITE, "|prompt://triage@v2") + ": prompts[0]: 'triage@v2' is not name@version: "
                                + "the version is a number, for example triage@1"),
                one("empty prompt list", f -> replace(f, SUITE, "prompts:\n  - file://prompts/triage.txt", "prompts: []"),
                        f -> f.at(SUITE, "prompts: |[]") + ": prompts: the list is empty; give at least one prompt"),
                // providers
                one("provider this runner cannot call", f -> replace(f, SUITE, "ollama:chat:qwen2.5:0.5b", "bedrock:titan"),
                        f -> f.at(SUITE, "|bedrock:titan") + ": providers[0]: 'bedrock:titan' is not a "
                                + "provider this runner can call; write ollama:chat:<model>, ollama:completion:<model>, "
                                + "openai:chat:<model> or anthropic:messages:<model>, e.g. ollama:chat:qwen2.5:0.5b"),
                one("hosted provider's endpoint this runner does not call", f -> replace(f, SUITE,
                                "ollama:chat:qwen2.5:0.5b", "anthropic:completion:claude-2"),
                        f -> f.at(SUITE, "|anthropic:completion:claude-2") + ": providers[0]: "
                                + "'anthropic:completion:claude-2' names Anthropic's completion endpoint, which this "
                                + "runner does not call; it calls the messages endpoint, written anthropic:messages:<model>, "
                                + "e.g. anthropic:messages:claude-haiku-4-5"),
                one("provider without a model", f -> replace(f, SUITE, "ollama:chat:qwen2.5:0.5b", "\"ollama:chat:\""),
                        f -> f.at(SUITE, "|\"ollama:chat:\"") + ": providers[0]: 'ollama:chat:' names no model; write "
                                + "it as ollama:chat:<model>, e.g. ollama:chat:qwen2.5:0.5b"),
                one("embedding model as a provider", f -> replace(f, SUITE, "ollama:chat:qwen2.5:0.5b",
                                "ollama:embeddings:nomic-embed-text"),
                        f -> f.at(SUITE, "|ollama:embeddings") + ": providers[0]: 'ollama:embeddings:nomic-embed-text' "
                                + "is an embedding model and cannot answer prompts; use ollama:chat:<model> or "
                                + "ollama:completion:<model> (an embedding model belongs under "
                                + "defaultTest.options.provider.embedding)"),
                one("provider of the wrong type", f -> replace(f, SUITE, """
                                  - id: ollama:chat:qwen2.5:0.5b
                                    config:
                                      temperature: 0
                                      seed: 7
                                """, "  - 42\n"),
                        f -> f.at(SUITE, "  - |42") + ": providers[0]: expected a provider id such as "
                                + "ollama:chat:qwen2.5:0.5b, or {id, config}, found the number 42"),
                one("option of the wrong type", f -> replace(f, SUITE, "temperature: 0", "temperature: cold"),
                        f -> f.at(SUITE, "|cold") + ": providers[0].config.temperature: expected a number, found "
                                + "text 'cold'"),
                one("option out of range", f -> replace(f, SUITE, "temperature: 0", "temperature: 3"),
                        f -> f.at(SUITE, "temperature: |3") + ": providers[0].config.temperature: must be between "
                                + "0 and 2"),
                one("seed that is not whole", f -> replace(f, SUITE, "seed: 7", "seed: 7.5"),
                        f -> f.at(SUITE, "|7.5") + ": providers[0].config.seed: expected a whole number, found the "
                                + "number 7.5"),
                one("option this runner does not send", f -> replace(f, SUITE, "seed: 7", "seed: 7\n      mirostat: 2"),
                        f -> f.at(SUITE, "|mirostat") + ": warning: providers[0].config: option 'mirostat' is not "
                                + "sent by this runner and is ignored; it sends temperature, top_p, top_k, seed, "
                                + "num_predict, num_ctx, stop"),
                one("judge that is an embedding model", f -> replace(f, SUITE, "provider: ollama:chat:qwen2.5:1.5b",
                                "provider:\n      text: ollama:embeddings:nomic-embed-text"),
                        f -> f.at(SUITE, "|ollama:embeddings") + ": defaultTest.options.provider.text: "
                                + "'ollama:embeddings:nomic-embed-text' is an embedding model; the text judge answers "
                                + "rubrics, so use ollama:chat:<model>"),
                // assertions
                one("mistyped assertion type", f -> replace(f, SUITE, "type: icontains", "type: icontians"),
                        f -> f.at(SUITE, "|icontians") + ": tests[0].assert[0].type: 'icontians' is not an assertion "
                                + "type; did you mean 'icontains'?"),
                one("promptfoo assertion this runner lacks", f -> replace(f, SUITE, "type: icontains", "type: rouge-n"),
                        f -> f.at(SUITE, "|rouge-n") + ": tests[0].assert[0].type: 'rouge-n' is a promptfoo "
                                + "assertion this runner does not evaluate; it evaluates " + SUPPORTED),
                one("assertion without its value", f -> replace(f, SUITE, "\n        value: P1", ""),
                        f -> f.at(SUITE, "|type: icontains") + ": tests[0].assert[0].value: icontains needs a value, "
                                + "e.g. value: \"P1\""),
                one("assertion without a type", f -> replace(f, SUITE, "- type: icontains\n        value: P1",
                                "- value: P1"),
                        f -> f.at(SUITE, "|value: P1") + ": tests[0].assert[0]: missing 'type'"),
                one("negative weight", f -> replace(f, SUITE, "value: P1", "value: P1\n        weight: -1"),
                        f -> f.at(SUITE, "|-1") + ": tests[0].assert[0].weight: must not be negative (weight 0 "
                                + "records the assertion without gating on it)"),
                one("latency without a threshold", f -> replace(f, SUITE, "  - type: is-json", "  - type: latency"),
                        f -> f.at(SUITE, "|latency") + ": defaultTest.assert[0]: latency needs a threshold (the most "
                                + "milliseconds a response may take), or a metric to record it under"),
                one("schema that is not a mapping", f -> replace(f, SUITE, "  - type: is-json",
                                "  - type: is-json\n      value: [severity]"),
                        f -> f.at(SUITE, "|[severity]") + ": defaultTest.assert[0].value: is-json takes a JSON Schema "
                                + "(a mapping), found a list"),
                one("rubric without a judge", f -> {
                            replace(f, SUITE, "  options:\n    provider: ollama:chat:qwen2.5:1.5b\n", "");
                            replace(f, SUITE, "  - type: is-json", "  - type: llm-rubric\n      value: names the host");
                        },
                        f -> f.at(SUITE, "|type: llm-rubric") + ": llm-rubric needs a judge model: set "
                                + "defaultTest.options.provider (or the test's options.provider) to an Ollama model, "
                                + "e.g. ollama:chat:qwen2.5:1.5b"),
                one("unknown assertion key", f -> replace(f, SUITE, "value: P1", "value: P1\n        rubricPrompt: Grade it"),
                        f -> f.at(SUITE, "|rubricPrompt") + ": warning: tests[0].assert[0]: promptfoo's 'rubricPrompt' is "
                                + "not supported here and is ignored (the judge's prompt is fixed)"),
                one("assertion transform that does not compile", f -> replace(f, SUITE, "value: P1",
                                "value: P1\n        transform: output.trim("),
                        f -> f.at(SUITE, "|output.trim(") + ": tests[0].assert[0].transform: the JavaScript does not "
                                + "compile: syntax error" + ScriptReader.JAVASCRIPT_LIMITS),
                // tests
                one("test threshold of the wrong type", f -> replace(f, SUITE, "    vars:\n      alert:",
                                "    threshold: high\n    vars:\n      alert:"),
                        f -> f.at(SUITE, "|high") + ": tests[0].threshold: expected a number, found text 'high'"),
                one("test threshold out of range", f -> replace(f, SUITE, "    vars:\n      alert:",
                                "    threshold: 1.5\n    vars:\n      alert:"),
                        f -> f.at(SUITE, "threshold: |1.5") + ": tests[0].threshold: 1.5 is out of range: a test's threshold is "
                                + "the weighted score it needs, from 0 to 1"),
                one("mistyped test key", f -> replace(f, SUITE, "    vars:\n      alert:", "    cluser: storage\n    vars:\n      alert:"),
                        f -> f.at(SUITE, "|cluser") + ": warning: tests[0]: unknown key 'cluser' is ignored (did you "
                                + "mean 'cluster'?)"),
                one("cluster in defaultTest", f -> replace(f, SUITE, "  assert:\n    - type: is-json",
                                "  cluster: storage\n  assert:\n    - type: is-json"),
                        f -> f.at(SUITE, "|cluster: storage") + ": warning: defaultTest: unknown key 'cluster' is "
                                + "ignored (cluster is set on each test)"),
                one("vars that are not a mapping", f -> replace(f, SUITE, "    vars:\n      alert: \"db-01: /var at 99%\"",
                                "    vars: [db-01]"),
                        f -> f.at(SUITE, "|[db-01]") + ": tests[0].vars: expected a mapping of var names to values, "
                                + "found a list"),
                one("var with an empty list", f -> replace(f, SUITE, "alert: \"db-01: /var at 99%\"", "alert: []"),
                        f -> f.at(SUITE, "alert: |[]") + ": tests[0].vars.alert: an empty list expands into no cases "
                                + "at all; give at least one value"),
                one("var from a script", f -> replace(f, SUITE, "alert: \"db-01: /var at 99%\"", "alert: file://make.py"),
                        f -> f.at(SUITE, "|file://make.py") + ": tests[0].vars.alert: 'file://make.py' is a script; "
                                + "this runner does not run scripts to make vars, so write the value or a text file"),
                one("missing var file", f -> replace(f, SUITE, "alert: \"db-01: /var at 99%\"", "alert: file://alert.txt"),
                        f -> f.at(SUITE, "|file://alert.txt") + ": tests[0].vars.alert: 'file://alert.txt': no such "
                                + "file (" + f.name("alert.txt") + ")"),
                one("empty test list", f -> f.write(SUITE, VALID_SUITE.replaceFirst("(?s)tests:\n.*?gate:", "tests: []\ngate:")),
                        f -> f.at(SUITE, "tests: |[]") + ": tests: there are no tests; a suite needs at least one"),
                one("tests of the wrong type", f -> f.write(SUITE, VALID_SUITE.replaceFirst("(?s)tests:\n.*?gate:",
                                "tests: 12\ngate:")),
                        f -> f.at(SUITE, "tests: |12") + ": tests: expected a list of tests or the path of a tests "
                                + "file, found the number 12"),
                one("spreadsheet tests", f -> replace(f, SUITE, "file://cases.csv", "file://cases.xlsx"),
                        f -> f.at(SUITE, "|file://cases.xlsx") + ": tests[1]: 'file://cases.xlsx' is a spreadsheet; "
                                + "export it as CSV"),
                one("remote tests", f -> replace(f, SUITE, "file://cases.csv",
                                "https://docs.google.com/spreadsheets/d/abc/edit"),
                        f -> f.at(SUITE, "|https://") + ": tests[1]: 'https://docs.google.com/spreadsheets/d/abc/edit' "
                                + "is not a local file; tests are read from files beside the suite (URLs, Google "
                                + "Sheets and Hugging Face datasets are not fetched)"),
                one("missing tests file", f -> replace(f, SUITE, "file://cases.csv", "file://case.csv"),
                        f -> f.at(SUITE, "|file://case.csv") + ": tests[1]: 'file://case.csv': no such file ("
                                + f.name("case.csv") + ")"),
                one("tests file with only a header", f -> f.write(CSV, "__description,alert,__expected\n"),
                        f -> f.at(SUITE, "|file://cases.csv") + ": tests[1]: 'file://cases.csv' holds no tests; a "
                                + "suite needs at least one"),
                one("yaml tests file that is not a list", f -> {
                            f.write("cases.yaml", "description: one test\nvars: {alert: x}\n");
                            replace(f, SUITE, "file://cases.csv", "file://cases.yaml");
                        },
                        f -> f.at("cases.yaml", "|description") + ": expected a list of tests, found a mapping"),
                one("jsonl line that is not json", f -> {
                            f.write("cases.jsonl", "{\"vars\": {\"alert\": \"x\"}}\n{\"vars\": {\"alert\": \"y\"}\n");
                            replace(f, SUITE, "file://cases.csv", "file://cases.jsonl");
                        },
                        f -> f.name("cases.jsonl") + ":2:24: YAML syntax error: while parsing a flow mapping: "
                                + "expected ',' or '}', but got <stream end>"),
                // CSV
                one("csv quote never closed", f -> f.write(CSV, VALID_CSV + "slow page,\"p95 at 2.1s,contains:P3\n"),
                        f -> f.at(CSV, "slow page,|\"p95") + ": this quoted cell is never closed: a cell that starts "
                                + "with \" ends with \" (write \"\" for a quote inside it)"),
                one("csv row with too many cells", f -> f.write(CSV, VALID_CSV + "slow page,p95 at 2.1s, 3.4s,contains:P3\n"),
                        f -> f.at(CSV, "|slow page") + ": this row has 4 cells but the header names 3 columns"),
                one("csv column named twice", f -> f.write(CSV, "__description,alert,alert,__expected\n"
                                + "queue lag,a,b,contains:P3\n"),
                        f -> f.at(CSV, "alert,|alert") + ": the column 'alert' appears twice"),
                one("csv threshold that is no number", f -> f.write(CSV, "__description,alert,__expected,__threshold\n"
                                + "queue lag,consumer lag,contains:P3,most\n"),
                        f -> f.at(CSV, "|most") + ": __threshold: expected a number, found text 'most'"),
                one("csv assertion this runner lacks", f -> f.write(CSV, "__description,alert,__expected\n"
                                + "queue lag,consumer lag,rouge-n:queue lag\n"),
                        f -> f.at(CSV, "|rouge-n") + ": __expected: 'rouge-n' is a promptfoo assertion this runner "
                                + "does not evaluate; it evaluates " + SUPPORTED),
                one("csv schema that does not parse", f -> f.write(CSV, "__description,alert,__expected\n"
                                + "queue lag,consumer lag,\"is-json:{required: [severity\"\n"),
                        f -> f.at(CSV, "|\"is-json") + ": __expected: is-json's schema is neither JSON nor YAML: "
                                + "while parsing a flow sequence: expected ',' or ']', but got <stream end>"),
                one("csv similar without an embedding model", f -> f.write(CSV, "__description,alert,__expected\n"
                                + "queue lag,consumer lag,similar:the queue is lagging\n"),
                        f -> f.at(CSV, "|similar") + ": similar needs an embedding model: set "
                                + "defaultTest.options.provider.embedding to one, e.g. ollama:embeddings:nomic-embed-text"),
                one("csv special column misspelt", f -> f.write(CSV, "__description,alert,__expectd\n"
                                + "queue lag,consumer lag,contains:P3\n"),
                        f -> f.at(CSV, "|__expectd") + ": warning: '__expectd' is not a special column, so it is read "
                                + "as a var (did you mean '__expected'?)"),
                one("csv single underscore", f -> f.write(CSV, "__description,alert,_expected\n"
                                + "queue lag,consumer lag,contains:P3\n"),
                        f -> f.at(CSV, "|_expected") + ": warning: '_expected' has one underscore, so it is read as a "
                                + "var (did you mean '__expected'?)"),
                // options, repeat, gate
                one("script time limit of zero", f -> replace(f, SUITE, "gate:\n",
                                "evaluateOptions:\n  scriptTimeoutMs: 0\ngate:\n"),
                        f -> f.at(SUITE, "scriptTimeoutMs: |0") + ": evaluateOptions.scriptTimeoutMs: 0 is out of range: "
                                + "the milliseconds each javascript or python call may take is a whole number from 1 to "
                                + "600000"),
                one("script time limit as text", f -> replace(f, SUITE, "gate:\n",
                                "evaluateOptions:\n  scriptTimeoutMs: 5s\ngate:\n"),
                        f -> f.at(SUITE, "scriptTimeoutMs: |5s") + ": evaluateOptions.scriptTimeoutMs: expected a whole "
                                + "number, found text '5s'"),
                one("concurrency of zero", f -> replace(f, SUITE, "gate:\n", "evaluateOptions:\n  maxConcurrency: 0\ngate:\n"),
                        f -> f.at(SUITE, "maxConcurrency: |0") + ": evaluateOptions.maxConcurrency: 0 is out of range: "
                                + "the number of requests at once is a whole number from 1 to 64"),
                one("repeat set twice differently", f -> replace(f, SUITE, "gate:\n",
                                "evaluateOptions: {repeat: 5}\nrepeat: 3\ngate:\n"),
                        f -> f.at(SUITE, "repeat: |3") + ": repeat: 3 here, but evaluateOptions.repeat says 5; set it once"),
                one("gate mode unknown", f -> replace(f, SUITE, "maxDrop: 0.02", "maxDrop: 0.02\n  mode: strict"),
                        f -> f.at(SUITE, "|strict") + ": gate.mode: 'strict' is not a gate mode; use significant-drop "
                                + "or non-inferiority"),
                one("gate drop written in points", f -> replace(f, SUITE, "maxDrop: 0.02", "maxDrop: 2"),
                        f -> f.at(SUITE, "maxDrop: |2") + ": gate.maxDrop: 2 is out of range: the largest tolerated "
                                + "drop is a fraction from 0 to below 1 (0.02 is two points)"),
                one("gate alpha of zero", f -> replace(f, SUITE, "maxDrop: 0.02", "maxDrop: 0.02\n  alpha: 0"),
                        f -> f.at(SUITE, "alpha: |0") + ": gate.alpha: 0 is out of range: the significance level is "
                                + "above 0 and at most 0.5 (usually 0.05)"),
                one("gate baseline with spaces", f -> replace(f, SUITE, "baseline: last-passed", "baseline: the last one"),
                        f -> f.at(SUITE, "|the last one") + ": gate.baseline: expected a run id or last-passed, found "
                                + "text 'the last one'"),
                one("gate key unknown", f -> replace(f, SUITE, "maxDrop: 0.02", "maxDrop: 0.02\n  minN: 30"),
                        f -> f.at(SUITE, "|minN") + ": warning: gate: unknown key 'minN' is ignored"));
    }

    private static final String SUPPORTED = "answer-relevance, contains, contains-all, contains-any, contains-json, "
            + "context-faithfulness, context-recall, context-relevance, cost, equals, "
            + "icontains, icontains-all, icontains-any, is-json, javascript, latency, levenshtein, llm-rubric, python, "
            + "regex, similar, "
            + "starts-with, word-count (each also as not-<type>)";

    private SuiteFixture validSuite() {
        SuiteFixture f = new SuiteFixture(temp, SuiteFixture.registry(Map.of("triage@1", "Triage {{alert}}")));
        f.write(SUITE, VALID_SUITE);
        f.write(CSV, VALID_CSV);
        f.write(PROMPT, "Classify this alert as P1 to P4: {{alert}}\n");
        return f;
    }

    @Test
    void theValidSuiteHasNoProblemAtAll() {
        SuiteLoadResult result = validSuite().load(SUITE);
        assertThat(SuiteFixture.lines(result)).isEmpty();
        assertThat(result.suite().orElseThrow().tests()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBreakReportsExactlyItsProblem(Case broken) {
        SuiteFixture f = validSuite();
        broken.edit().accept(f);
        SuiteLoadResult result = f.load(SUITE);
        String expected = broken.expected().apply(f);
        assertThat(SuiteFixture.lines(result)).containsExactly(expected);
        assertThat(result.suite().isPresent()).as("a suite is returned only without errors")
                .isEqualTo(expected.contains(": warning: "));
    }
}
