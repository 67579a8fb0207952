package dev.aiworkbench.curriculum;

import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.labs.definition.LabLoader;
import dev.aiworkbench.labs.definition.LabLocation;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code pack new} writes: a minimal pack that loads without a single problem, lab included. */
class PackScaffoldTest {
    @TempDir
    Path temp;

    @Test
    void theScaffoldLoadsWithoutAnyProblemAndHasTheShapeThePackNeeds() throws Exception {
        Path folder = temp.resolve("my-pack");
        PackScaffold.create(folder, "my-pack", "My pack: a start");

        LoadResult result = PackFiles.load(folder);

        assertThat(PackFiles.lines(result)).isEmpty();
        Pack pack = result.pack().orElseThrow();
        assertThat(pack.id()).isEqualTo("my-pack");
        assertThat(pack.info().title()).isEqualTo("My pack: a start");
        assertThat(pack.phases()).hasSize(1);
        assertThat(pack.phases().get(0).modules()).hasSize(1);
        assertThat(pack.weeks()).extracting(Week::number).containsExactly(1, 2, 3, 4);
        assertThat(pack.weeks()).allSatisfy(w -> assertThat(w.guide()).contains("Replace this"));
        assertThat(pack.phases().get(0).milestone().week()).isEqualTo(4);
        assertThat(pack.phases().get(0).milestone().checklist()).isNotEmpty();
        assertThat(pack.assessments()).hasSize(1);
        Set<String> tested = new HashSet<>();
        pack.assessments().get(0).items().forEach(i -> tested.addAll(i.weeks()));
        assertThat(tested).containsExactlyInAnyOrder("week-01", "week-02", "week-03", "week-04");
        assertThat(folder.resolve("README.md")).content().contains("# My pack: a start", "`my-pack`");
    }

    @Test
    void theScaffoldedLabLoadsCleanAgainstThePackAndHasAStarterAndASolution() throws Exception {
        Path folder = temp.resolve("evals");
        PackScaffold.create(folder, "evals", "Evals");
        Pack pack = PackFiles.load(folder).pack().orElseThrow();

        try (LabLocation labs = LabLocation.open(folder)) {
            assertThat(labs.labIds()).containsExactly("evals-lab");
            LabLoadResult lab = new LabLoader(Optional.of(pack)).load(labs, "evals-lab");
            assertThat(lab.problems()).isEmpty();
            assertThat(lab.lab()).isPresent();
        }
        Path lab = folder.resolve("labs/evals-lab");
        assertThat(lab.resolve("starter/greeting.py")).content().contains("NotImplementedError");
        assertThat(lab.resolve("starter/tests/test_greeting.py")).exists();
        assertThat(lab.resolve("solution/greeting.py")).content().doesNotContain("NotImplementedError");
        assertThat(pack.weekNumber(1).orElseThrow().tasks()).anySatisfy(t -> assertThat(t.lab()).contains("evals-lab"));
    }

    @Test
    void theIdIsFilledInEverywhereAndNoOtherPlaceholderIsLeft() throws Exception {
        Path folder = temp.resolve("p");
        List<String> written = PackScaffold.create(folder, "ops-evals", "Ops \"evals\"");

        assertThat(written).contains("pack.yaml", "README.md", "labs/ops-evals-lab/lab.yaml",
                "labs/ops-evals-lab/starter/greeting.py", "labs/ops-evals-lab/solution/greeting.py");
        for (String file : written) {
            assertThat(folder.resolve(file)).as(file).exists();
            assertThat(Files.readString(folder.resolve(file))).as(file)
                    .doesNotContain("{{id}}", "{{title}}", "{{title-yaml}}");
        }
        assertThat(PackFiles.load(folder).pack().orElseThrow().info().title()).isEqualTo("Ops \"evals\"");
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(folder.resolve("notes.md"), "mine");

        assertThat(PackScaffold.canWriteInto(folder)).isFalse();
        assertThatThrownBy(() -> PackScaffold.create(folder, "busy", "Busy"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(folder.resolve("notes.md")).content().isEqualTo("mine");
        assertThat(folder.resolve("pack.yaml")).doesNotExist();
    }

    @Test
    void idsAreKebabCaseAndFolderNamesSuggestOne() {
        assertThat(PackScaffold.isValidId("llm-evals-2")).isTrue();
        assertThat(PackScaffold.isValidId("LLM-evals")).isFalse();
        assertThat(PackScaffold.isValidId("llm--evals")).isFalse();
        assertThat(PackScaffold.isValidId("-evals")).isFalse();
        assertThat(PackScaffold.isValidId("a".repeat(61))).isFalse();
        assertThat(PackScaffold.idFromFolderName("My Evals_Pack")).isEqualTo("my-evals-pack");
        assertThat(PackScaffold.titleFromId("my-evals-pack")).isEqualTo("My evals pack");
    }
}
