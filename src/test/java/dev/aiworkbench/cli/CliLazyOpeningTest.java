package dev.aiworkbench.cli;

import dev.aiworkbench.eval.run.EvalHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Verbs open only what they use: a pack that cannot be read stops only the verbs that walk the curriculum. */
class CliLazyOpeningTest {
    @TempDir
    Path temp;

    private EvalHarness h;
    private CliHarness cli;
    private Path brokenPack;

    @BeforeEach
    void start() throws IOException {
        h = new EvalHarness(temp);
        cli = new CliHarness(temp.resolve("data"));
        brokenPack = Files.createDirectories(temp.resolve("broken-pack"));
        Files.writeString(brokenPack.resolve("pack.yaml"), "id: [unclosed\nphases: {{{\n");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theBrokenPackStopsAVerbThatWalksTheCurriculum() {
        CliHarness.Run run = cli.run("progress", "show", "--pack", brokenPack.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).contains(brokenPack.toString());
    }

    @Test
    void anEvalRunGoesAheadWithABrokenPack() {
        Path suite = h.writeSuite(3, 2);

        CliHarness.Run run = cli.run("eval", "run", suite.toString(), "--pack", brokenPack.toString(),
                "--ollama-url", h.fake.baseUrl());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("3 of 3 passed");
        assertThat(run.err()).doesNotContain("Note:").doesNotContain(brokenPack.toString());
    }

    @Test
    void aUsageReportGoesAheadWithABrokenPack() {
        CliHarness.Run run = cli.run("usage", "report", "--since", "1d", "--pack", brokenPack.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain(brokenPack.toString());
    }

    @Test
    void theVersionOpensNoDataFolder() {
        CliHarness.Run run = cli.run("--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("AI Engineer Workbench ");
        assertThat(temp.resolve("data")).doesNotExist();
    }
}
