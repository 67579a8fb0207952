package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.RagSuiteFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A RAG suite's figures in {@code eval run}'s summary, and its quality series in {@code eval history}. */
class CliEvalHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("run-\\d{8}-\\d{6}-[0-9a-f]{4}");

    @TempDir
    Path temp;

    private EvalHarness h;
    private RagSuiteFixture rag;
    private CliHarness cli;
    private Path suite;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        rag = new RagSuiteFixture(h);
        suite = rag.write(6);
        cli = new CliHarness(temp.resolve("data"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CliHarness.Run eval(String... args) {
        List<String> all = new ArrayList<>(List.of("eval"));
        all.addAll(List.of(args));
        all.addAll(List.of("--ollama-url", h.fake.baseUrl()));
        return cli.run(all.toArray(String[]::new));
    }

    private static String runId(String text) {
        Matcher m = RUN_ID.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group();
    }

    @Test
    void theRunSummaryGivesFaithfulnessWithTheHallucinationRateAndContextRelevance() {
        rag.script(new int[] {2, 0, 2, 1, 2, 2}, new int[] {1, 1, 2, 1, 1, 2});

        CliHarness.Run run = eval("run", suite.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("5 passed, 1 failed, 0 errors")
                .contains("  faithfulness 0.750 over 6 items, 95% interval 0.311 to 1.000 (hallucination rate 25.0%)\n")
                .contains("  context relevance 0.333 over 6 items, 95% interval 0.198 to 0.469\n");
    }

    @Test
    void historyListsEachRunWithItsMeasuresOldestFirst() throws Exception {
        rag.script(new int[] {2, 0, 2, 1, 2, 2}, new int[] {1, 1, 2, 1, 1, 2});
        String first = runId(eval("run", suite.toString()).out());
        Thread.sleep(3);
        h.answer((item, call) -> "pass again");
        rag.script(new int[] {2, 2, 2, 2, 2, 2}, new int[] {4, 4, 4, 4, 4, 4});
        String second = runId(eval("run", suite.toString()).out());

        CliHarness.Run text = eval("history", suite.toString());
        CliHarness.Run json = eval("history", suite.toString(), "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(suite.toAbsolutePath().normalize().toString());
        assertThat(lines.get(1)).contains(first).contains("pass rate 83.3% [")
                .contains("faithfulness 0.750 [0.311–1.000]").contains("context relevance 0.333 [0.198–0.469]");
        assertThat(lines.get(2)).contains(second).contains("pass rate 100.0% [")
                .contains("faithfulness 1.000 [1.000–1.000]").contains("context relevance 1.000 [1.000–1.000]");
        assertThat(lines).hasSize(3);

        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode measures = JSON.readTree(json.out()).path("suites").path(suite.toAbsolutePath().normalize().toString());
        assertThat(measures.path("passRate")).extracting(p -> p.path("runId").asText()).containsExactly(first, second);
        JsonNode faithfulness = measures.path("faithfulness").get(0);
        assertThat(faithfulness.path("value").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(faithfulness.path("ci95").get(0).asDouble()).isCloseTo(0.3109896, within(1e-6));
        assertThat(faithfulness.path("items").asInt()).isEqualTo(6);
        assertThat(faithfulness.path("at").asText()).endsWith("Z");
        assertThat(measures.path("contextRelevance").get(1).path("value").asDouble()).isEqualTo(1.0);
        assertThat(measures.has("answerRelevance")).isFalse();
    }

    @Test
    void historyOfASuiteWithoutRunsSaysHowToStartOne() {
        CliHarness.Run text = eval("history", suite.toString());

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("No runs of " + suite.toAbsolutePath().normalize() + " yet; start one with "
                + "`workbench eval run ");
    }
}
