package dev.aiworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The verbs work on the repository's second pack through {@code --pack}, beside the default pack. */
class CliSecondPackTest {
    private static final String SECOND_PACK = Path.of("curriculum", "llm-evals-in-practice").toString();

    @TempDir
    Path temp;

    @Test
    void progressShowsTheSecondPackWhenPointedAtIt() {
        CliHarness cli = new CliHarness(temp.resolve("data"));

        CliHarness.Run run = cli.run("--pack", SECOND_PACK, "progress", "show", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.json().at("/pack/id").asText()).isEqualTo("llm-evals-in-practice");
        assertThat(run.json().get("weeks")).hasSize(4);
        assertThat(run.json().at("/next/id").asText()).isEqualTo("w01-failure-inventory");
    }

    @Test
    void progressMarkedInTheSecondPackShowsThereAndTheDefaultPackStillWorks() {
        CliHarness cli = new CliHarness(temp.resolve("data"));

        CliHarness.Run mark = cli.run("--pack", SECOND_PACK, "progress", "mark", "w01-failure-inventory", "done");
        CliHarness.Run second = cli.run("--pack", SECOND_PACK, "progress", "show", "--json");
        CliHarness.Run standard = cli.run("progress", "show", "--json");

        assertThat(mark.exitCode()).as(mark.toString()).isZero();
        assertThat(second.json().at("/overall/done").asInt()).isEqualTo(1);
        assertThat(standard.exitCode()).as(standard.toString()).isZero();
        assertThat(standard.json().at("/pack/id").asText()).isEqualTo("devops-to-ai");
        assertThat(standard.json().get("weeks")).hasSize(36);
    }

    @Test
    void validateReportsTheSecondPackValid() {
        CliHarness.Run run = new CliHarness(temp.resolve("data")).run("pack", "validate", SECOND_PACK);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("llm-evals-in-practice 1.0.0: valid, 1 phases, 4 weeks, 28 items, "
                + "1 assessments (18 questions)\n");
    }
}
