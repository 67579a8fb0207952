package dev.aiworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab solve} without {@code --yes} asks on standard input, and changes nothing unless the answer is yes. */
class CliLabSolveConfirmationTest {
    private static final String LAB = "fastapi-typed-service";

    @TempDir
    Path temp;

    @Test
    void noKeepsTheWorkspaceAsItIs() {
        CliHarness.Run run = new CliHarness(temp.resolve("data")).runTyping("n\n", "lab", "solve", LAB);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("Replace your work in lab " + LAB + " with the reference solution?")
                .endsWith("[y/N] Nothing changed.\n");
        assertThat(temp.resolve("data/workspaces").resolve(LAB).resolve("main.py")).doesNotExist();
    }

    @Test
    void noAnswerAtAllIsAUsageError() {
        CliHarness.Run run = new CliHarness(temp.resolve("data")).runTyping("", "lab", "solve", LAB);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("No answer on standard input; pass --yes to apply the solution without "
                + "asking.\n");
    }
}
