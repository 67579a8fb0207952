package dev.aiworkbench.authoring;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.labs.checks.EvalSuiteRunner;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TinyLabPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pack lint --run-labs} on tiny packs whose labs show one outcome each, for real: uvicorn from the local Python
 * that has FastAPI (the FastAPI tests are skipped with the reason when none has), no Docker (DOCKER_HOST names a
 * socket that does not exist) and no Ollama server (the app's address is a closed port).
 */
@Tag("slow")
class LabRehearsalTest {
    @TempDir
    Path temp;

    private URI noOllama;
    private OllamaGateway gateway;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Set<Path> tempFoldersBefore;

    @BeforeEach
    void noOllamaServer() throws IOException {
        noOllama = RunLabsSupport.closedPort();
        gateway = new OllamaGateway(OllamaSettings.defaults(noOllama));
        tempFoldersBefore = RunLabsSupport.rehearsalFolders();
    }

    @AfterEach
    void leavesNothingBehind() throws IOException {
        gateway.close();
        assertThat(RunLabsSupport.processesLeft()).as("processes left running").isEmpty();
        assertThat(RunLabsSupport.rehearsalFolders()).as("temporary folders left behind").isEqualTo(tempFoldersBefore);
    }

    private static void needsPythonWithFastApi() {
        RunLabsSupport.needsPythonWithFastApi("this --run-labs test");
    }

    private LintReport runLabs(Path pack) {
        LabRehearsal rehearsal = new LabRehearsal(RunLabsSupport.withoutDocker(temp), () -> gateway,
                EvalSuiteRunner.UNAVAILABLE, progress::add);
        return new PackLinter(AppInfo.version()).lintAndRunLabs(pack, rehearsal);
    }

    private Path pack(TinyLabPack.Lab... labs) {
        return TinyLabPack.write(temp.resolve("pack"), List.of(labs));
    }

    private static String line(Problem p) {
        return p.file() + ":" + p.line() + ":" + p.column() + ": " + p.severity().name().toLowerCase(Locale.ROOT)
                + ": " + p.rule() + ": " + p.message();
    }

    private static List<String> lines(LintReport report) {
        return report.problems().stream().map(LabRehearsalTest::line).toList();
    }

    @Test
    void aFastApiLabWhoseStarterFailsAndWhoseSolutionPassesIsClean() {
        needsPythonWithFastApi();
        Path pack = pack(TinyLabPack.greetingLab("hello-api", TinyLabPack.GREETING_STARTER,
                TinyLabPack.greetingMain("hello")));

        LintReport report = runLabs(pack);

        assertThat(lines(report)).isEmpty();
        assertThat(report.labs()).containsExactly(new RehearsedLab("hello-api", RehearsedLab.Verdict.PASSED, List.of()));
        assertThat(progress).containsExactly("Lab hello-api: checking the starter…",
                "Lab hello-api: checking the reference solution…");
    }

    @Test
    void aStarterThatAlreadyPassesIsAnError() {
        Path pack = pack(TinyLabPack.notesLab("done-already", "finished\n", "finished, really\n"));

        LintReport report = runLabs(pack);

        assertThat(lines(report)).containsExactly("labs/done-already/lab.yaml:1:1: error: lab-starter-passes: lab "
                + "done-already's starter already passes its checks; the learner would have nothing to do: leave out "
                + "of the starter what the steps ask for, or add a check that asks for it");
        assertThat(report.passes()).isFalse();
        assertThat(report.labs()).extracting(RehearsedLab::verdict).containsExactly(RehearsedLab.Verdict.FAILED);
    }

    @Test
    void aBrokenSolutionIsAnErrorNamingTheFailingCheckAndItsMessage() {
        needsPythonWithFastApi();
        Path pack = pack(TinyLabPack.greetingLab("hello-api", TinyLabPack.GREETING_STARTER,
                TinyLabPack.greetingMain("hi")));

        LintReport report = runLabs(pack);

        assertThat(report.passes()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("labs/hello-api/lab.yaml");
            assertThat(p.isError()).isTrue();
            assertThat(p.rule()).isEqualTo("lab-solution-fails");
            assertThat(p.message()).startsWith("lab hello-api's reference solution fails check greeting-hello of "
                            + "step greeting: ")
                    .contains("$.text").contains("hello").contains("\"hi\"")
                    .endsWith("Fix the solution or the check, then run pack lint --run-labs again.");
        });
    }

    @Test
    void aSolutionThatDoesNotPassIsAnErrorEvenWithoutServices() {
        Path pack = pack(TinyLabPack.notesLab("notes", "to do\n", "still to do\n"));

        LintReport report = runLabs(pack);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("lab-solution-fails");
            assertThat(p.message()).startsWith("lab notes's reference solution fails check notes-finished of step "
                    + "notes: ").contains("notes.md").contains("finished");
        });
    }

    @Test
    void aLabThatNeedsOllamaWithNoServerIsSkippedWithTheReasonAndIsNoError() {
        Path pack = pack(TinyLabPack.modelLab("needs-model"));

        LintReport report = runLabs(pack);

        assertThat(report.passes()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("labs/needs-model/lab.yaml");
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.rule()).isEqualTo("lab-skipped");
            assertThat(p.message()).startsWith("lab needs-model was not run here: No Ollama server answers at "
                    + noOllama).contains("Docker is not running here").contains("ollama serve");
        });
        assertThat(report.labs()).extracting(RehearsedLab::verdict).containsExactly(RehearsedLab.Verdict.SKIPPED);
        assertThat(progress).as("nothing was started").isEmpty();
    }

    @Test
    void theLabsOfAZippedPackRunFromTheZip() {
        Path folder = pack(TinyLabPack.notesLab("notes", "to do\n", "finished\n"));
        Path zip = PackFiles.zip(folder, temp.resolve("pack.zip"), "tiny-pack");

        LintReport report = runLabs(zip);

        assertThat(lines(report)).isEmpty();
        assertThat(report.labs()).containsExactly(new RehearsedLab("notes", RehearsedLab.Verdict.PASSED, List.of()));
    }

    @Test
    void aLabWithoutASolutionIsAWarningThatItWasNotRun() {
        Path folder = pack(TinyLabPack.notesLab("notes", "to do\n", "finished\n"));
        Path labYaml = folder.resolve("labs/notes/lab.yaml");
        PackFiles.replaceOnce(labYaml, "  solution: solution\n", "");
        deleteTree(folder.resolve("labs/notes/solution"));

        LintReport report = runLabs(folder);

        assertThat(lines(report)).containsExactly("labs/notes/lab.yaml:1:1: warning: lab-no-solution: lab notes has "
                + "no reference solution, so --run-labs cannot show that its checks can pass: put one in a folder of "
                + "the lab and name it in workspace.solution");
        assertThat(report.labs()).extracting(RehearsedLab::verdict).containsExactly(RehearsedLab.Verdict.SKIPPED);
    }

    @Test
    void withoutRunLabsNoLabRuns() {
        Path pack = pack(TinyLabPack.notesLab("done-already", "finished\n", "finished\n"));

        LintReport report = new PackLinter(AppInfo.version()).lint(pack);

        assertThat(report.problems()).isEmpty();
        assertThat(report.labs()).isEmpty();
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
