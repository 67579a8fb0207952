package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.llm.ModelOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** promptfoo configs in the documented shape load unchanged; what lies outside the subset is named. */
class PromptfooCompatibilityTest {
    @TempDir
    Path temp;

    /** A config as promptfoo's configuration reference lays one out, using only the supported subset. */
    static final String PROMPTFOO_CONFIG = """
            # yaml-language-server: $schema=https://promptfoo.dev/config-schema.json
            description: "Summarise on-call tickets"

            prompts:
              - file://prompts/summarise_v1.txt
              - file://prompts/summarise_v2.txt

            providers:
              - id: ollama:chat:llama3.2:1b
                config:
                  temperature: 0
                  num_predict: 300
                  seed: 1234
              - ollama:completion:qwen2.5:0.5b

            defaultTest:
              options:
                provider:
                  text:
                    id: ollama:chat:qwen2.5:1.5b
                    config:
                      temperature: 0
                  embedding:
                    id: ollama:embeddings:nomic-embed-text
              assert:
                - type: latency
                  threshold: 15000
                  weight: 0
                  metric: latency

            tests:
              - file://tests/tickets.csv
              - description: "Certificate expiry warning"
                vars:
                  ticket: "TLS certificate for api.internal expires in 6 days; auto-renew job failed twice."
                assert:
                  - type: icontains-all
                    value:
                      - certificate
                      - renew
                  - type: llm-rubric
                    value: "States the deadline and suggests a next step"
                    weight: 2
                  - type: similar
                    value: "The TLS certificate expires in six days because renewal keeps failing."
                    threshold: 0.7
                threshold: 0.6

            evaluateOptions:
              maxConcurrency: 2
            """;

    @Test
    void aDocumentedPromptfooConfigLoadsUnchanged() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("prompts/summarise_v1.txt", "Summarise this ticket in one sentence:\n{{ticket}}\n");
        f.write("prompts/summarise_v2.txt", "You are an SRE. Summarise the ticket below for the on-call log, "
                + "naming the affected system.\n\nTicket: {{ticket}}\n");
        f.write("tests/tickets.csv", """
                ticket,__expected1,__expected2,__description
                "Node pool 'batch' at 100% CPU for 40 minutes; jobs queueing",icontains:cpu,"similar(0.75):The batch node pool is saturated and jobs are waiting.",CPU saturation
                "Grafana shows 5xx rate at 12% on checkout after release 4.18",icontains:checkout,not-icontains:database,Error spike after release
                """);
        SuiteLoadResult result = f.load("promptfooconfig.yaml", PROMPTFOO_CONFIG);

