package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.aiworkbench.cli.CliHarness.runRaw;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench pack validate}: exit codes, compiler-style lines and JSON. */
class CliPackValidateTest {
    @TempDir
    Path temp;

    private Path brokenPack() {
        Path root = PackFiles.copyDefaultPack(temp.resolve("broken"));
        PackFiles.replaceLine(root.resolve(PackFiles.weekFile(2)), "hours:", "hours: lots");
        PackFiles.insertAfterLine(root.resolve("pack.yaml"), "license:", "homepage: https://example.com");
        return root;
    }

    @Test
    void theDefaultPackIsValid() {
        CliHarness.Run run = runRaw("pack", "validate", PackFiles.DEFAULT_PACK.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).singleElement().asString()
                .matches("devops-to-ai 2026\\.1\\.0: valid, 3 phases, 36 weeks, \\d+ items, 3 assessments \\(252 questions\\)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aZippedPackIsValidatedToo() {
        Path zip = PackFiles.zip(PackFiles.DEFAULT_PACK, temp.resolve("pack.zip"), "devops-to-ai");

        assertThat(runRaw("pack", "validate", zip.toString()).exitCode()).isZero();
    }

    @Test
    void aBrokenPackExitsOneAndPrintsEveryProblemAsFileLineColumn() {
        Path root = brokenPack();

        CliHarness.Run run = runRaw("pack", "validate", root.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(
                PackFiles.at(root, "pack.yaml", "homepage: |https") + ": unknown field 'homepage'",
                PackFiles.at(root, PackFiles.weekFile(2), "hours: |lots") + ": hours: wrong type: expected number, found string",
                "2 error(s), 0 warning(s)");
    }

    @Test
    void jsonOutputListsTheProblems() {
        Path root = brokenPack();

        CliHarness.Run run = runRaw("pack", "validate", root.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("errors").asInt()).isEqualTo(2);
        assertThat(report.get("warnings").asInt()).isZero();
        JsonNode problem = report.get("problems").get(1);
        String[] at = PackFiles.at(root, PackFiles.weekFile(2), "hours: |lots").split(":");
        assertThat(problem.get("file").asText()).isEqualTo(PackFiles.weekFile(2));
        assertThat(problem.get("line").asInt()).isEqualTo(Integer.parseInt(at[1]));
        assertThat(problem.get("column").asInt()).isEqualTo(Integer.parseInt(at[2]));
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("message").asText()).isEqualTo("hours: wrong type: expected number, found string");

        JsonNode valid = runRaw("pack", "validate", PackFiles.DEFAULT_PACK.toString(), "--json").json();
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("problems")).isEmpty();
    }

    @Test
    void aMissingPathIsAUsageError() {
        Path missing = temp.resolve("no-such-pack");

        CliHarness.Run run = runRaw("pack", "validate", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(missing + " does not exist; give the path of a pack folder or .zip"
                + System.lineSeparator());
        assertThat(runRaw("pack", "validate").exitCode()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAPackFailsWithTheReason() throws Exception {
        Path notZip = java.nio.file.Files.writeString(temp.resolve("notes.txt"), "hello");

        CliHarness.Run run = runRaw("pack", "validate", notZip.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(notZip + ":1:1: " + notZip + " is neither a pack folder nor a zip archive");
    }
}
