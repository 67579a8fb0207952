package dev.aiworkbench.eval.run;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hard case: {@code workbench eval run} as a real process, killed with SIGKILL mid-run,
 * then resumed. Nothing that had landed may be lost or run again, and nothing else may be missing.
 */
@Tag("slow")
class ResumeAfterKillTest {
    private static final int ITEMS = 30;

    @TempDir
    Path temp;

    private EvalHarness h;
    private Process process;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        h.close();
    }

    private Process launch(Path suite) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.aiworkbench.Main",
                "--data-dir", h.data.toString(), "--ollama-url", h.fake.baseUrl(), "eval", "run", suite.toString());
        return new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
    }

    /** The one run's id and its stored cases, read beside the writer; empty until the run is stored. */
    private static Map.Entry<String, Map<String, Instant>> stored(Path database) {
        if (!Files.exists(database)) {
            return null;
        }
        try (Connection c = EvalHarness.readOnly(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM eval_run")) {
            if (!r.next()) {
                return null;
            }
            String id = r.getString(1);
            return Map.entry(id, EvalHarness.storedCases(c, id));
        } catch (SQLException e) {
            return null; // not created or migrated yet
        }
    }

    private String output() throws Exception {
        return "\n--- out\n" + Files.readString(temp.resolve("out.txt")) + "--- err\n"
                + Files.readString(temp.resolve("err.txt"));
    }

    @Test
    void aRunKilledMidwayResumesWithoutLosingOrRepeatingACase() throws Exception {
        Path suite = h.writeSuite(ITEMS, 2);
        h.fake.tokenDelay(Duration.ofMillis(80)); // about 240 ms a case, 2 at a time: over 3.5 s for the whole run

        process = launch(suite);
        Map.Entry<String, Map<String, Instant>> before = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            before = stored(h.databaseFile());
            if (before != null && before.getValue().size() >= 5) {
                break;
            }
            Thread.sleep(10);
        }
        assertThat(process.isAlive()).as("the run should still be going" + output()).isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        String runId = before.getKey();
        Map<String, Instant> landed = stored(h.databaseFile()).getValue();
        assertThat(landed).as("what was stored before the kill is still there").containsAllEntriesOf(before.getValue());
        assertThat(landed.size()).isBetween(5, ITEMS - 1);
        Set<Integer> landedItems = new HashSet<>();
        for (String key : landed.keySet()) {
            landedItems.add(Integer.parseInt(key.replaceAll("^item-(\\d+)-.*$", "$1")));
        }

        h.fake.awaitNoStreamInFlight(Duration.ofSeconds(5));
        h.fake.clearFaults();
        h.fake.clearRequests();
        EvalSuite loaded = h.load(suite);
        assertThat(h.store().run(runId).orElseThrow().state()).as("nobody recorded an end").isEqualTo(RunState.RUNNING);
        List<Integer> progress = new ArrayList<>();
        EvalRun resumed = h.start(loaded, EvalHarness.resume(runId, 2), (result, done, total) -> {
            synchronized (progress) {
                progress.add(done);
            }
        }).done().get(30, TimeUnit.SECONDS);

        assertThat(resumed.id()).isEqualTo(runId);
        assertThat(resumed.state()).isEqualTo(RunState.FINISHED);
        assertThat(h.fake.requests("/api/chat")).as("only the missing cases were asked for").hasSize(ITEMS - landed.size());
        Set<Integer> missing = IntStream.rangeClosed(1, ITEMS).boxed().filter(i -> !landedItems.contains(i))
                .collect(Collectors.toSet());
        assertThat(h.requestedItems()).containsExactlyInAnyOrderElementsOf(missing);

        List<CaseResult> all = h.store().cases(runId);
        assertThat(all).hasSize(ITEMS);
        assertThat(all.stream().map(c -> c.vars().get("n")).distinct()).hasSize(ITEMS);
        assertThat(all).allSatisfy(c -> {
            assertThat(c.errored()).isFalse();
            assertThat(c.pass()).isTrue();
        });
        try (Connection c = EvalHarness.readOnly(h.databaseFile())) {
            Map<String, Instant> after = EvalHarness.storedCases(c, runId);
            assertThat(after).hasSize(ITEMS).containsAllEntriesOf(landed);
        }
        assertThat(progress).hasSize(ITEMS - landed.size());
        assertThat(h.store().run(runId).orElseThrow().state()).isEqualTo(RunState.FINISHED);
        assertThat(h.store().runs(null, 10)).hasSize(1);
    }
}
