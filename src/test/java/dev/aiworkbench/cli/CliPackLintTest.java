package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyLabPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.aiworkbench.cli.CliHarness.runRaw;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench pack lint}: exit codes, compiler-style lines with severity and rule, errors first, JSON. */
class CliPackLintTest {
    private static final String NOTES_WARNING = "weeks/notes.txt:1:1: warning: unreferenced-file: nothing in the pack "
            + "uses this file: link it from a week's guide, or delete it so it does not ship to every learner";

    @TempDir
    Path temp;

    private Path packWithAWarning() {
        Path root = PackFiles.copyDefaultPack(temp.resolve("pack"));
        PackFiles.write(root.resolve("weeks/notes.txt"), "ideas\n");
        return root;
    }

    /** A stray file (a warning, first in file order) and an unknown pack.yaml field (an error, last). */
    private Path packWithAnErrorAndAWarning() {
        Path root = packWithAWarning();
        PackFiles.insertAfterLine(root.resolve("pack.yaml"), "license:", "homepage: https://example.com");
        return root;
    }

    @Test
    void theDefaultPackLintsCleanAndExitsZero() {
        CliHarness.Run run = runRaw("pack", "lint", PackFiles.DEFAULT_PACK.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("devops-to-ai 2026.1.0: lint clean");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void warningsAloneExitZero() {
        CliHarness.Run run = runRaw("pack", "lint", packWithAWarning().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(NOTES_WARNING, "devops-to-ai 2026.1.0: no errors, 1 warning(s)");
    }

    @Test
    void errorsExitOneAndArePrintedBeforeWarnings() {
        Path root = packWithAnErrorAndAWarning();

        CliHarness.Run run = runRaw("pack", "lint", root.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(
                PackFiles.at(root, "pack.yaml", "homepage: |https") + ": error: schema: unknown field 'homepage'",
                NOTES_WARNING,
                "1 error(s), 1 warning(s)");
    }

    @Test
    void jsonIsAnArrayOfOneObjectPerProblem() {
        Path root = packWithAnErrorAndAWarning();

        CliHarness.Run run = runRaw("pack", "lint", root.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode problems = run.json();
        assertThat(problems.isArray()).isTrue();
        assertThat(problems).hasSize(2);
        String[] at = PackFiles.at(root, "pack.yaml", "homepage: |https").split(":");
        JsonNode error = problems.get(0);
        assertThat(error.get("file").asText()).isEqualTo("pack.yaml");
        assertThat(error.get("line").asInt()).isEqualTo(Integer.parseInt(at[1]));
        assertThat(error.get("column").asInt()).isEqualTo(Integer.parseInt(at[2]));
        assertThat(error.get("severity").asText()).isEqualTo("error");
        assertThat(error.get("rule").asText()).isEqualTo("schema");
        assertThat(error.get("message").asText()).isEqualTo("unknown field 'homepage'");
        JsonNode warning = problems.get(1);
        assertThat(warning.get("file").asText()).isEqualTo("weeks/notes.txt");
        assertThat(warning.get("severity").asText()).isEqualTo("warning");
        assertThat(warning.get("rule").asText()).isEqualTo("unreferenced-file");

        CliHarness.Run clean = runRaw("pack", "lint", PackFiles.DEFAULT_PACK.toString(), "--json");
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.json().isArray()).isTrue();
        assertThat(clean.json()).isEmpty();
    }

    @Test
    void runLabsRunsEachLabAndCountsTheOutcomesBesideTheProblems() {
        Path pack = TinyLabPack.write(temp.resolve("pack"), List.of(
                TinyLabPack.notesLab("notes", "to do\n", "finished\n"),
                TinyLabPack.notesLab("done-already", "finished\n", "finished\n")));
        CliHarness cli = new CliHarness(temp.resolve("data"));

        CliHarness.Run run = cli.run("pack", "lint", pack.toString(), "--run-labs");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly("labs/done-already/lab.yaml:1:1: error: lab-starter-passes: lab "
                        + "done-already's starter already passes its checks; the learner would have nothing to do: "
                        + "leave out of the starter what the steps ask for, or add a check that asks for it",
                "Labs run: 1 passed, 1 failed, 0 skipped (not run here, so not counted as passed)",
                "1 error(s), 0 warning(s)");
        assertThat(run.err()).contains("Lab notes: checking the starter…", "Lab notes: checking the reference solution…");

        CliHarness.Run json = cli.run("pack", "lint", pack.toString(), "--run-labs", "--json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json()).singleElement().satisfies(problem -> {
            assertThat(problem.get("file").asText()).isEqualTo("labs/done-already/lab.yaml");
            assertThat(problem.get("severity").asText()).isEqualTo("error");
            assertThat(problem.get("rule").asText()).isEqualTo("lab-starter-passes");
        });
    }

    @Test
    void withoutRunLabsNoLabRunsAndTheHelpNamesTheTrustItTakes() {
        Path pack = TinyLabPack.write(temp.resolve("pack"), List.of(
                TinyLabPack.notesLab("done-already", "finished\n", "finished\n")));

        CliHarness.Run run = runRaw("pack", "lint", pack.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("tiny-pack 1.2.0: lint clean");
        assertThat(runRaw("pack", "lint", "--help").out().replaceAll("\\s+", " "))
                .contains("--run-labs")
                .contains("without asking for the trust a learner gives a pack: running it on your own pack is that "
                        + "trust");
    }

    @Test
    void aMissingPathIsAUsageError() {
        CliHarness.Run run = runRaw("pack", "lint", temp.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(runRaw("pack", "lint", PackFiles.DEFAULT_PACK.toString(), "--fix").exitCode()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAPackIsOneErrorWithTheReason() throws Exception {
        Path notZip = java.nio.file.Files.writeString(temp.resolve("notes.txt"), "hello");

        CliHarness.Run run = runRaw("pack", "lint", notZip.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(notZip + ":1:1: error: file-access: " + notZip
                + " is neither a pack folder nor a zip archive");
    }
}