        assertThat(SuiteFixture.lines(result)).isEmpty();
        EvalSuite suite = result.suite().orElseThrow();
        assertThat(suite.description()).isEqualTo("Summarise on-call tickets");
        assertThat(suite.prompts()).extracting(PromptSource::label)
                .containsExactly("file://prompts/summarise_v1.txt", "file://prompts/summarise_v2.txt");
        assertThat(suite.providers()).extracting(ProviderSpec::id)
                .containsExactly("ollama:chat:llama3.2:1b", "ollama:completion:qwen2.5:0.5b");
        assertThat(suite.providers().get(0).options()).isEqualTo(new ModelOptions(0.0, null, null, 1234, 300, null,
                List.of()));
        assertThat(suite.judge().text().model()).isEqualTo("qwen2.5:1.5b");
        assertThat(suite.judge().embedding().model()).isEqualTo("nomic-embed-text");
        assertThat(suite.maxConcurrency()).isEqualTo(2);
        assertThat(suite.tests()).extracting(TestCase::description)
                .containsExactly("CPU saturation", "Error spike after release", "Certificate expiry warning");
        assertThat(suite.tests()).allSatisfy(t -> assertThat(t.assertions().get(0).type()).isEqualTo("latency"));
        TestCase certificate = suite.tests().get(2);
        assertThat(certificate.assertions()).extracting(AssertionSpec::type, AssertionSpec::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("latency", 0.0),
                        org.assertj.core.groups.Tuple.tuple("icontains-all", 1.0),
                        org.assertj.core.groups.Tuple.tuple("llm-rubric", 2.0),
                        org.assertj.core.groups.Tuple.tuple("similar", 1.0));
        assertThat(certificate.threshold()).isEqualTo(0.6);
        assertThat(suite.tests().get(0).assertions().get(2).threshold()).isEqualTo(0.75);
    }

    /** The example of the team's research notes (section 1.1), word for word apart from the file it names. */
    static final String REFERENCE_EXAMPLE = """
            description: "summarise incident tickets"
            prompts:                       # string | string[] | file:// (txt, json chat, js/py functions)
              - file://prompts/v3.txt
            providers:                     # "ollama:chat:<model>", "ollama:completion:<model>", "ollama:embeddings:<model>"
              - id: ollama:chat:llama3.2
                config: { temperature: 0, num_predict: 512, seed: 42, keep_alive: 0 }
            defaultTest:                   # merged into every test (vars, assert, options); may be a file:// path
              options:
                provider:                  # grader for model-graded asserts (text) + embeddings (similar, answer-relevance)
                  text: { id: ollama:chat:gemma3:27b, config: { temperature: 0.1 } }
                  embedding: { id: ollama:embeddings:nomic-embed-text }
              assert:
                - type: latency
                  threshold: 5000
            tests:                         # inline list, or file path (CSV/XLSX/JSON/YAML/Google Sheets/HF dataset)
              - description: disk full alert
                vars: { ticket: "…", expected_sev: "P1" }
                threshold: 0.7             # pass iff weighted score >= 0.7 (otherwise every assert must pass)
                assert:
                  - type: icontains
                    value: "{{expected_sev}}"
                    weight: 2
                    metric: severity       # named metric, aggregated in the UI/JSON namedScores
                  - type: llm-rubric
                    value: "Mentions the affected host and a next step"
                    threshold: 0.8
                  - type: assert-set       # group of asserts; threshold = fraction that must pass
                    threshold: 0.5
                    assert: [ {type: is-json}, {type: contains-json} ]
            derivedMetrics:                # mathjs expressions or JS functions over namedScores; __count = number of tests
              - name: f1
                value: "2 * tp / (2 * tp + fp + fn)"
            evaluateOptions: { maxConcurrency: 4, repeat: 1, cache: true, timeoutMs: 0, maxEvalTimeMs: 0, delay: 0 }
            outputPath: results.json
            """;

    @Test
    void theReferenceExampleLoadsExceptForTheOnePartOutsideTheSubset() {
        SuiteFixture f = new SuiteFixture(temp);
        f.write("prompts/v3.txt", "Summarise the incident ticket and give its severity:\n{{ticket}}\n");
        SuiteLoadResult result = f.load("promptfooconfig.yaml", REFERENCE_EXAMPLE);
        String ignored = "' is not supported here and is ignored";
        assertThat(SuiteFixture.lines(result)).containsExactly(
                f.at("promptfooconfig.yaml", "|keep_alive") + ": warning: providers[0].config: option 'keep_alive' "
                        + "is not sent by this runner and is ignored; it sends temperature, top_p, top_k, seed, "
                        + "num_predict, num_ctx, stop",
                f.at("promptfooconfig.yaml", "- type: |assert-set") + ": tests[0].assert[2].type: 'assert-set' is a "
                        + "promptfoo assertion this runner does not evaluate; it evaluates answer-relevance, contains, "
                        + "contains-all, contains-any, contains-json, context-faithfulness, context-recall, "
                        + "context-relevance, cost, equals, icontains, icontains-all, icontains-any, is-json, "
                        + "javascript, latency, levenshtein, llm-rubric, python, regex, similar, starts-with, "
                        + "word-count (each also as "
                        + "not-<type>)",
                f.at("promptfooconfig.yaml", "|assert: [ {type") + ": warning: tests[0].assert[2]: promptfoo's 'assert"
                        + ignored + " (assertion sets are not evaluated)",
                f.at("promptfooconfig.yaml", "|derivedMetrics:") + ": warning: promptfoo's 'derivedMetrics" + ignored,
                f.at("promptfooconfig.yaml", "|cache: true") + ": warning: evaluateOptions: promptfoo's 'cache" + ignored,
                f.at("promptfooconfig.yaml", "|timeoutMs") + ": warning: evaluateOptions: promptfoo's 'timeoutMs"
                        + ignored,
                f.at("promptfooconfig.yaml", "|maxEvalTimeMs") + ": warning: evaluateOptions: promptfoo's "
                        + "'maxEvalTimeMs" + ignored,
                f.at("promptfooconfig.yaml", "|delay") + ": warning: evaluateOptions: promptfoo's 'delay" + ignored,
                f.at("promptfooconfig.yaml", "|outputPath") + ": warning: promptfoo's 'outputPath" + ignored
                        + " (write results with -o on the command line)");
        assertThat(result.suite()).isEmpty();

        // without the assertion set, the same config loads and means what promptfoo means by it
        f.write("promptfooconfig.yaml", REFERENCE_EXAMPLE.replaceFirst("(?s)      - type: assert-set.*?contains-json\\} \\]\n", ""));
        SuiteLoadResult trimmed = f.load("promptfooconfig.yaml");
        assertThat(trimmed.errorCount()).isZero();
        TestCase test = trimmed.suite().orElseThrow().tests().get(0);
        assertThat(test.vars()).containsExactly(Map.entry("ticket", "…"), Map.entry("expected_sev", "P1"));
        assertThat(test.threshold()).isEqualTo(0.7);
        assertThat(test.assertions()).extracting(AssertionSpec::type).containsExactly("latency", "icontains",
                "llm-rubric");
        assertThat(test.assertions().get(1).metric()).isEqualTo("severity");
        assertThat(test.assertions().get(1).value().asText()).isEqualTo("{{expected_sev}}");
        assertThat(test.judge().text().options().temperature()).isEqualTo(0.1);
    }
}
