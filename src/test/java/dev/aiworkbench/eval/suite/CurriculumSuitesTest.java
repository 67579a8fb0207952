package dev.aiworkbench.eval.suite;

import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.eval.assertions.AssertionSpec;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.prompts.PromptTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The two suites the default pack ships load with no problem at all and hold what the issue asks for. */
class CurriculumSuitesTest {
    /** Maven runs tests from the project folder. */
    private static final Path EVALS = Path.of("curriculum", "devops-to-ai", "evals");
    private static final SuiteLoader LOADER = new SuiteLoader(PromptResolver.none());

    private static EvalSuite load(String name) {
        SuiteLoadResult result = LOADER.load(EVALS.resolve(name).resolve("promptfooconfig.yaml"));
        assertThat(SuiteFixture.lines(result)).as(name).isEmpty();
        return result.suite().orElseThrow();
    }

    private static void runsOnTheSmallModelDeterministically(EvalSuite suite) {
        assertThat(suite.providers()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("ollama:chat:qwen2.5:0.5b");
            assertThat(p.kind()).isEqualTo(ProviderSpec.Kind.CHAT);
            assertThat(p.options().temperature()).isEqualTo(0.0);
            assertThat(p.options().seed()).isNotNull();
        });
        assertThat(suite.tests()).extracting(TestCase::key).doesNotHaveDuplicates();
        assertThat(suite.tests()).extracting(TestCase::description).doesNotHaveDuplicates().doesNotContainNull();
        List<String> slots = PromptTemplate.parse(suite.prompts().get(0).template()).variables();
        assertThat(PromptTemplate.parse(suite.prompts().get(0).template()).problems()).isEmpty();
        for (TestCase test : suite.tests()) {
            assertThat(test.vars().keySet()).as(test.description()).containsAll(slots);
            assertThat(test.assertions()).as(test.description()).anySatisfy(a -> {
                assertThat(a.type()).isEqualTo("latency");
                assertThat(a.weight()).isZero();
                assertThat(a.metric()).isNotBlank();
                assertThat(a.threshold()).isPositive();
            });
        }
    }

    @Test
    void incidentSeverityHasSixtyLabelledIncidentsAndAGate() {
        EvalSuite suite = load("incident-severity");
        runsOnTheSmallModelDeterministically(suite);
        assertThat(suite.tests()).hasSize(60);
        assertThat(suite.gate()).contains(new GateSpec(GateSpec.LAST_PASSED, 0.02,
                0.05, GateMode.SIGNIFICANT_DROP));
        assertThat(suite.prompts().get(0).template()).contains("\"severity\"", "\"reason\"", "{{incident}}");

        Map<String, Long> perSeverity = new TreeMap<>();
        for (TestCase test : suite.tests()) {
            AssertionSpec format = test.assertions().get(0);
            assertThat(format.type()).isEqualTo("is-json");
            assertThat(format.value().at("/properties/severity/enum").toString())
                    .isEqualTo("[\"P1\",\"P2\",\"P3\",\"P4\"]");
            assertThat(format.value().at("/required").toString()).isEqualTo("[\"severity\",\"reason\"]");

            String expected = test.metadata().get("expected_severity");
            assertThat(expected).as(test.description()).matches("P[1-4]");
            List<AssertionSpec> own = test.assertions().subList(2, test.assertions().size());
            assertThat(own).as(test.description()).singleElement().satisfies(a -> {
                assertThat(a.writtenType()).isEqualTo("contains-json");
                JsonNode severity = a.value().at("/properties/severity/const");
                assertThat(severity.asText()).isEqualTo(expected);
                assertThat(a.value().at("/required/0").asText()).isEqualTo("severity");
            });
            assertThat(test.vars()).containsOnlyKeys("incident");
            assertThat(test.vars().get("incident")).hasSizeGreaterThan(40);
            perSeverity.merge(expected, 1L, Long::sum);
        }
        assertThat(perSeverity).containsOnlyKeys("P1", "P2", "P3", "P4")
                .allSatisfy((severity, count) -> assertThat(count).as(severity).isBetween(14L, 16L));
    }

    @Test
    void runbookQaHasFiftyFiveGroundedQuestionsInClusters() throws IOException {
        EvalSuite suite = load("runbook-qa");
        runsOnTheSmallModelDeterministically(suite);
        assertThat(suite.tests()).hasSize(55);
        assertThat(suite.judge().text().id()).isEqualTo("ollama:chat:llama3.2:1b");
        assertThat(suite.judge().text().options()).isEqualTo(new ModelOptions(0.0, null, null, 42, null, null, null));
        assertThat(suite.gate()).map(GateSpec::mode).contains(GateMode.NON_INFERIORITY);

        String runbook = Files.readString(EVALS.resolve("runbook-qa/runbook.md"));
        String lowerRunbook = runbook.toLowerCase(Locale.ROOT);
        Map<String, Long> perCluster = suite.tests().stream()
                .collect(Collectors.groupingBy(TestCase::cluster, TreeMap::new, Collectors.counting()));
        assertThat(perCluster).containsOnlyKeys("overview", "on-call", "dashboards", "first-steps", "rollback",
                "scaling", "database", "communication", "postmortem", "not-in-runbook");
        for (TestCase test : suite.tests()) {
            assertThat(test.vars()).containsEntry("runbook", runbook).containsKey("question");
            assertThat(test.assertions()).as(test.description()).filteredOn(a -> a.type().equals("llm-rubric"))
                    .singleElement().satisfies(a -> {
                        assertThat(a.weight()).isEqualTo(0.5);
                        assertThat(a.value().asText()).contains("runbook");
                    });
            List<AssertionSpec> facts = test.assertions().stream()
                    .filter(a -> a.type().startsWith("icontains-")).toList();
            assertThat(facts).as(test.description()).isNotEmpty();
            if (test.cluster().equals("not-in-runbook")) {
                continue;
            }
            // every key fact a correct answer must contain is written in the runbook
            for (AssertionSpec fact : facts) {
                List<String> values = new java.util.ArrayList<>();
                fact.value().forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
                if (fact.type().equals("icontains-all")) {
                    assertThat(values).as(test.description()).allSatisfy(v -> assertThat(lowerRunbook).contains(v));
                } else {
                    assertThat(values).as(test.description()).anySatisfy(v -> assertThat(lowerRunbook).contains(v));
                }
            }
        }
    }
}
