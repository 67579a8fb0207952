package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code replaces:} names the ids an item had before, so an upgrade can move progress from them. */
class ReplacesTest {
    @TempDir
    Path temp;

    @Test
    void aTaskAWeekAChecklistItemAndAnAssessmentItemMayEachNameTheIdsTheyReplace() {
        Path pack = PackFiles.copyDefaultPack(temp.resolve("pack"));
        Path week = pack.resolve(PackFiles.weekFile(1));
        PackFiles.insertAfterLine(week, "  - id: w01-event-loop", "    replaces: [w01-asyncio-basics, w01-loop]");
        PackFiles.insertAfterLine(week, "id: week-01", "replaces: [week-01-python]");

        LoadResult result = PackFiles.load(pack);

        assertThat(PackFiles.lines(result)).filteredOn(l -> l.contains("replace")).isEmpty();
        assertThat(result.pack().orElseThrow().replacements()).containsEntry("w01-asyncio-basics", "w01-event-loop")
                .containsEntry("w01-loop", "w01-event-loop").containsEntry("week-01-python", "week-01");
    }

    @Test
    void anOldIdThatIsStillInThePackOrThatTwoItemsReplaceOrThatAnItemReplacesWithItselfIsAnErrorAtItsPlace() {
        Path pack = PackFiles.copyDefaultPack(temp.resolve("pack"));
        Path week = pack.resolve(PackFiles.weekFile(1));
        PackFiles.insertAfterLine(week, "  - id: w01-event-loop", "    replaces: [w01-project-setup, w01-gone]");
        PackFiles.insertAfterLine(week, "  - id: w01-async-checker", "    replaces: [w01-gone, w01-async-checker]");

        LoadResult result = PackFiles.load(pack);

        String file = PackFiles.weekFile(1);
        assertThat(PackFiles.lines(result)).contains(
                PackFiles.at(pack, file, "replaces: [|w01-project-setup") + ": 'w01-event-loop' replaces"
                        + " 'w01-project-setup', but 'w01-project-setup' is still in the pack; remove that item, or drop"
                        + " it from replaces",
                PackFiles.at(pack, file, "replaces: [|w01-gone, w01-async") + ": 'w01-gone' is replaced twice (first at "
                        + PackFiles.at(pack, file, "w01-project-setup, |w01-gone") + "); progress on it can move to one item only",
                PackFiles.at(pack, file, "w01-gone, |w01-async-checker]") + ": 'w01-async-checker' replaces itself;"
                        + " list only the ids it had before");
        assertThat(result.problems()).filteredOn(p -> "replaces".equals(p.rule())).hasSize(3);
    }

    @Test
    void replacesIsAListOfIdsOrTheSchemaSaysSo() {
        Path pack = PackFiles.copyDefaultPack(temp.resolve("pack"));
        PackFiles.insertAfterLine(pack.resolve(PackFiles.weekFile(1)), "  - id: w01-event-loop", "    replaces: Old Name");

        assertThat(PackFiles.load(pack).valid()).isFalse();
    }
}
