package dev.aiworkbench.curriculum;

import dev.aiworkbench.app.AppInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.aiworkbench.testing.PackFiles.at;
import static dev.aiworkbench.testing.PackFiles.copyDefaultPackWithoutAssessments;
import static dev.aiworkbench.testing.PackFiles.insertAfterLine;
import static dev.aiworkbench.testing.PackFiles.lines;
import static dev.aiworkbench.testing.PackFiles.replaceOnce;
import static dev.aiworkbench.testing.PackFiles.weekFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack's labs: a week's task and a week may use a lab the pack ships (labs/<id>/) or one the app offers;
 * pack.yaml lists the labs the pack uses, each of which must exist; a task opening a lab pack.yaml does not list
 * is a warning.
 */
class PackLabsTest {
    private static final String PACK = "pack.yaml";
    private static final String W01 = weekFile(1);
    private static final Set<String> APP_LABS = Set.of("app-lab-one", "app-lab-two");

    @TempDir
    Path temp;

    /**
     * The default pack with its lab links (and the assessments naming labs as evidence) taken out, so each test adds
     * exactly the links it is about.
     */
    private Path pack() {
        Path root = copyDefaultPackWithoutAssessments(temp.resolve("pack"));
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                String unlinked = text.replaceAll("(?m)^labs: \\[.*\\]\\n", "").replaceAll("(?m)^    lab: .*\\n", "");
                if (!unlinked.equals(text)) {
                    Files.writeString(file, unlinked);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static LoadResult load(Path root) {
        try (PackLocation location = PackLocation.open(root)) {
            return new PackLoader(AppInfo.version(), APP_LABS).load(location);
        } catch (PackAccessException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void linkTask(Path root, String lab) {
        replaceOnce(root.resolve(W01), "    kind: build\n", "    kind: build\n    lab: " + lab + "\n");
    }

    private static void listLabs(Path root, String labs) {
        insertAfterLine(root.resolve(PACK), "hoursPerWeek:", "labs: " + labs);
    }

    @Test
    void aTaskOpeningAnUnknownLabIsAnErrorAtTheLabField() {
        Path root = pack();
        linkTask(root, "gateway-lab");

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(at(root, W01, "lab: |gateway-lab")
                + ": unknown lab 'gateway-lab': the pack has no folder labs/gateway-lab/ and the app has no lab of "
                + "that id");
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aTaskOpeningALabThatPackYamlDoesNotListIsAWarning() {
        Path root = pack();
        linkTask(root, "app-lab-one");

        LoadResult result = load(root);

        assertThat(lines(result)).containsExactly(at(root, W01, "lab: |app-lab-one") + ": warning: lab "
                + "'app-lab-one' is not in pack.yaml's labs: list it there so that learners are asked to trust it "
                + "before it starts services or runs commands");
        assertThat(result.valid()).isTrue();
    }

    @Test
    void aListedLabOfTheAppOrOfThePackIsAccepted() throws IOException {
        Path root = pack();
        Files.createDirectories(root.resolve("labs/own-lab"));
        listLabs(root, "[app-lab-one, own-lab]");
        linkTask(root, "app-lab-one");
        insertAfterLine(root.resolve(weekFile(2)), "hours:", "labs: [own-lab, app-lab-two]");

        LoadResult result = load(root);

        assertThat(lines(result)).isEmpty();
        Pack pack = result.pack().orElseThrow();
        assertThat(pack.weekNumber(1).orElseThrow().tasks()).anySatisfy(t ->
                assertThat(t.lab()).contains("app-lab-one"));
        assertThat(pack.weekNumber(2).orElseThrow().labs()).containsExactly("own-lab", "app-lab-two");
    }

    @Test
    void aLabPackYamlListsMustExist() {
        Path root = pack();
        listLabs(root, "[app-lab-one, no-such-lab]");

        assertThat(lines(load(root))).containsExactly(at(root, PACK, "|no-such-lab") + ": unknown lab 'no-such-lab': "
                + "the pack has no folder labs/no-such-lab/ and the app has no lab of that id");
    }

    @Test
    void packYamlLabsAreIdsListedOnce() {
        Path root = pack();
        listLabs(root, "[app-lab-one, App_Lab_One, app-lab-one]");

        List<String> problems = lines(load(root));

        assertThat(problems).containsExactly(
                at(root, PACK, "labs: |[") + ": labs: must have only unique items in the array",
                at(root, PACK, "|App_Lab_One") + ": labs[1]: 'App_Lab_One' is not a valid id (use lower-case "
                        + "letters, digits and hyphens)");
    }

    @Test
    void aWeekUsingALabOfTheAppNeedsNoFolderInThePack() {
        Path root = pack();
        insertAfterLine(root.resolve(W01), "hours:", "labs: [app-lab-two]");

        assertThat(lines(load(root))).isEmpty();
        assertThat(lines(dev.aiworkbench.testing.PackFiles.load(root))).containsExactly(at(root, W01,
                "labs: [|app-lab-two]") + ": unknown lab 'app-lab-two': the pack has no folder labs/app-lab-two/ and "
                + "the app has no lab of that id");
    }

    @Test
    void theInstalledPackIsCheckedAgainstTheLabsItIsGiven() {
        Path root = pack();
        listLabs(root, "[app-lab-one]");
        linkTask(root, "app-lab-one");

        assertThat(lines(InstalledPack.load(Optional.of(root), AppInfo.version(), APP_LABS).result())).isEmpty();
        assertThat(lines(InstalledPack.load(Optional.of(root), AppInfo.version(), Set.of()).result())).containsExactly(
                at(root, PACK, "labs: [|app-lab-one]") + ": unknown lab 'app-lab-one': the pack has no folder "
                        + "labs/app-lab-one/ and the app has no lab of that id",
                at(root, W01, "lab: |app-lab-one") + ": unknown lab 'app-lab-one': the pack has no folder "
                        + "labs/app-lab-one/ and the app has no lab of that id");
    }
}
