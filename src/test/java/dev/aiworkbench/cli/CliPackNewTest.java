package dev.aiworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench pack new}: messages and exit codes, and a scaffold that {@code pack validate} accepts. */
class CliPackNewTest {
    @TempDir
    Path temp;

    private CliHarness cli() {
        return new CliHarness(temp.resolve("data"));
    }

    @Test
    void writesAPackThatValidatesWithTheIdFromTheFolderName() {
        Path folder = temp.resolve("Ops Evals");

        CliHarness.Run run = cli().run("pack", "new", folder.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Created pack ops-evals (\"Ops evals\") in " + folder + " with 13 files:\n")
                .contains("  labs/ops-evals-lab/lab.yaml\n")
                .endsWith("Next: edit the files that say \"Replace this\", then run `workbench pack validate " + folder
                        + "` after each change.\n");
        CliHarness.Run validate = cli().run("pack", "validate", folder.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).isEqualTo("ops-evals 0.1.0: valid, 1 phases, 4 weeks, 14 items, 1 assessments (4 questions)\n");
    }

    @Test
    void takesTheIdAndTitleGiven() throws Exception {
        Path folder = temp.resolve("pack");

        CliHarness.Run run = cli().run("pack", "new", folder.toString(), "--id", "k8s-serving", "--title", "Serving: on K8s");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(folder.resolve("pack.yaml")))
                .contains("id: k8s-serving\n", "title: \"Serving: on K8s\"\n");
        assertThat(cli().run("pack", "validate", folder.toString()).exitCode()).isZero();
    }

    @Test
    void anIdThatIsNotKebabCaseIsAUsageErrorAndWritesNothing() {
        Path folder = temp.resolve("pack");

        CliHarness.Run run = cli().run("pack", "new", folder.toString(), "--id", "My_Pack");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("'My_Pack' is not a pack id: use kebab-case (lower-case letters and digits "
                + "joined by single hyphens, at most 60 characters), for example --id llm-evals\n");
        assertThat(folder).doesNotExist();
    }

    @Test
    void aFolderNameThatGivesNoIdAsksForOne() {
        CliHarness.Run run = cli().run("pack", "new", temp.resolve("___").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cannot make a pack id from the folder name '___'; give one with --id, "
                + "for example --id my-pack\n");
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(folder.resolve("pack.yaml"), "mine");

        CliHarness.Run run = cli().run("pack", "new", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(folder + " is not an empty folder; pack new never overwrites files, so give a "
                + "new folder (it is created) or an empty one\n");
        assertThat(folder.resolve("pack.yaml")).content().isEqualTo("mine");
        assertThat(folder.resolve("weeks")).doesNotExist();
    }

    @Test
    void aTitleOnSeveralLinesIsAUsageError() {
        CliHarness.Run run = cli().run("pack", "new", temp.resolve("p").toString(), "--title", "One\nTwo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("the title must be one line of 1 to 120 characters; shorten it or drop "
                + "line breaks\n");
    }
}
