package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.stats.DropScale;
import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.llm.ModelOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each feature of the suite format, one small suite in a temporary folder at a time. */
class SuiteLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private SuiteFixture fixture() {
        return new SuiteFixture(temp);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aMinimalInlineSuiteBecomesTheModel() {
        SuiteFixture f = fixture();
        SuiteLoadResult result = f.load("suite.yaml", """
                description: Disk alerts
                prompts: "Classify this alert: {{alert}}"
                providers: ollama:chat:qwen2.5:0.5b
                tests:
                  - description: root volume full
                    vars:
                      alert: "web-03: / at 99%"
                    assert:
                      - type: icontains
                        value: P1
                """);
        assertThat(SuiteFixture.lines(result)).isEmpty();
        assertThat(result.valid()).isTrue();
        EvalSuite suite = result.suite().orElseThrow();
        assertThat(suite.file()).isEqualTo(temp.resolve("suite.yaml"));
        assertThat(suite.description()).isEqualTo("Disk alerts");
        assertThat(suite.prompts()).singleElement().satisfies(p -> {
            assertThat(p.template()).isEqualTo("Classify this alert: {{alert}}");
            assertThat(p.reference()).isNull();
            assertThat(p.origin()).isEqualTo(f.at("suite.yaml", "|\"Classify"));
            assertThat(p.registered()).isEmpty();
        });
        assertThat(suite.providers()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProviderSpec.Kind.CHAT);
            assertThat(p.model()).isEqualTo("qwen2.5:0.5b");
            assertThat(p.options()).isEqualTo(ModelOptions.DEFAULTS);
            assertThat(p.label()).isEqualTo("ollama:chat:qwen2.5:0.5b");
        });
        TestCase test = suite.tests().get(0);
        assertThat(test.description()).isEqualTo("root volume full");
        assertThat(test.vars()).containsExactly(Map.entry("alert", "web-03: / at 99%"));
        assertThat(test.assertions()).singleElement().isEqualTo(new AssertionSpec("icontains", false,
                json("\"P1\""), null, 1.0, null, f.at("suite.yaml", "- |type: icontains"), null));
        assertThat(test.threshold()).isNull();
        assertThat(test.cluster()).isNull();
        assertThat(test.judge()).isEqualTo(JudgeSpec.NONE);
        assertThat(test.origin()).isEqualTo(f.name("suite.yaml") + ":5");
        assertThat(test.key()).isEqualTo(ItemKeys.of("root volume full", Map.of("alert", "web-03: / at 99%")));
        assertThat(suite.maxConcurrency()).isEqualTo(4);
        assertThat(suite.repeat()).isEqualTo(1);
        assertThat(suite.gate()).isEmpty();
    }

    @Test
    void promptsComeInlineFromFilesAndFromTheRegistry() {
        SuiteFixture f = new SuiteFixture(temp, SuiteFixture.registry(Map.of(
                "triage@1", "old {{alert}}", "triage@2", "Triage: {{alert}}")));
        f.write("prompts/two.txt", "First version: {{alert}}\n---\n\nSecond version: {{alert}}\n");
        f.write("prompts/one.md", "# Role\nYou triage alerts.\n\n{{alert}}\n");
        f.write("prompts/chat.json", """
                [
                	{"role": "system", "content": "You triage alerts."},
                	{"role": "user", "content": "{{alert}}"}
                ]
                """);
        f.write("prompts/chat.yaml", "- role: user\n  content: \"{{alert}}\"\n");
        EvalSuite suite = f.suite("suite.yaml", """
                prompts:
                  - "Inline: {{alert}}"
                  - file://prompts/two.txt
                  - id: file://prompts/one.md
                    label: markdown
                  - raw: "Raw: {{alert}}"
                    label: raw one
                  - prompt://triage@2
                  - file://prompts/chat.json
                  - prompts/../prompts/chat.yaml
                  - file://prompts/chat.yaml
                providers: [ollama:chat:qwen2.5:0.5b]
                tests:
                  - vars: {alert: x}
                """);
        assertThat(suite.prompts()).extracting(PromptSource::label).containsExactly("Inline: {{alert}}",
                "file://prompts/two.txt #1", "file://prompts/two.txt #2", "markdown", "raw one", "triage@2",
                "file://prompts/chat.json", "prompts/../prompts/chat.yaml", "file://prompts/chat.yaml");
        assertThat(suite.prompts()).extracting(PromptSource::template).containsExactly("Inline: {{alert}}",
                "First version: {{alert}}", "Second version: {{alert}}", "# Role\nYou triage alerts.\n\n{{alert}}",
                "Raw: {{alert}}", "Triage: {{alert}}",
                "[\n\t{\"role\": \"system\", \"content\": \"You triage alerts.\"},\n\t{\"role\": \"user\", "
                        + "\"content\": \"{{alert}}\"}\n]",
                "[{\"role\":\"user\",\"content\":\"{{alert}}\"}]", "[{\"role\":\"user\",\"content\":\"{{alert}}\"}]");
        assertThat(suite.prompts()).extracting(PromptSource::reference).containsExactly(null,
                "file://prompts/two.txt", "file://prompts/two.txt", "file://prompts/one.md", null,
                "prompt://triage@2", "file://prompts/chat.json", "file://prompts/../prompts/chat.yaml",
                "file://prompts/chat.yaml");
        PromptSource registered = suite.prompts().get(5);
        assertThat(registered.registered()).hasValueSatisfying(v -> assertThat(v.label()).isEqualTo("triage@2"));
        assertThat(registered.origin()).isEqualTo(f.at("suite.yaml", "|prompt://triage@2"));
    }

    @Test
    void aPromptThatLooksLikeAPathIsAFileAsInPromptfooOrTextWithAWarning() {
        SuiteFixture f = fixture();
        f.write("v1.txt", "From the file: {{q}}\n");
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts:
                  - v1.txt
                  - "What is 2/3 of {{q}}?"
                  - "Say hello to {{q}}"
                providers: ollama:chat:qwen2.5:0.5b
                tests: [{vars: {q: x}}]
                """);
        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|\"What is")
                + ": warning: prompts[1]: 'What is 2/3 of {{q}}?' looks like a file path but no such file exists, "
                + "so it is sent as prompt text; write file:// to name a file, or raw: for text");
        assertThat(result.suite().orElseThrow().prompts()).extracting(PromptSource::template)
                .containsExactly("From the file: {{q}}", "What is 2/3 of {{q}}?", "Say hello to {{q}}");
        assertThat(SuiteReader.looksLikePath("prompts/v1.txt")).isTrue();
        assertThat(SuiteReader.looksLikePath("v1.yaml")).isTrue();
        assertThat(SuiteReader.looksLikePath("two\nlines/with.txt")).isFalse();
    }

    @Test
    void anUnpinnedRegistryPromptTakesTheNewestVersionWithAWarning() {
        SuiteFixture f = new SuiteFixture(temp, SuiteFixture.registry(Map.of("triage@1", "a {{x}}", "triage@3",
                "c {{x}}")));
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: prompt://triage
                providers: ollama:chat:qwen2.5:0.5b
                tests: [{vars: {x: 1}}]
                """);
        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|prompt://triage")
                + ": warning: prompts: 'prompt://triage' is not pinned to a version, so each run takes whatever "
                + "version is newest and runs stop being comparable; write prompt://triage@<version>");
        assertThat(result.suite().orElseThrow().prompts().get(0).label()).isEqualTo("triage@3");
    }

    @Test
    void theRegistryResolverReadsTheWorkbenchsPromptRegistry() {
        SuiteFixture files = fixture();
        try (dev.aiworkbench.store.Database database = dev.aiworkbench.store.Database.open(temp.resolve("workbench.db"))) {
            dev.aiworkbench.prompts.PromptRegistry registry = new dev.aiworkbench.prompts.PromptRegistry(database,
                    java.time.Clock.systemUTC());
            registry.save("triage", dev.aiworkbench.prompts.PromptContent.of("v1 {{alert}}"), "tester", "");
            registry.save("triage", new dev.aiworkbench.prompts.PromptContent("v2 {{alert}}", "You triage.",
                    null, null, null), "tester", "");
            SuiteFixture f = new SuiteFixture(temp, new RegistryPromptResolver(registry));
            f.write("suite.yaml", """
                    prompts: [prompt://triage@1, prompt://triage@2, prompt://triage@3]
                    providers: ollama:chat:qwen2.5:0.5b
                    tests: [{vars: {alert: x}}]
                    """);
            SuiteLoadResult result = f.load("suite.yaml");
            assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|prompt://triage@3")
                    + ": prompts[2]: triage has versions 1 to 2, so there is no triage@3; leave the version off for "
                    + "the latest");
            EvalSuite suite = f.suite("suite.yaml", """
                    prompts: [prompt://triage@1, prompt://triage@2]
                    providers: ollama:chat:qwen2.5:0.5b
                    tests: [{vars: {alert: x}}]
                    """);
            assertThat(suite.prompts()).extracting(PromptSource::template).containsExactly("v1 {{alert}}",
                    "v2 {{alert}}");
            assertThat(suite.prompts()).extracting(PromptSource::system).containsExactly("", "You triage.");
            assertThat(suite.prompts()).extracting(PromptSource::reference).containsExactly("prompt://triage@1",
                    "prompt://triage@2");
        }
        SuiteLoadResult none = files.load("suite.yaml");
        assertThat(SuiteFixture.lines(none)).containsExactly(files.at("suite.yaml", "|prompt://triage@1")
                + ": prompts[0]: no prompt registry is open here, so prompt://triage@1 cannot be looked up",
                files.at("suite.yaml", "|prompt://triage@2")
                + ": prompts[1]: no prompt registry is open here, so prompt://triage@2 cannot be looked up");
    }

    @Test
    void providersAreStringsObjectsOrPromptfoosMapFormWithOptions() {
        SuiteFixture f = fixture();
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: "{{q}}"
                providers:
                  - ollama:completion:llama3.2:1b
                  - id: ollama:chat:qwen2.5:0.5b
                    label: small qwen
                    config:
                      temperature: 0
                      top_p: 0.9
                      top_k: 40
                      seed: 42
                      num_predict: 256
                      num_ctx: 4096
                      stop: ["\\n\\n", "END"]
                      keep_alive: 0
                  - ollama:chat:phi3:mini:
                      config: {temperature: 0.2, stop: "###"}
                  - ollama:llama3.2
                tests: [{vars: {q: hi}}]
                """);
        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|keep_alive")
                + ": warning: providers[1].config: option 'keep_alive' is not sent by this runner and is ignored; "
                + "it sends temperature, top_p, top_k, seed, num_predict, num_ctx, stop");
        List<ProviderSpec> providers = result.suite().orElseThrow().providers();
        assertThat(providers).extracting(ProviderSpec::kind).containsExactly(ProviderSpec.Kind.COMPLETION,
                ProviderSpec.Kind.CHAT, ProviderSpec.Kind.CHAT, ProviderSpec.Kind.COMPLETION);
        assertThat(providers).extracting(ProviderSpec::model).containsExactly("llama3.2:1b", "qwen2.5:0.5b",
                "phi3:mini", "llama3.2");
        assertThat(providers).extracting(ProviderSpec::label).containsExactly("ollama:completion:llama3.2:1b",
                "small qwen", "ollama:chat:phi3:mini", "ollama:llama3.2");
        assertThat(providers.get(1).options()).isEqualTo(new ModelOptions(0.0, 0.9, 40, 42, 256, 4096,
                List.of("\n\n", "END")));
        assertThat(providers.get(2).options()).isEqualTo(new ModelOptions(0.2, null, null, null, null, null,
                List.of("###")));
        assertThat(providers.get(2).origin()).isEqualTo(f.at("suite.yaml", "|ollama:chat:phi3"));
    }

    @Test
    void targetsIsPromptfoosOtherNameForProviders() {
        EvalSuite suite = fixture().suite("suite.yaml", """
                prompts: "{{q}}"
                targets: [ollama:chat:qwen2.5:0.5b]
                tests: [{vars: {q: hi}}]
                """);
        assertThat(suite.providers()).extracting(ProviderSpec::model).containsExactly("qwen2.5:0.5b");
    }

    private static final String HEAD = """
            prompts: "Severity of: {{alert}}"
            providers: ollama:chat:qwen2.5:0.5b
            """;

    @Test
    void testsFilesInEveryFormatGiveTheSameItems() {
        SuiteFixture f = fixture();
        f.write("t.yaml", """
                - description: disk full
                  vars: {alert: "db-01 disk 99%", team: storage}
                  assert: [{type: contains, value: P1}]
                - description: slow page
                  vars: {alert: "p95 2.1s", team: web}
                  assert: [{type: contains, value: P3}]
                """);
        f.write("t.json", """
                [
                	{"description": "disk full", "vars": {"alert": "db-01 disk 99%", "team": "storage"},
                	 "assert": [{"type": "contains", "value": "P1"}]},
                	{"description": "slow page", "vars": {"alert": "p95 2.1s", "team": "web"},
                	 "assert": [{"type": "contains", "value": "P3"}]}
                ]
                """);
        f.write("t.jsonl", """
                {"description": "disk full", "vars": {"alert": "db-01 disk 99%", "team": "storage"}, "assert": [{"type": "contains", "value": "P1"}]}

                {"description": "slow page", "vars": {"alert": "p95 2.1s", "team": "web"}, "assert": [{"type": "contains", "value": "P3"}]}
                """);
        f.write("t.csv", "__description,alert,team,__expected\r\ndisk full,db-01 disk 99%,storage,contains:P1\r\n"
                + "slow page,p95 2.1s,web,contains:P3\r\n");
        List<List<TestCase>> all = List.of("tests: file://t.yaml", "tests: t.json", "tests: [file://t.jsonl]",
                "tests: file://t.csv").stream().map(line -> f.suite("suite.yaml", HEAD + line + "\n").tests()).toList();
        for (List<TestCase> tests : all) {
            assertThat(tests).extracting(TestCase::key).isEqualTo(all.get(0).stream().map(TestCase::key).toList());
            assertThat(tests).extracting(TestCase::vars).containsExactly(
                    Map.of("alert", "db-01 disk 99%", "team", "storage"), Map.of("alert", "p95 2.1s", "team", "web"));
            assertThat(tests).extracting(t -> t.assertions().get(0).value().asText()).containsExactly("P1", "P3");
        }
        assertThat(all.get(0)).extracting(TestCase::origin).containsExactly(f.name("t.yaml") + ":1",
                f.name("t.yaml") + ":4");
        assertThat(all.get(1)).extracting(TestCase::origin).containsExactly(f.name("t.json") + ":2",
                f.name("t.json") + ":4");
        assertThat(all.get(2)).extracting(TestCase::origin).containsExactly(f.name("t.jsonl") + ":1",
                f.name("t.jsonl") + ":3");
        assertThat(all.get(3)).extracting(TestCase::origin).containsExactly(f.name("t.csv") + ":2",
                f.name("t.csv") + ":3");
        assertThat(all.get(3).get(1).assertions().get(0).origin()).isEqualTo(f.at("t.csv", "|contains:P3"));
    }

    @Test
    void inlineTestsAndTestFilesMixInOneList() {
        SuiteFixture f = fixture();
        f.write("more.csv", "alert\nqueue lag\n");
        EvalSuite suite = f.suite("suite.yaml", HEAD + """
                tests:
                  - vars: {alert: first}
                  - file://more.csv
                  - vars: {alert: last}
                """);
        assertThat(suite.tests()).extracting(t -> t.vars().get("alert")).containsExactly("first", "queue lag", "last");
    }

    @Test
    void csvCellsHoldPromptfoosCompactAssertions() {
        SuiteFixture f = fixture();
        f.write("t.csv", """
                __description,alert,__expected,__expected1,__expected2,__expected3,__threshold,__metric,__cluster,__metadata:owner
                one,"disk, full",contains:P1,icontains:disk,"similar(0.7):the disk is full",,0.5,sev,storage,ana
                two,"say ""hi""\",P2,not-contains:P1,similar:close enough,"contains-any:P1, P2 ,P3",,,,
                three,x,"is-json:{required: [severity], properties: {severity: {const: P3}}}",grade:is polite,Paris: capital,"not-icontains-all:a,b",,,,
                """);
        EvalSuite suite = f.suite("suite.yaml", HEAD + """
                defaultTest:
                  options:
                    provider:
                      text: {id: ollama:chat:qwen2.5:1.5b}
                      embedding: {id: ollama:embeddings:nomic-embed-text}
                tests: file://t.csv
                """);
        List<TestCase> tests = suite.tests();
        TestCase one = tests.get(0);
        assertThat(one.description()).isEqualTo("one");
        assertThat(one.vars()).containsExactly(Map.entry("alert", "disk, full"));
        assertThat(one.threshold()).isEqualTo(0.5);
        assertThat(one.cluster()).isEqualTo("storage");
        assertThat(one.metadata()).containsExactly(Map.entry("owner", "ana"));
        assertThat(one.assertions()).extracting(AssertionSpec::writtenType, a -> a.value().asText(),
                AssertionSpec::threshold, AssertionSpec::metric).containsExactly(
                org.assertj.core.groups.Tuple.tuple("contains", "P1", null, "sev"),
                org.assertj.core.groups.Tuple.tuple("icontains", "disk", null, "sev"),
                org.assertj.core.groups.Tuple.tuple("similar", "the disk is full", 0.7, "sev"));
        TestCase two = tests.get(1);
        assertThat(two.vars()).containsExactly(Map.entry("alert", "say \"hi\""));
        assertThat(two.threshold()).isNull();
        assertThat(two.assertions()).extracting(AssertionSpec::writtenType).containsExactly("equals", "not-contains",
                "similar", "contains-any");
        assertThat(two.assertions().get(0).value()).isEqualTo(json("\"P2\""));
        assertThat(two.assertions().get(1).negated()).isTrue();
        assertThat(two.assertions().get(2).threshold()).isEqualTo(0.8);
        assertThat(two.assertions().get(3).value()).isEqualTo(json("[\"P1\",\"P2\",\"P3\"]"));
        TestCase three = tests.get(2);
        assertThat(three.assertions()).extracting(AssertionSpec::writtenType).containsExactly("is-json",
                "llm-rubric", "equals", "not-icontains-all");
        assertThat(three.assertions().get(0).value()).isEqualTo(json(
                "{\"required\":[\"severity\"],\"properties\":{\"severity\":{\"const\":\"P3\"}}}"));
        assertThat(three.assertions().get(1).value().asText()).isEqualTo("is polite");
        assertThat(three.assertions().get(2).value().asText()).isEqualTo("Paris: capital");
        assertThat(three.assertions().get(3).value()).isEqualTo(json("[\"a\",\"b\"]"));
    }

    @Test
    void varsExpandListsIntoCasesAndReadFiles() {
        SuiteFixture f = fixture();
        f.write("context/runbook.md", "Roll back with `deploy rollback`.\n");
        f.write("context/owners.yaml", "db: storage-team\nweb: web-team\n");
        EvalSuite suite = f.suite("suite.yaml", HEAD + """
                tests:
                  - description: grid
                    vars:
                      alert: [disk full, cpu hot]
                      host: [db-01, db-02, db-03]
                      count: 3
                      paging: true
                      labels: {env: prod}
                      ratios: [0.5, 1]
                      runbook: file://context/runbook.md
                      owners: file://context/owners.yaml
                  - description: kept whole
                    vars: {alert: [a, b]}
                    options: {disableVarExpansion: true}
                """);
        List<TestCase> tests = suite.tests();
        assertThat(tests).hasSize(7);
        assertThat(tests.subList(0, 6)).extracting(t -> t.vars().get("alert") + "@" + t.vars().get("host"))
                .containsExactly("disk full@db-01", "disk full@db-02", "disk full@db-03", "cpu hot@db-01",
                        "cpu hot@db-02", "cpu hot@db-03");
        assertThat(tests.get(0).vars()).containsExactly(Map.entry("alert", "disk full"), Map.entry("host", "db-01"),
                Map.entry("count", "3"), Map.entry("paging", "true"), Map.entry("labels", "{\"env\":\"prod\"}"),
                Map.entry("ratios", "[0.5,1]"), Map.entry("runbook", "Roll back with `deploy rollback`.\n"),
                Map.entry("owners", "{\"db\":\"storage-team\",\"web\":\"web-team\"}"));
        assertThat(tests.subList(0, 6)).extracting(TestCase::key).doesNotHaveDuplicates();
        assertThat(tests.get(6).vars()).containsExactly(Map.entry("alert", "[\"a\",\"b\"]"));
    }

    @Test
    void aVarWithoutValueRendersEmptyWithAWarning() {
        SuiteFixture f = fixture();
        SuiteLoadResult result = f.load("suite.yaml", HEAD + """
                tests:
                  - vars:
                      alert:
                """);
        assertThat(SuiteFixture.lines(result)).isEmpty();
        f.write("suite.yaml", HEAD + """
                tests:
                  - vars:
                      alert: null
                """);
        result = f.load("suite.yaml");
        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|alert: null")
                + ": warning: tests[0].vars.alert: has no value, so it renders as empty text");
        assertThat(result.suite().orElseThrow().tests().get(0).vars()).containsExactly(Map.entry("alert", ""));
    }

    @Test
    void defaultTestMergesIntoEveryTestAsPromptfooDoes() {
        SuiteFixture f = fixture();
        EvalSuite suite = f.suite("suite.yaml", HEAD + """
                defaultTest:
                  vars: {team: sre, alert: default alert}
                  threshold: 0.75
                  metadata: {suite: triage, owner: ana}
                  options:
                    provider:
                      text:
                        id: ollama:chat:qwen2.5:1.5b
                        config: {temperature: 0, seed: 1}
                      embedding:
                        id: ollama:embeddings:nomic-embed-text
                  assert:
                    - type: is-json
                    - type: latency
                      threshold: 8000
                      weight: 0
                      metric: latency_ms
                tests:
                  - description: uses the defaults
                    vars: {alert: disk full}
                    assert:
                      - type: llm-rubric
                        value: names the host
                        weight: 0.5
                  - description: overrides them
                    vars: {team: dba}
                    threshold: 1
                    metadata: {owner: bo}
                    options:
                      provider: ollama:chat:llama3.2:1b
                """);
        TestCase first = suite.tests().get(0);
        TestCase second = suite.tests().get(1);
        assertThat(first.vars()).containsExactly(Map.entry("team", "sre"), Map.entry("alert", "disk full"));
        assertThat(second.vars()).containsExactly(Map.entry("team", "dba"), Map.entry("alert", "default alert"));
        assertThat(first.assertions()).extracting(AssertionSpec::type).containsExactly("is-json", "latency",
                "llm-rubric");
        assertThat(first.assertions().get(1)).isEqualTo(new AssertionSpec("latency", false, null, 8000.0, 0.0,
                "latency_ms", f.at("suite.yaml", "- |type: latency"), null));
        assertThat(first.assertions().get(2).weight()).isEqualTo(0.5);
        assertThat(second.assertions()).extracting(AssertionSpec::type).containsExactly("is-json", "latency");
        assertThat(first.threshold()).isEqualTo(0.75);
        assertThat(second.threshold()).isEqualTo(1.0);
        assertThat(first.metadata()).containsExactly(Map.entry("suite", "triage"), Map.entry("owner", "ana"));
        assertThat(second.metadata()).containsExactly(Map.entry("suite", "triage"), Map.entry("owner", "bo"));
        assertThat(first.judge().text().model()).isEqualTo("qwen2.5:1.5b");
        assertThat(first.judge().text().options()).isEqualTo(new ModelOptions(0.0, null, null, 1, null, null, null));
        assertThat(first.judge().embedding().kind()).isEqualTo(ProviderSpec.Kind.EMBEDDING);
        assertThat(first.judge().embedding().model()).isEqualTo("nomic-embed-text");
        // promptfoo merges options shallowly: the test's provider replaces the default's, embedding included
        assertThat(second.judge()).isEqualTo(new JudgeSpec(second.judge().text(), null));
        assertThat(second.judge().text().model()).isEqualTo("llama3.2:1b");
        assertThat(suite.judge()).isEqualTo(first.judge());
    }

    @Test
    void aJudgeMayBeAPlainStringAnObjectOrAnEmbeddingId() {
        SuiteFixture f = fixture();
        for (String provider : List.of("ollama:chat:qwen2.5:1.5b", "{id: ollama:chat:qwen2.5:1.5b}",
                "{text: ollama:chat:qwen2.5:1.5b}")) {
            EvalSuite suite = f.suite("suite.yaml", HEAD + "defaultTest:\n  options:\n    provider: " + provider
                    + "\ntests: [{vars: {alert: x}}]\n");
            assertThat(suite.judge().text().id()).as(provider).isEqualTo("ollama:chat:qwen2.5:1.5b");
            assertThat(suite.judge().embedding()).as(provider).isNull();
        }
        EvalSuite embedding = f.suite("suite.yaml", HEAD + """
                defaultTest: {options: {provider: ollama:embeddings:nomic-embed-text}}
                tests: [{vars: {alert: x}, assert: [{type: similar, value: disk full, threshold: 0.8}]}]
                """);
        assertThat(embedding.judge()).isEqualTo(new JudgeSpec(null, embedding.judge().embedding()));
        assertThat(embedding.judge().embedding().model()).isEqualTo("nomic-embed-text");
    }

    @Test
    void defaultTestMayLiveInItsOwnFile() {
        SuiteFixture f = fixture();
        f.write("defaults.yaml", "vars: {team: sre}\nassert:\n  - type: is-json\n");
        EvalSuite suite = f.suite("suite.yaml", HEAD + "defaultTest: file://defaults.yaml\ntests: [{vars: {alert: x}}]\n");
        assertThat(suite.tests().get(0).vars()).containsEntry("team", "sre");
        assertThat(suite.tests().get(0).assertions().get(0).origin()).isEqualTo(f.at("defaults.yaml", "|type: is-json"));
    }

    @Test
    void evaluateOptionsRepeatAndGate() {
        SuiteFixture f = fixture();
        EvalSuite suite = f.suite("suite.yaml", HEAD + """
                tests: [{vars: {alert: x}}]
                evaluateOptions:
                  maxConcurrency: 2
                  repeat: 3
                repeat: 3
                gate:
                  baseline: run-20250101-7f3a
                  maxDrop: 0.05
                  alpha: 0.01
                  mode: non-inferiority
                """);
        assertThat(suite.maxConcurrency()).isEqualTo(2);
        assertThat(suite.repeat()).isEqualTo(3);
        assertThat(suite.gate()).contains(new GateSpec("run-20250101-7f3a", 0.05, 0.01, GateMode.NON_INFERIORITY));

        EvalSuite defaults = f.suite("suite.yaml", HEAD + "tests: [{vars: {alert: x}}]\nrepeat: 5\ngate: {}\n");
        assertThat(defaults.repeat()).isEqualTo(5);
        assertThat(defaults.gate()).contains(GateSpec.defaults());
        assertThat(defaults.gate().orElseThrow().baselineIsLastPassed()).isTrue();
        assertThat(GateSpec.defaults()).isEqualTo(new GateSpec("last-passed", 0.02, 0.05, GateMode.SIGNIFICANT_DROP));
    }

    @Test
    void theGateTakesADropInPointsOrRelativeToTheBaselineButNotBoth() {
        SuiteFixture f = fixture();
        EvalSuite relative = f.suite("suite.yaml", HEAD + "tests: [{vars: {alert: x}}]\ngate: {maxRelativeDrop: 0.02}\n");
        assertThat(relative.gate()).contains(new GateSpec("last-passed", 0.02, DropScale.RELATIVE, 0.05,
                GateMode.SIGNIFICANT_DROP));
        EvalSuite points = f.suite("suite.yaml", HEAD + "tests: [{vars: {alert: x}}]\ngate: {maxDrop: 0.02}\n");
        assertThat(points.gate().orElseThrow().scale()).isEqualTo(DropScale.POINTS);

        SuiteLoadResult both = f.load("suite.yaml", HEAD
                + "tests: [{vars: {alert: x}}]\ngate: {maxDrop: 0.02, maxRelativeDrop: 0.02}\n");
        assertThat(SuiteFixture.lines(both)).anySatisfy(line -> assertThat(line)
                .contains(": gate.maxRelativeDrop: the gate has both maxDrop and maxRelativeDrop; keep one"));
        assertThat(both.suite()).isEmpty();
        SuiteLoadResult outOfRange = f.load("suite.yaml", HEAD + "tests: [{vars: {alert: x}}]\ngate: {maxRelativeDrop: 2}\n");
        assertThat(SuiteFixture.lines(outOfRange)).anySatisfy(line -> assertThat(line)
                .contains("gate.maxRelativeDrop: 2 is out of range", "(0.02 is 2% of the baseline's pass rate)"));
    }

    @Test
    void itemKeysFollowTheDocumentedRecipe() throws Exception {
        String canonical = "d9:disk full" + "n4:hostv5:db-01" + "n5:levelv2:P1";
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        assertThat(ItemKeys.of("disk full", new java.util.LinkedHashMap<>(Map.of("level", "P1", "host", "db-01"))))
                .isEqualTo("disk-full-" + hash);
        assertThat(ItemKeys.of(null, Map.of())).isEqualTo(ItemKeys.of("", Map.of())).startsWith("case-");
        assertThat(ItemKeys.of("!!!", Map.of())).startsWith("case-");
        assertThat(ItemKeys.slug("Payments API returns 502 for every checkout request in eu-west-1"))
                .isEqualTo("payments-api-returns-502-for-every");
        // the length prefixes keep texts that concatenate alike apart
        assertThat(ItemKeys.of("a", Map.of("b", "c"))).isNotEqualTo(ItemKeys.of("a", Map.of("bc", "")));
    }

    @Test
    void itemKeysSurviveReorderingAndAssertionEditsButNotVarEdits() {
        SuiteFixture f = fixture();
        List<TestCase> before = f.suite("suite.yaml", HEAD + """
                tests:
                  - {description: a, vars: {alert: one}, assert: [{type: contains, value: P1}]}
                  - {description: b, vars: {alert: two}}
                """).tests();
        List<TestCase> after = f.suite("suite.yaml", HEAD + """
                tests:
                  - {description: b, vars: {alert: two}, threshold: 0.5, cluster: c1}
                  - {description: a, vars: {alert: one}, assert: [{type: contains, value: P2}]}
                  - {description: a, vars: {alert: one!}}
                """).tests();
        assertThat(after.get(0).key()).isEqualTo(before.get(1).key());
        assertThat(after.get(1).key()).isEqualTo(before.get(0).key());
        assertThat(after.get(2).key()).isNotEqualTo(before.get(0).key());
    }

    @Test
    void duplicateItemsBothRunAndTheLaterKeyIsSuffixed() {
        SuiteFixture f = fixture();
        SuiteLoadResult result = f.load("suite.yaml", HEAD + """
                tests:
                  - {description: same, vars: {alert: x}}
                  - {description: same, vars: {alert: x}, assert: [{type: contains, value: P1}]}
                """);
        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|{description: same, vars: {alert: x}, assert")
                + ": warning: a test with the same description and vars comes earlier (at " + f.name("suite.yaml")
                + ":4); both run, and this one's item key gets the suffix ~2");
        List<TestCase> tests = result.suite().orElseThrow().tests();
        assertThat(tests.get(1).key()).isEqualTo(tests.get(0).key() + "~2");
    }

    @Test
    void theKnownAssertionTypesComeFromASupplier() {
        SuiteFixture f = fixture();
        String suite = HEAD + "tests: [{vars: {alert: x}, assert: [{type: rouge-n, value: disk full}]}]\n";
        f.write("suite.yaml", suite);
        SuiteLoadResult wider = new SuiteLoader(PromptResolver.none(), () -> Set.of("contains", "rouge-n"))
                .load(temp.resolve("suite.yaml"));
        assertThat(SuiteFixture.lines(wider)).isEmpty();
        assertThat(wider.suite().orElseThrow().tests().get(0).assertions().get(0).type()).isEqualTo("rouge-n");

        SuiteLoadResult narrower = new SuiteLoader(PromptResolver.none(), () -> Set.of("contains"))
                .load(temp.resolve("suite.yaml"));
        assertThat(SuiteFixture.lines(narrower)).containsExactly(f.at("suite.yaml", "type: |rouge-n")
                + ": tests[0].assert[0].type: 'rouge-n' is a promptfoo assertion this runner does not evaluate; "
                + "it evaluates contains (each also as not-<type>)");
    }

    @Test
    void everyRunnerAssertionTypeLoadsWithATypicalValue() {
        SuiteFixture f = fixture();
        f.write("schema.json", "{\"type\": \"object\", \"required\": [\"severity\"]}");
        EvalSuite suite = f.suite("suite.yaml", HEAD + """
                defaultTest:
                  options:
                    provider: {text: ollama:chat:qwen2.5:1.5b, embedding: ollama:embeddings:nomic-embed-text}
                tests:
                  - vars: {alert: x, query: 'What broke?', context: The disk on db-01 is full.}
                    assert:
                      - {type: equals, value: {severity: P1}}
                      - {type: contains, value: P1}
                      - {type: not-icontains, value: unknown}
                      - {type: contains-any, value: "P1, P2"}
                      - {type: contains-all, value: [severity, reason]}
                      - {type: icontains-any, value: [disk, volume]}
                      - {type: icontains-all, value: [db-01]}
                      - {type: starts-with, value: "{"}
                      - {type: regex, value: "P[1-4]"}
                      - {type: is-json, value: file://schema.json}
                      - {type: contains-json, value: "{required: [reason]}"}
                      - {type: levenshtein, value: P1, threshold: 2}
                      - {type: word-count, value: {min: 3, max: 40}}
                      - {type: latency, threshold: 3000}
                      - {type: cost, threshold: 0.01}
                      - {type: similar, value: [disk full, volume full], threshold: 0.8}
                      - {type: llm-rubric, value: names the host}
                      - {type: context-faithfulness, threshold: 0.9}
                      - {type: context-recall, value: the disk is full, threshold: 0.9}
                      - {type: context-relevance, threshold: 0.3}
                      - {type: answer-relevance, threshold: 0.8}
                      - {type: javascript, value: "output.includes('P1')"}
                """);
        List<AssertionSpec> specs = suite.tests().get(0).assertions();
        assertThat(specs).extracting(AssertionSpec::writtenType).containsExactly("equals", "contains", "not-icontains",
                "contains-any", "contains-all", "icontains-any", "icontains-all", "starts-with", "regex", "is-json",
                "contains-json", "levenshtein", "word-count", "latency", "cost", "similar", "llm-rubric",
                "context-faithfulness", "context-recall", "context-relevance", "answer-relevance", "javascript");
        assertThat(specs.get(9).value()).isEqualTo(json("{\"type\":\"object\",\"required\":[\"severity\"]}"));
        assertThat(specs.get(10).value()).isEqualTo(json("{\"required\":[\"reason\"]}"));
        assertThat(AssertionTypes.RUNNER).hasSize(23);
    }

    @Test
    void theSuiteFolderBoundsWhatASuiteMayRead() throws Exception {
        SuiteFixture f = fixture();
        Path outside = java.nio.file.Files.writeString(temp.resolveSibling(temp.getFileName() + "-secret.txt"),
                "secret");
        try {
            java.nio.file.Files.createDirectories(temp.resolve("suites"));
            java.nio.file.Files.createSymbolicLink(temp.resolve("suites/link.txt"), outside);
            SuiteFixture inner = new SuiteFixture(temp.resolve("suites"));
            SuiteLoadResult result = inner.load("suite.yaml", """
                    prompts:
                      - file://../%s
                      - file://link.txt
                      - file://%s
                    providers: ollama:chat:qwen2.5:0.5b
                    tests: [{vars: {x: 1}}]
                    """.formatted(outside.getFileName(), outside));
            assertThat(SuiteFixture.lines(result)).containsExactly(
                    inner.at("suite.yaml", "|file://../") + ": prompts[0]: 'file://../" + outside.getFileName()
                            + "' leaves the suite's folder; a suite reads only files beside it or below it",
                    inner.at("suite.yaml", "|file://link.txt") + ": prompts[1]: 'file://link.txt' goes through the "
                            + "symbolic link " + inner.name("link.txt") + "; links are refused, so that a suite "
                            + "cannot read outside its folder",
                    inner.at("suite.yaml", "|file:///") + ": prompts[2]: 'file://" + outside
                            + "' is an absolute path; name files relative to the suite's folder");
            assertThat(f.folder).exists();
        } finally {
            java.nio.file.Files.deleteIfExists(outside);
        }
    }

    @Test
    void filesOverTheSizeBoundAreRefused() {
        SuiteFixture f = fixture();
        f.write("big.txt", "x".repeat((int) SuiteFiles.MAX_FILE_BYTES + 1));
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: file://big.txt
                providers: ollama:chat:qwen2.5:0.5b
                tests: [{vars: {x: 1}}]
                """);
        assertThat(SuiteFixture.lines(result)).containsExactly(f.at("suite.yaml", "|file://big.txt")
                + ": prompts: 'file://big.txt' is larger than 4 MB, the most a suite file may hold");
        assertThat(result.suite()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        SuiteFixture f = fixture();
        SuiteLoadResult result = f.load("suite.yaml", """
                prompts: file://missing.txt
                providers: bedrock:titan
                tests:
                  - vars: {x: 1}
                    threshold: high
                    assert: [{type: contians, value: a}]
                gate: {mode: strict}
                """);
        assertThat(result.errorCount()).isEqualTo(5);
        assertThat(result.suite()).isEmpty();
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).isSortedAccordingTo(dev.aiworkbench.diagnostics.Problem.ORDER);
    }
}
