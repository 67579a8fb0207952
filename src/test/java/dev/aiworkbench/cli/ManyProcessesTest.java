package dev.aiworkbench.cli;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.TestPacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many workbench processes on one data folder, as a learner's terminals, the app and CI jobs would run them: on a
 * new folder they all succeed (one migrates, the others wait), and one that waits says so once on stderr.
 */
@Tag("slow")
class ManyProcessesTest {
    private static final int ROUNDS = 5;
    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    private EvalHarness h;
    private Path suite;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        suite = h.writeSuite(6, 2);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private record Child(List<String> args, Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out);
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("%s ended", args).isTrue();
            return process.exitValue();
        }
    }

    private Child start(Path data, String name, String... args) throws IOException {
        Path out = temp.resolve(name + ".out");
        Path err = temp.resolve(name + ".err");
        Process process = new ProcessBuilder(ChildWorkbench.command(ChildWorkbench.SMALL_JVM, data, args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Child(List.of(args), process, out, err);
    }

    private static String one(Path data, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("workbench.db"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void eightProcessesWithMixedVerbsOnANewFolderAllSucceedRoundAfterRound() throws Exception {
        Pack pack = TestPacks.defaultPack();
        String firstTask = pack.weeks().get(0).tasks().get(0).id();
        String secondTask = pack.weeks().get(0).tasks().get(1).id();
        String url = h.fake.baseUrl();
        String[][] verbs = {
                {"progress", "show"},
                {"progress", "mark", firstTask, "done"},
                {"progress", "mark", secondTask, "in-progress"},
                {"prompt", "list"},
                {"usage", "report", "--since", "1d"},
                {"eval", "run", suite.toString(), "--ollama-url", url},
                {"eval", "run", suite.toString(), "--ollama-url", url},
                {"progress", "show", "--json"},
        };
        long started = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            Path data = temp.resolve("data-" + round);
            List<Child> children = new ArrayList<>();
            for (int i = 0; i < verbs.length; i++) {
                children.add(start(data, "round-" + round + "-" + i, verbs[i]));
            }
            for (Child child : children) {
                String report = "round " + round + ", " + String.join(" ", child.args()) + "\nstdout:\n"
                        + child.stdout() + "\nstderr:\n" + child.stderr();
                assertThat(child.exitCode()).as(report).isZero();
                assertThat(child.stderr()).as(report).doesNotContain("SQLITE", "Flyway", "Exception", "Unexpected");
            }
            assertThat(one(data, "SELECT COUNT(*) FROM flyway_schema_history")).as("migrated once")
                    .isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
            assertThat(one(data, "SELECT state FROM item_state WHERE item_id = '" + firstTask + "'")).isEqualTo("done");
            assertThat(one(data, "SELECT state FROM item_state WHERE item_id = '" + secondTask + "'"))
                    .isEqualTo("in-progress");
            assertThat(one(data, "SELECT COUNT(*) FROM eval_run WHERE state = 'finished'")).isEqualTo("2");
            assertThat(one(data, "PRAGMA integrity_check")).isEqualTo("ok");
        }
        System.out.printf("%d rounds of %d workbench processes on a new folder took %.1f s (JVM options %s)%n",
                ROUNDS, verbs.length, (System.nanoTime() - started) / 1e9, ChildWorkbench.SMALL_JVM);
    }

    @Test
    void aProcessThatWaitsForAnotherMigrationSaysSoOnStderrOnceAndThenGoesOn() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Child waiting;
        // The lock another workbench process holds while it migrates this folder's database.
        try (FileChannel channel = FileChannel.open(data.resolve(".migrate.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            waiting = start(data, "waiting", "progress", "show");
            long deadline = System.nanoTime() + PROCESS_LIMIT.toNanos();
            while (!waiting.stderr().contains("Waiting for another workbench process") && System.nanoTime() < deadline) {
                assertThat(waiting.process().isAlive()).as("still waiting: %s", waiting.stderr()).isTrue();
                Thread.sleep(100);
            }
            assertThat(waiting.process().isAlive()).isTrue();
        }

        assertThat(waiting.exitCode()).as(waiting.stderr()).isZero();
        assertThat(waiting.stderr()).containsOnlyOnce("Waiting for another").contains("Waiting for another workbench "
                + "process that is setting up the database in " + data.toAbsolutePath() + " (this happens once, after "
                + "an install or an update)…\n");
        assertThat(waiting.stdout()).contains("Next:");
    }
}
