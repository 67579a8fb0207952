package dev.aiworkbench.authoring;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.labs.checks.EvalSuiteRunner;
import dev.aiworkbench.labs.definition.LabCatalog;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.ServiceSpec;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pack lint --run-labs} on both packs of the repository, for real, on a machine without Docker or an Ollama
 * server: every lab that needs nothing beyond FastAPI (or no service at all) runs, its starter failing and its
 * reference solution passing; every other lab is skipped with the reason, a warning, never an error. The time the
 * run took is printed.
 */
@Tag("slow")
class RepositoryPacksRunLabsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"curriculum/devops-to-ai", "curriculum/llm-evals-in-practice"})
    void labsPassWhereTheyCanRunHereAndTheOthersAreSkippedWithTheReason(String folder) throws Exception {
        RunLabsSupport.needsPythonWithFastApi("--run-labs on " + folder);
        RunLabsSupport.needsTheToolsOfTheLabs(listedLabs(Path.of(folder)), "--run-labs on " + folder);
        URI noOllama = RunLabsSupport.closedPort();
        Set<Path> tempFoldersBefore = RunLabsSupport.rehearsalFolders();
        LintReport report;
        long took;
        try (OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(noOllama))) {
            LabRehearsal rehearsal = new LabRehearsal(RunLabsSupport.withoutDocker(temp), () -> gateway,
                    EvalSuiteRunner.UNAVAILABLE, line -> { });
            long start = System.nanoTime();
            report = new PackLinter(AppInfo.version()).lintAndRunLabs(Path.of(folder), rehearsal);
            took = (System.nanoTime() - start) / 1_000_000;
        }

        System.out.println("pack lint --run-labs " + folder + " took " + took + " ms: " + report.labs().stream()
                .map(l -> l.labId() + " " + l.verdict().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        report.problems().forEach(p -> System.out.println("  " + p.rule() + ": " + p.message()));
        assertThat(report.problems()).as("lint clean apart from the labs that cannot run here")
                .allSatisfy(p -> assertThat(p.rule()).isEqualTo("lab-skipped"));
        assertThat(report.passes()).isTrue();
        LabCatalog app = LabCatalog.bundled(Optional.empty());
        for (RehearsedLab lab : report.labs()) {
            LabDefinition definition = app.lab(lab.labId()).orElseThrow();
            Set<ServiceType> services = definition.services().stream().map(ServiceSpec::type).collect(Collectors.toSet());
            if (Set.of(ServiceType.FASTAPI).containsAll(services)) {
                assertThat(lab.verdict()).as(lab.labId() + " runs here").isEqualTo(RehearsedLab.Verdict.PASSED);
            } else {
                assertThat(lab.verdict()).as(lab.labId() + " needs " + services).isEqualTo(RehearsedLab.Verdict.SKIPPED);
                assertThat(lab.problems()).singleElement().extracting(Problem::message).asString()
                        .startsWith("lab " + lab.labId() + " was not run here: ")
                        .containsAnyOf("No Ollama server answers at " + noOllama, "Qdrant runs in Docker");
            }
        }
        assertThat(report.labs()).extracting(RehearsedLab::labId)
                .containsExactlyInAnyOrderElementsOf(listedLabs(Path.of(folder)));
        assertThat(report.labCount(RehearsedLab.Verdict.PASSED)).as("some labs run here").isPositive();
        assertThat(RunLabsSupport.processesLeft()).as("processes left running").isEmpty();
        assertThat(RunLabsSupport.rehearsalFolders()).as("temporary folders left behind").isEqualTo(tempFoldersBefore);
    }

    /** The labs a pack.yaml lists, read as text so the test does not lean on the code under test. */
    private static List<String> listedLabs(Path pack) throws IOException {
        String line = Files.readAllLines(pack.resolve("pack.yaml")).stream()
                .filter(l -> l.startsWith("labs: [")).findFirst().orElseThrow();
        return List.of(line.substring("labs: [".length(), line.indexOf(']')).split(",\\s*"));
    }
}
