package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.packs.BundledPackUpdates;
import dev.aiworkbench.progress.ProgressCarryOver;
import dev.aiworkbench.progress.ProgressService;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The default pack's 2026 update as a learner meets it: progress made on the built-in pack the app shipped before
 * (taken from the repository's history), then the app started with today's built-in pack.
 */
class BundledPackHistoryTest {
    /** The last commit whose built-in pack was 1.0.0 with the canary set-up in week 35 (w35-canary-setup). */
    private static final String BEFORE_2026_UPDATE = "44a685f935b1a7239e13bc1fa42b4801701f9c0d";

    private final MutableClock clock = MutableClock.utc("2026-12-05T10:00");
    @TempDir
    Path temp;

    @Test
    void progressOnThePreviousBuiltInPackIsKeptAndTheUpdateIsReportedOnce() throws Exception {
        Path old = previousBuiltInPack();
        Path data = temp.resolve("data");
        walkWithTheOldApp(old, data);

        ProgressSnapshot carried;
        try (Workbench workbench = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty()), clock)) {
            Pack pack = workbench.pack().pack().orElseThrow();
            assertThat(pack.info().version()).isEqualTo("2026.1.0");
            carried = workbench.progress().snapshot(pack);
            assertThat(workbench.takePackUpdateNotice()).contains("Your plan was updated to 2026.1.0: 10 tasks added,"
                    + " 1 moved; your progress was kept.");
        }
        assertThat(carried.state("w36-canary-setup")).isEqualTo(TaskState.DONE);
        assertThat(carried.state("w01-event-loop")).isEqualTo(TaskState.DONE);
        assertThat(carried.state("w35-stories")).isEqualTo(TaskState.IN_PROGRESS);
        assertThat(carried.minutesByItem(clock.instant())).containsEntry("w36-canary-setup", 90L);

        try (Workbench again = Workbench.open(new WorkbenchOptions(Optional.of(data), Optional.empty()), clock)) {
            assertThat(again.takePackUpdateNotice()).isEmpty();
            assertThat(again.progress().snapshot(again.pack().pack().orElseThrow()).state("w36-canary-setup"))
                    .isEqualTo(TaskState.DONE);
            assertThat(again.backups().list()).hasSize(1);
        }
    }

    /** What the app of the old pack did: start once (recording its version), then the learner's work. */
    private void walkWithTheOldApp(Path oldPack, Path data) throws IOException {
        java.nio.file.Files.createDirectories(data);
        try (Database database = Database.open(new DataFolder(data, "test").database())) {
            Pack pack = InstalledPack.load(Optional.of(oldPack), AppInfo.version()).pack().orElseThrow();
            assertThat(pack.info().version()).isEqualTo("1.0.0");
            assertThat(pack.workItem("w35-canary-setup")).isPresent();
            BundledPackUpdates updates = new BundledPackUpdates(database, data.resolve("bundled-packs"),
                    new ProgressCarryOver(database, List.of(), clock),
                    new Backups(database, new BackupFolder(data.resolve("backups")), clock), AppInfo.version(), clock);
            updates.catchUp(pack, () -> PackLocation.open(oldPack), true);
            ProgressService progress = new ProgressService(database, clock);
            progress.mark(pack, "w35-canary-setup", TaskState.DONE);
            progress.addMinutes(pack, "w35-canary-setup", 90);
            progress.mark(pack, "w01-event-loop", TaskState.DONE);
            progress.mark(pack, "w35-stories", TaskState.IN_PROGRESS);
        }
    }

    /** The built-in pack as the commit before the update had it, from git; skipped where there is no history. */
    private Path previousBuiltInPack() throws IOException, InterruptedException {
        Path into = temp.resolve("old");
        java.nio.file.Files.createDirectories(into);
        Process archive = new ProcessBuilder("sh", "-c", "git archive --format=tar " + BEFORE_2026_UPDATE
                + " curriculum/devops-to-ai | tar -x -C '" + into + "'").redirectErrorStream(true).start();
        String output = new String(archive.getInputStream().readAllBytes());
        assumeTrue(archive.waitFor(60, TimeUnit.SECONDS) && archive.exitValue() == 0,
                "the repository's history is not here (a source copy or a shallow clone): " + output);
        return into.resolve("curriculum/devops-to-ai");
    }
}
