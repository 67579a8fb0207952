package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite of several prompts and providers is one stored run whose cells are runs within it: `eval run` reports its
 * id, `eval runs` lists it once with its cells, the store gives the cells and each cell's cases back, and a later run
 * gated against it compares each cell with the same cell of it.
 */
class CliEvalMatrixRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private JsonNode run(CliHarness cli, FakeOllama ollama, Path suite, int exit, String... more) throws Exception {
        Path json = Files.createTempFile(temp, "results", ".json");
        List<String> args = new java.util.ArrayList<>(List.of("eval", "run", suite.toString(), "--ollama-url",
                ollama.baseUrl(), "-o", json.toString()));
        args.addAll(List.of(more));
        CliHarness.Run run = cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit);
        return JSON.readTree(json.toFile());
    }

    /** Each element's own runId (not those nested in its baseline or gate). */
    private static List<String> ids(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(node -> ids.add(node.path("runId").asText()));
        return ids;
    }

    @Test
    void aMatrixIsOneStoredRunWhoseCellsHoldTheirCases() throws Exception {
        try (FakeOllama ollama = FakeOllama.start()) {
            ollama.answer("steady", "Hello", " world").answer("shaky", "Hello", " there");
            Path suite = MatrixSuite.write(temp);
            CliHarness cli = MatrixSuite.cli(temp.resolve("data"));

            JsonNode report = run(cli, ollama, suite, Cli.OK);

            String runId = report.path("runId").asText();
            assertThat(runId).startsWith("run-");
            assertThat(ids(report.path("cells")))
                    .containsExactly(runId + "/1", runId + "/2", runId + "/3");
            CliHarness.Run runs = cli.run("eval", "runs", "--json");
            JsonNode listed = JSON.readTree(runs.out());
            assertThat(listed.size()).as("one run, not one per cell: " + runs.out()).isEqualTo(1);
            assertThat(listed.get(0).path("runId").asText()).isEqualTo(runId);
            assertThat(listed.get(0).path("state").asText()).isEqualTo("finished");
            JsonNode cells = listed.get(0).path("cells");
            assertThat(ids(cells)).containsExactly(runId + "/1", runId + "/2", runId + "/3");
            assertThat(cells.findValuesAsText("prompt")).containsExactly("plain", "plain", "polite");
            assertThat(cells.findValuesAsText("model")).containsExactly("steady", "shaky", "steady");
            assertThat(cells.get(1).path("passRate").asDouble()).isZero();
            assertThat(cli.run("eval", "runs").out().lines().filter(l -> l.startsWith("run-")).count())
                    .as("the text list shows the run once, its cells indented under it").isEqualTo(1);
        }
        try (Workbench workbench = Workbench.open(new WorkbenchOptions(Optional.of(temp.resolve("data")),
                Optional.empty(), Optional.empty()), Clock.systemUTC())) {
            List<EvalRun> stored = workbench.evalHistory().runs(null, 10);
            assertThat(stored).hasSize(1);
            EvalRun matrix = stored.get(0);
            assertThat(matrix.state()).isEqualTo(RunState.FINISHED);
            List<EvalRun> cells = workbench.evalHistory().cells(matrix.id());
            assertThat(cells).extracting(EvalRun::promptLabel, EvalRun::providerId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("plain", "ollama:chat:steady"),
                    org.assertj.core.groups.Tuple.tuple("plain", "ollama:chat:shaky"),
                    org.assertj.core.groups.Tuple.tuple("polite", "ollama:chat:steady"));
            assertThat(cells).allSatisfy(cell -> assertThat(cell.matrixRunId()).contains(matrix.id()));
            List<CaseResult> shaky = workbench.evalHistory().cases(cells.get(1).id());
            assertThat(shaky).hasSize(8).allSatisfy(c -> assertThat(c.output()).isEqualTo("Hello there"));
            assertThat(shaky).allSatisfy(c -> assertThat(c.prompt()).startsWith("Say "));
            assertThat(workbench.evalHistory().cases(matrix.id())).as("the run's own row holds no case").isEmpty();
            assertThat(workbench.evalHistory().report(matrix.id()).orElseThrow().run().id())
                    .as("a link to the run opens its first cell").isEqualTo(cells.get(0).id());
        }
    }

    @Test
    void aGateAgainstAStoredMatrixComparesEachCellWithTheSameCellOfIt() throws Exception {
        try (FakeOllama ollama = FakeOllama.start()) {
            ollama.answer("steady", "Hello", " world").answer("shaky", "Hello", " world");
            Path suite = MatrixSuite.write(temp);
            CliHarness cli = MatrixSuite.cli(temp.resolve("data"));
            String baseline = run(cli, ollama, suite, Cli.OK).path("runId").asText();
            ollama.answer("shaky", "Hello", " there");

            JsonNode gated = run(cli, ollama, suite, Cli.FAILED, "--gate", "--baseline", baseline,
                    "--gate-prompt", "plain", "--gate-provider", "ollama:chat:shaky");

            JsonNode cells = gated.path("cells");
            assertThat(ids(cells)).allMatch(id -> id.startsWith(gated.path("runId").asText() + "/"));
            assertThat(cells.get(0).path("baseline").path("runId").asText()).isEqualTo(baseline + "/1");
            assertThat(cells.get(1).path("baseline").path("runId").asText()).isEqualTo(baseline + "/2");
            assertThat(cells.get(2).path("baseline").path("runId").asText()).isEqualTo(baseline + "/3");
            assertThat(cells.get(1).path("baseline").path("b").asInt()).as("the shaky cell fell 8 of 8").isEqualTo(8);
            assertThat(gated.path("gate").path("runId").asText()).isEqualTo(gated.path("runId").asText() + "/2");
            assertThat(gated.path("gate").path("decision").asText()).isEqualTo("block");
            JsonNode listed = JSON.readTree(cli.run("eval", "runs", "--json").out());
            assertThat(listed.get(0).path("gate").asText()).as("the newest run records the gate's decision")
                    .isEqualTo("block");

            JsonNode again = run(cli, ollama, suite, Cli.OK, "--gate", "--baseline", baseline + "/1",
                    "--gate-prompt", "plain", "--gate-provider", "ollama:chat:steady");
            assertThat(again.path("cells").get(0).path("baseline").path("runId").asText())
                    .as("a cell's own id names it as the baseline").isEqualTo(baseline + "/1");
        }
    }
}
