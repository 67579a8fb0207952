package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A suite of two prompts on two models, one model filtered to one prompt: three cells run as one `eval run` and
 * write one JSON and one Markdown report with the matrix and every pair of cells compared; the gate guards the cell
 * it names and no other.
 */
class CliEvalMatrixTest {
    @TempDir
    Path temp;

    @Test
    void threeCellsWriteOneReportWithTheMatrixAndEveryPairCompared() throws Exception {
        try (FakeOllama ollama = FakeOllama.start()) {
            ollama.answer("steady", "Hello", " world").answer("shaky", "Hello", " there");
            Path suite = MatrixSuite.write(temp);
            Path json = temp.resolve("out/results.json");
            Path markdown = temp.resolve("out/summary.md");

            CliHarness.Run run = MatrixSuite.cli(temp.resolve("data")).run("eval", "run", suite.toString(),
                    "--ollama-url", ollama.baseUrl(), "-o", json.toString(), "--md", markdown.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(ollama.requests("/api/chat")).as("3 cells × 8 items").hasSize(24);
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.path("matrix").path("prompts").toString()).isEqualTo("[\"plain\",\"polite\"]");
            assertThat(root.path("matrix").path("providers").toString())
                    .isEqualTo("[\"ollama:chat:steady\",\"ollama:chat:shaky\"]");
            JsonNode cells = root.path("cells");
            assertThat(cells.size()).isEqualTo(3);
            assertThat(cells.get(0).path("prompt").asText()).isEqualTo("plain");
            assertThat(cells.get(0).path("provider").asText()).isEqualTo("ollama:chat:steady");
            assertThat(cells.get(1).path("provider").asText()).isEqualTo("ollama:chat:shaky");
            assertThat(cells.get(2).path("prompt").asText()).isEqualTo("polite");
            for (JsonNode cell : cells) {
                assertThat(cell.path("n").asInt()).isEqualTo(8);
                assertThat(cell.path("cases").size()).isEqualTo(8);
                assertThat(cell.path("passRateCi95").size()).isEqualTo(2);
                assertThat(cell.has("meanScore")).isTrue();
            }
            assertThat(cells.get(1).path("passRate").asDouble()).isZero();
            assertThat(cells.get(2).path("passRate").asDouble()).isEqualTo(1.0);
            JsonNode pairs = root.path("comparisons");
            assertThat(pairs.size()).as("3 cells make 3 pairs").isEqualTo(3);
            // plain@steady (8/8) against plain@shaky (0/8): all 8 fell, exact p = 2/2^8
            JsonNode fell = pairs.get(0);
            assertThat(fell.path("baseline").path("provider").asText()).isEqualTo("ollama:chat:steady");
            assertThat(fell.path("candidate").path("provider").asText()).isEqualTo("ollama:chat:shaky");
            assertThat(fell.path("b").asInt()).isEqualTo(8);
            assertThat(fell.path("c").asInt()).isZero();
            assertThat(fell.path("pExact").asDouble()).isCloseTo(2 / 256.0, within(1e-12));
            assertThat(fell.path("delta").asDouble()).isEqualTo(-1.0);
            assertThat(pairs.get(1).path("candidate").path("prompt").asText()).isEqualTo("polite");
            assertThat(pairs.get(1).path("b").asInt()).isZero();
            assertThat(pairs.get(1).path("pExact").asDouble()).isEqualTo(1.0);
            assertThat(root.path("gate").isNull()).isTrue();
            String md = Files.readString(markdown);
            assertThat(md).contains("#### Matrix", "| Prompt | `ollama:chat:steady` | `ollama:chat:shaky` |",
                    "| `plain` | 100.0% [", "0.0% [", "| `polite` | 100.0% [").contains(" | – |")
                    .contains("| 'plain' on ollama:chat:steady | 'plain' on ollama:chat:shaky | 8 | 8 | 0 | 0.008 | "
                            + "-100.0 [");
        }
    }

    @Test
    void theGateGuardsTheCellItNames() throws Exception {
        try (FakeOllama ollama = FakeOllama.start()) {
            ollama.answer("steady", "Hello", " world").answer("shaky", "Hello", " world");
            Path suite = MatrixSuite.write(temp);
            CliHarness cli = MatrixSuite.cli(temp.resolve("data"));
            assertThat(cli.run("eval", "run", suite.toString(), "--ollama-url", ollama.baseUrl(), "--gate").exitCode())
                    .as("the first run passes every cell's gate and becomes their baseline").isZero();
            ollama.answer("shaky", "Hello", " there");
            Path json = temp.resolve("gated.json");

            CliHarness.Run other = cli.run("eval", "run", suite.toString(), "--ollama-url", ollama.baseUrl(), "--gate",
                    "--gate-provider", "ollama:chat:steady", "--gate-prompt", "plain");
            CliHarness.Run named = cli.run("eval", "run", suite.toString(), "--ollama-url", ollama.baseUrl(), "--gate",
                    "--gate-provider", "ollama:chat:shaky", "-o", json.toString());

            assertThat(other.exitCode()).as("the steady cell held: " + other).isZero();
            assertThat(named.exitCode()).as("the shaky cell fell 8 of 8: " + named).isEqualTo(Cli.FAILED);
            JsonNode gate = new ObjectMapper().readTree(json.toFile()).path("gate");
            assertThat(gate.path("provider").asText()).isEqualTo("ollama:chat:shaky");
            assertThat(gate.path("prompt").asText()).isEqualTo("plain");
            assertThat(gate.path("decision").asText()).isEqualTo("block");
            JsonNode cells = new ObjectMapper().readTree(json.toFile()).path("cells");
            assertThat(cells.get(0).path("gate").isNull()).as("an unguarded cell has no gate").isTrue();
        }
    }

    @Test
    void aGateCellThatNamesNoCellIsRefusedBeforeAnyCall() throws Exception {
        try (FakeOllama ollama = FakeOllama.start()) {
            ollama.answer("steady", "Hello").answer("shaky", "Hello");
            Path suite = MatrixSuite.write(temp);

            CliHarness.Run run = MatrixSuite.cli(temp.resolve("data")).run("eval", "run", suite.toString(),
                    "--ollama-url", ollama.baseUrl(), "--gate",
                    "--gate-provider", "ollama:chat:shaky", "--gate-prompt", "polite");

            assertThat(run.exitCode()).isEqualTo(Cli.USAGE);
            assertThat(run.err()).contains("is not one this suite runs", "'plain' on 'ollama:chat:shaky'");
            assertThat(ollama.requests("/api/chat")).isEmpty();
        }
    }
}
