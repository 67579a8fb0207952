package dev.aiworkbench.labs.definition;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static dev.aiworkbench.labs.definition.LabFiles.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labs the app ships: every lab in the repository's labs/ folder (a folder there with a lab.yaml) is in the
 * app and loads, checked against the default pack, without a single problem, warnings included. The test holds
 * for whatever labs exist, so it fails as soon as any of them has a problem.
 */
class BundledLabsTest {
    /** The repository's labs; Maven runs tests from the project folder. */
    private static final Path REPOSITORY_LABS = Path.of(LabLocation.LABS).toAbsolutePath();
    private final Pack pack = TestPacks.defaultPack();

    /**
     * The labs are copied beside nothing else: the repository itself also holds the build's output and Git's
     * history, which a folder of labs would rightly be refused for.
     */
    @Test
    void everyLabInTheRepositoryIsShippedAndLoadsWithoutAnyProblem(@TempDir Path temp) {
        PackFiles.copyFolder(REPOSITORY_LABS, temp.resolve(LabLocation.LABS));
        LabCatalog repository = LabCatalog.load(temp, Optional.of(pack));
        assertThat(repository.ids()).as("the repository's labs").isNotEmpty();
        LabCatalog bundled = LabCatalog.bundled(Optional.of(pack));

        assertThat(lines(repository.allProblems())).as("problems in the repository's labs/").isEmpty();
        assertThat(lines(bundled.allProblems())).as("problems in the labs shipped in the app").isEmpty();
        assertThat(bundled.source()).isEqualTo("built-in labs");
        assertThat(bundled.ids()).as("labs in the app (rebuild when this fails after adding a lab)")
                .containsAll(repository.ids());
        for (LabLoadResult lab : bundled.labs()) {
            assertThat(lab.valid()).as(lab.id()).isTrue();
            LabDefinition definition = lab.lab().orElseThrow();
            assertThat(definition.id()).isEqualTo(lab.id());
            assertThat(definition.folder()).isEqualTo("labs/" + lab.id());
            assertThat(definition.steps()).as(lab.id()).isNotEmpty()
                    .allSatisfy(step -> assertThat(step.checks()).as(lab.id() + " " + step.id()).isNotEmpty());
        }
    }

    @Test
    void theToolAgentLabsFirstStepAsksTheModelWhichToolTheLearnersDefinitionsLeadTo() {
        LabDefinition lab = LabCatalog.bundled(Optional.of(pack)).result("tool-agent").orElseThrow().lab()
                .orElseThrow();

        LabStep tools = lab.steps().get(0);
        assertThat(tools.checks()).extracting(CheckSpec::id).containsExactly("tool-tests", "tools-steer-the-model");
        CheckSpec.ToolChoice check = (CheckSpec.ToolChoice) tools.checks().get(1);
        assertThat(check.tools().get(0)).isEqualTo("{{python}}");
        assertThat(check.commandRun()).as("it runs a command, so it needs the learner's trust")
                .isEqualTo(check.tools());
        assertThat(check.needs()).isEqualTo(ServiceType.OLLAMA);
        assertThat(check.model()).isEqualTo("qwen2.5:1.5b");
        assertThat(check.expectTool()).isEqualTo("get_pod_status");
        assertThat(check.arguments()).containsOnlyKeys("$.namespace", "$.pod");
        assertThat(check.hint()).contains("description");
    }

    @Test
    void thePackLoaderOffersExactlyTheLabsTheCatalogLists() {
        assertThat(InstalledPack.bundledLabIds()).containsExactlyInAnyOrderElementsOf(
                LabCatalog.bundled(Optional.empty()).ids());
    }

    @Test
    void everyLabThePackLinksIsShippedAndEveryLabItMarksIsInThePack() {
        LabCatalog bundled = LabCatalog.bundled(Optional.of(pack));
        pack.weeks().forEach(week -> {
            week.labs().forEach(id -> assertThat(bundled.ids()).as(week.file()).contains(id));
            week.tasks().forEach(task -> task.lab().ifPresent(id ->
                    assertThat(bundled.ids()).as(week.file() + " " + task.id()).contains(id)));
        });
    }
}
