package dev.aiworkbench.app;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalProgress;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.packs.InstallPlan;
import dev.aiworkbench.progress.TaskState;
import dev.aiworkbench.store.BackupException;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.DatabaseException;
import dev.aiworkbench.store.DatabaseFailures;
import dev.aiworkbench.testing.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data folder on a small real disk that fills up: each kind of write (a progress mark, an eval run's cases, a
 * pack install, a backup) fails with the store's sentence, nothing committed before is lost, and the database opens
 * clean afterwards.
 */
class DiskFullTest {
    private static final String DISK_FULL = "The disk is full, so this change to the database ";

    @TempDir
    Path temp;

    private SmallDisk disk;
    private EvalHarness h;

    @AfterEach
    void unmount() throws Exception {
        if (h != null) {
            h.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    private Path database() {
        return h.data.resolve("workbench.db");
    }

    /** Empties the WAL into the database, so the next change must grow a file: on a full disk it cannot. */
    private void checkpoint() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private Workbench fullWorkbench(Consumer<Workbench> beforeTheDiskFills) throws Exception {
        disk = SmallDisk.mount(temp.resolve("disk"), "4m");
        h = new EvalHarness(disk.path());
        Workbench workbench = h.workbench();
        beforeTheDiskFills.accept(workbench);
        checkpoint();
        assertThat(disk.fill()).isPositive();
        return workbench;
    }

    private void assertOpensCleanWith(String firstTask, String runId) throws Exception {
        Path database = database();
        h.close();
        h = null;
        disk.free();
        try (Database reopened = Database.open(database)) {
            assertThat(reopened.file()).exists();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            assertThat(one(c, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(one(c, "SELECT state FROM item_state WHERE item_id = '" + firstTask + "'")).isEqualTo("done");
            if (runId != null) {
                assertThat(one(c, "SELECT COUNT(*) FROM eval_case WHERE run_id = '" + runId + "'")).isEqualTo("6");
            }
        }
    }

    @Test
    void aProgressMarkAndABackupFailWithTheirSentencesAndKeepWhatWasSaved() throws Exception {
        String[] tasks = new String[2];
        Workbench workbench = fullWorkbench(w -> {
            Pack pack = w.pack().pack().orElseThrow();
            tasks[0] = pack.weeks().get(0).tasks().get(0).id();
            tasks[1] = pack.weeks().get(0).tasks().get(1).id();
            w.progress().mark(pack, tasks[0], TaskState.DONE);
        });
        Pack pack = workbench.pack().pack().orElseThrow();

        assertThatThrownBy(() -> workbench.progress().mark(pack, tasks[1], TaskState.DONE))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DatabaseException.Reason.DISK_FULL);
                    assertThat(e.getMessage()).isEqualTo(DISK_FULL + database() + " was not saved; everything saved "
                            + "before is kept. Free some space on that disk and try again.");
                });
        assertThatThrownBy(() -> workbench.backups().backup("manual")).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.getMessage()).isEqualTo("The disk is full, so no backup could be written into "
                        + workbench.dataFolder().backups() + "; the database itself is unchanged. Free some space "
                        + "on that disk and try again."));
        try (Stream<Path> backups = Files.list(workbench.dataFolder().backups())) {
            assertThat(backups).as("no half-written backup is left").isEmpty();
        }
        disk.free();
        assertThat(workbench.progress().mark(pack, tasks[1], TaskState.DONE)).as("the same open workbench writes "
                + "again once there is room").isEqualTo(1);

        assertOpensCleanWith(tasks[0], null);
    }

    @Test
    void anEvalRunThatFillsTheDiskFailsWithTheSentenceAndKeepsTheEarlierRun() throws Exception {
        String[] firstTask = new String[1];
        EvalRun[] earlier = new EvalRun[1];
        Workbench workbench = fullWorkbench(w -> {
            Pack pack = w.pack().pack().orElseThrow();
            firstTask[0] = pack.weeks().get(0).tasks().get(0).id();
            w.progress().mark(pack, firstTask[0], TaskState.DONE);
            h.writeSuite(6, 2);
            try {
                earlier[0] = h.run(h.load(), EvalHarness.options(2, 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        EvalSuite suite = h.load();

        assertThatThrownBy(() -> h.run(suite, EvalHarness.options(2, 1))).satisfies(e -> {
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            assertThat(failure).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) failure).reason()).isEqualTo(DatabaseException.Reason.DISK_FULL);
            assertThat(failure.getMessage()).startsWith(DISK_FULL);
        });

        assertOpensCleanWith(firstTask[0], earlier[0].id());
    }

    @Test
    void anEvalRunThatFindsTheDiskFullMidwayEndsWithTheSentence() throws Exception {
        String[] firstTask = new String[1];
        AtomicBoolean fill = new AtomicBoolean();
        fullWorkbench(w -> {
            Pack pack = w.pack().pack().orElseThrow();
            firstTask[0] = pack.weeks().get(0).tasks().get(0).id();
            w.progress().mark(pack, firstTask[0], TaskState.DONE);
            h.writeSuite(40, 2);
        });
        disk.free();
        checkpoint();
        h.onRequest(() -> {
            if (fill.compareAndSet(false, true)) {
                try {
                    disk.fill();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        EvalSuite suite = h.load();

        assertThatThrownBy(() -> h.start(suite, EvalHarness.options(2, 1), EvalProgress.NONE)
                .done().get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(ExecutionException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(DatabaseException.class);
            assertThat(e.getCause().getMessage()).startsWith(DISK_FULL);
        });

        assertOpensCleanWith(firstTask[0], null);
    }

    @Test
    void aPackInstallOnAFullDiskFailsWithTheSentenceAndInstallsNothing() throws Exception {
        String[] firstTask = new String[1];
        Workbench workbench = fullWorkbench(w -> {
            Pack pack = w.pack().pack().orElseThrow();
            firstTask[0] = pack.weeks().get(0).tasks().get(0).id();
            w.progress().mark(pack, firstTask[0], TaskState.DONE);
        });
        int before = workbench.installedPacks().list().size();
        InstallPlan plan = workbench.installedPacks().plan(Path.of("curriculum", "llm-evals-in-practice"));

        assertThatThrownBy(() -> workbench.installedPacks().install(plan)).satisfies(e ->
                assertThat(DatabaseFailures.sentence(e)).contains("The disk is full, so this was not saved; "
                        + "everything saved before is kept. Free some space on the disk that holds the data folder "
                        + "and try again."));
        assertThat(workbench.installedPacks().list()).hasSize(before);

        assertOpensCleanWith(firstTask[0], null);
    }
}
