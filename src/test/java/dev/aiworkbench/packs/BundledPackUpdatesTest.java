package dev.aiworkbench.packs;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app update's newer built-in pack, played with two versions made from the repository's default pack: the next
 * one renames a week-2 task (with {@code replaces:}), moves a task to another week, adds two and removes one.
 */
class BundledPackUpdatesTest {
    private static final Path DEFAULT_PACK = Path.of("curriculum", InstalledPack.DEFAULT_PACK);

    private final MutableClock clock = MutableClock.utc("2026-12-05T10:00");
    @TempDir
    Path temp;
    private Database database;
    private ProgressService progress;
    private Backups backups;
    private BundledPackUpdates updates;
    private Path now;
    private Path next;

    @BeforeEach
    void open() throws IOException {
        database = Database.open(temp.resolve("workbench.db"));
        progress = new ProgressService(database, clock);
        backups = new Backups(database, new BackupFolder(temp.resolve("backups")), clock);
        updates = new BundledPackUpdates(database, temp.resolve("bundled-packs"),
                new ProgressCarryOver(database, List.of(), clock), backups, AppInfo.version(), clock);
        now = copy(DEFAULT_PACK, temp.resolve("now"));
        next = nextVersion(copy(DEFAULT_PACK, temp.resolve("next")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFreshDataFolderRecordsTheVersionAndKeepsItsCopyWhenAskedOnce() throws IOException {
        Path copy = temp.resolve("bundled-packs/devops-to-ai").resolve(load(now).info().version()).resolve("pack.yaml");

        assertThat(updates.catchUp(load(now), files(now), false)).isEmpty();
        assertThat(copy).doesNotExist();
        assertThat(updates.catchUp(load(now), files(now), false)).isEmpty();

        updates.keepCopy(load(now), files(now));
        assertThat(copy).exists();
        updates.keepCopy(load(now), () -> PackLocation.open(temp.resolve("no-such-pack")));
        assertThat(copy).exists();
        assertThat(updates.takeNotice(InstalledPack.DEFAULT_PACK)).isEmpty();
        assertThat(backups.list()).isEmpty();
    }

    @Test
    void onlyTheVersionWalkedIsKept() throws IOException {
        updates.keepCopy(load(now), files(now));
        assertThat(temp.resolve("bundled-packs")).doesNotExist();

        updates.catchUp(load(now), files(now), false);
        updates.keepCopy(load(next), files(next));
        assertThat(temp.resolve("bundled-packs/devops-to-ai").resolve(load(next).info().version())).doesNotExist();
    }

    @Test
    void anUpdateAfterAFreshStartWhoseCopyWasNeverKeptStillCarriesTheProgress() throws IOException {
        Pack before = load(now);
        updates.catchUp(before, files(now), false);
        progress.mark(before, "w02-schema", TaskState.DONE);

        BundledPackUpdate update = updates.catchUp(load(next), files(next), false).orElseThrow();

        assertThat(progress.snapshot(load(next)).state("w02-json-schema")).isEqualTo(TaskState.DONE);
        assertThat(update.changes()).isEmpty();
        assertThat(update.text()).isEqualTo("Your plan was updated to 2026.9.0: 1 task moved; your progress was kept.");
    }

    @Test
    void aNewerBuiltInPackCarriesTheProgressAndSaysWhatChangedOnce() throws IOException {
        Pack before = load(now);
        updates.catchUp(before, files(now), false);
        updates.keepCopy(before, files(now));
        progress.mark(before, "w02-schema", TaskState.DONE);
        progress.addMinutes(before, "w02-schema", 50);
        progress.mark(before, "w01-event-loop", TaskState.DONE);
        progress.mark(before, "w03-lifespan", TaskState.DONE);
        progress.mark(before, "w04-ci", TaskState.IN_PROGRESS);

        Pack after = load(next);
        BundledPackUpdate update = updates.catchUp(after, files(next), false).orElseThrow();

        ProgressSnapshot carried = progress.snapshot(after);
        assertThat(carried.state("w02-json-schema")).isEqualTo(TaskState.DONE);
        assertThat(carried.minutesByItem(clock.instant())).containsEntry("w02-json-schema", 50L);
        assertThat(carried.state("w03-lifespan")).isEqualTo(TaskState.DONE);
        assertThat(carried.state("w01-event-loop")).isEqualTo(TaskState.DONE);
        assertThat(update.carried().archived()).extracting(a -> a.id()).containsExactly("w04-ci");
        String text = "Your plan was updated to 2026.9.0: 2 tasks added, 2 moved, 1 removed; your progress was kept."
                + " Progress on 1 item(s) the plan no longer has was set aside, not deleted: `workbench progress"
                + " archived` lists it.";
        assertThat(update.text()).isEqualTo(text);
        assertThat(backups.list()).hasSize(1);
        assertThat(updates.takeNotice(InstalledPack.DEFAULT_PACK)).contains(text);
        assertThat(updates.takeNotice(InstalledPack.DEFAULT_PACK)).isEmpty();
        assertThat(updates.catchUp(after, files(next), false)).isEmpty();
        assertThat(updates.takeNotice(InstalledPack.DEFAULT_PACK)).isEmpty();
    }

    @Test
    void aDataFolderFromBeforeTheRecordStillGetsItsProgressMovedAndAShortNotice() throws IOException {
        Pack before = load(now);
        progress.mark(before, "w02-schema", TaskState.DONE);
        progress.mark(before, "w01-event-loop", TaskState.DONE);

        BundledPackUpdate update = updates.catchUp(load(next), files(next), false).orElseThrow();

        assertThat(progress.snapshot(load(next)).state("w02-json-schema")).isEqualTo(TaskState.DONE);
        assertThat(update.changes()).isEmpty();
        assertThat(update.text()).isEqualTo("Your plan was updated to 2026.9.0: 1 task moved; your progress was kept.");
        assertThat(updates.takeNotice(InstalledPack.DEFAULT_PACK)).contains(update.text());
    }

    @Test
    void aDataFolderWithProgressButNothingToMoveIsToldTheVersionOnly() throws IOException {
        Pack before = load(now);
        progress.mark(before, "w01-event-loop", TaskState.DONE);

        BundledPackUpdate update = updates.catchUp(load(next), files(next), false).orElseThrow();

        assertThat(update.text()).isEqualTo("Your plan was updated to 2026.9.0; your progress was kept.");
        assertThat(backups.list()).isEmpty();
    }

    @Test
    void aCopyThatCannotBeWrittenRecordsNothingSoTheNextStartTriesAgain() throws IOException {
        Pack before = load(now);
        updates.catchUp(before, files(now), false);
        updates.keepCopy(before, files(now));
        progress.mark(before, "w02-schema", TaskState.DONE);
        BundledPackUpdates.BundledFiles gone = () -> PackLocation.open(temp.resolve("no-such-pack"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> updates.catchUp(load(next), gone, false))
                .isInstanceOf(IOException.class).hasMessageContaining("could not be copied");
        assertThat(progress.snapshot(load(next)).state("w02-json-schema")).isEqualTo(TaskState.DONE);

        BundledPackUpdate update = updates.catchUp(load(next), files(next), false).orElseThrow();
        assertThat(update.text()).startsWith("Your plan was updated to 2026.9.0: 2 tasks added, 2 moved, 1 removed;");
        assertThat(updates.takeNotice(InstalledPack.DEFAULT_PACK)).contains(update.text());
    }

    private static Pack load(Path folder) {
        InstalledPack pack = InstalledPack.load(Optional.of(folder), AppInfo.version());
        assertThat(pack.result().valid()).as(pack.result().problems().toString()).isTrue();
        return pack.pack().orElseThrow();
    }

    private static BundledPackUpdates.BundledFiles files(Path folder) {
        return () -> PackLocation.open(folder);
    }

    /** 2026.9.0: w02-schema renamed, w03-lifespan moved to week 4, two tasks added to week 1, w04-ci removed. */
    private static Path nextVersion(Path pack) throws IOException {
        edit(pack.resolve("pack.yaml"), "\nversion: ", "\nversion: 2026.9.0\n#");
        Path week1 = only(pack, "01-");
        Path week2 = only(pack, "02-");
        Path week3 = only(pack, "03-");
        Path week4 = only(pack, "04-");
        edit(week2, "  - id: w02-schema\n", "  - id: w02-json-schema\n    replaces: [w02-schema]\n");
        String lifespan = taskBlock(week3, "w03-lifespan");
        edit(week3, lifespan, "");
        edit(week4, "tasks:\n", "tasks:\n" + lifespan);
        edit(week4, taskBlock(week4, "w04-ci"), "");
        edit(week1, "tasks:\n", "tasks:\n" + newTask("w01-extra-a") + newTask("w01-extra-b"));
        return pack;
    }

    private static String newTask(String id) {
        return "  - id: " + id + "\n    kind: study\n    title: An added task\n    detail: >\n      Read it. Done when"
                + " you can say what it does.\n    hours: 0.5\n";
    }

    /** A task's lines in a week's front matter: from its "- id:" line to the next task or the next key. */
    private static String taskBlock(Path week, String id) throws IOException {
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("(?ms)^  - id: " + id + "\n.*?(?=^  - id: |^\\S)")
                .matcher(Files.readString(week));
        assertThat(block.find()).as(id + " in " + week).isTrue();
        return block.group();
    }

    private static Path only(Path pack, String prefix) throws IOException {
        try (var files = Files.list(pack.resolve("weeks"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static void edit(Path file, String old, String now) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(old);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(now)));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
