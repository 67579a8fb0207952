package dev.aiworkbench.cli;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.labs.host.PythonProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab verbs with the FastAPI lab for real: uvicorn from a local Python with FastAPI (Debian's python3-fastapi
 * and python3-uvicorn in CI). `lab start` runs in its own JVM, as a learner runs it in a terminal, and the other
 * verbs find it through its run record.
 */
@Tag("slow")
class CliLabTest {
    private static final String LAB = "fastapi-typed-service";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path data;

    private CliHarness cli;
    private Process started;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(data);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (started != null && started.isAlive()) {
            started.destroy();
            started.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void requireFastApi() {
        PythonProbe.Result python = PythonProbe.probe(System.getenv(), Duration.ofSeconds(20));
        if (!python.hasFastApi()) {
            System.out.println("CliLabTest skipped: " + python.detail()
                    + " (install python3-fastapi and python3-uvicorn to run it)");
        }
        Assumptions.assumeTrue(python.hasFastApi(), "a local Python with FastAPI and uvicorn");
    }

    /** Processes (uvicorn, its reloader, the launcher) whose command line names the lab's workspace. */
    private List<ProcessHandle> leftInWorkspace() {
        String workspace = data.resolve("workspaces").resolve(LAB).toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a))
                .orElse("").contains(workspace)).toList();
    }

    @Test
    void listShowsAtLeastNineLabsCoveringEveryModuleAndMilestone() {
        CliHarness.Run list = cli.run("lab", "list", "--json");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        List<JsonNode> labs = StreamSupport.stream(list.json().spliterator(), false).toList();
        assertThat(labs).hasSizeGreaterThanOrEqualTo(9);
        for (int week : new int[] {1, 5, 9, 12, 13, 17, 21, 24, 25, 36}) {
            assertThat(labs).as("a lab in week " + week)
                    .anySatisfy(lab -> assertThat(lab.path("weeks").toString()).matches(".*\\b" + week + "\\b.*"));
        }
        assertThat(labs).allSatisfy(lab -> assertThat(lab.path("status").asText()).isEqualTo("not started"));

        CliHarness.Run text = cli.run("lab", "list");
        assertThat(text.out()).contains(LAB).contains("1-4").contains("fastapi");
    }

    @Test
    void startingWithoutTrustListsWhatWouldRunAndChangesNothing() {
        CliHarness.Run start = cli.run("lab", "start", LAB);

        assertThat(start.exitCode()).as(start.toString()).isEqualTo(Cli.USAGE);
        assertThat(start.err()).contains("start containers and run commands on this machine")
                .contains("qdrant/qdrant").contains("-m uvicorn main:app").contains("--trust");
        assertThat(Files.exists(data.resolve("workspaces").resolve(LAB))).isFalse();
    }

    @Test
    void anUnknownLabIsAUsageErrorNamingTheLabs() {
        CliHarness.Run check = cli.run("lab", "check", "no-such-lab");

        assertThat(check.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(check.err()).contains("There is no lab 'no-such-lab'").contains(LAB);
    }

    @Test
    void checkingALabNobodyStartedExitsThreeAndSaysToStartIt() {
        CliHarness.Run check = cli.run("lab", "check", LAB, "--step", "ask");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
        assertThat(check.out()).contains("needs the fastapi service, which is not running")
                .contains("Not running: fastapi. Start the lab with `workbench lab start " + LAB + "`");
    }

    @Test
    void startInATerminalThenCheckSolveCheckAndStopFromAnother() throws Exception {
        requireFastApi();
        List<String> output = new CopyOnWriteArrayList<>();
        started = new ProcessBuilder(ChildWorkbench.command(data, "lab", "start", LAB, "--trust")).redirectErrorStream(true)
                .start();
        CompletableFuture<Void> running = ChildWorkbench.readUntil(started, output, "is running.");
        running.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
        assertThat(String.join("\n", output)).contains("[fastapi] running: FastAPI answers at http://127.0.0.1:")
                .contains("Uvicorn running on http://127.0.0.1:").contains("API docs: http://127.0.0.1:");

        CliHarness.Run starter = cli.run("lab", "check", LAB, "--json");
        assertThat(starter.exitCode()).as(starter.toString()).isEqualTo(Cli.FAILED);
        JsonNode checks = starter.json().path("checks");
        assertThat(status(checks, "health-ok")).isEqualTo("pass");
        assertThat(status(checks, "ask-typed-answer")).isEqualTo("fail");
        assertThat(message(checks, "ask-typed-answer")).contains("answered 501").contains("not_implemented(...)");
        assertThat(message(checks, "item-missing")).contains("Expected status 404").contains("HTTPException");
        assertThat(message(checks, "ready-ok")).contains("Add GET /ready");
        assertThat(message(checks, "overrides-written")).contains("Create tests/test_overrides.py");

        CliHarness.Run solve = cli.run("lab", "solve", LAB, "--yes");
        assertThat(solve.exitCode()).as(solve.toString()).isZero();
        assertThat(solve.out()).contains("main.py").contains(".workbench-backup");

        // uvicorn reloads on the changed files; check until the reloaded app answers, as a learner would.
        CliHarness.Run solved = checkUntilPassed();
        assertThat(solved.exitCode()).as(solved.toString()).isZero();
        assertThat(solved.out()).contains("12 of 12 checks pass").contains("Marked done in your plan:")
                .contains("w03-gateway-skeleton");
        CliHarness.Run progress = cli.run("progress", "show", "--json");
        assertThat(progress.out()).contains("w03-gateway-skeleton");

        CliHarness.Run stop = cli.run("lab", "stop", LAB);
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).as("lab start ended").isTrue();
        assertThat(started.exitValue()).isZero();
        assertThat(leftInWorkspace()).as("processes left in the workspace").isEmpty();
        assertThat(cli.run("lab", "list", "--json").json().toString()).contains("\"status\":\"passed\"");
    }

    @Test
    void sigtermToLabStartLeavesNoUvicornBehind() throws Exception {
        requireFastApi();
        List<String> output = new CopyOnWriteArrayList<>();
        started = new ProcessBuilder(ChildWorkbench.command(data, "lab", "start", LAB, "--trust")).redirectErrorStream(true)
                .start();
        ChildWorkbench.readUntil(started, output, "is running.").get(SETTLE.toSeconds(), TimeUnit.SECONDS);
        assertThat(leftInWorkspace()).as("uvicorn runs").isNotEmpty();

        started.destroy();

        assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> leftInWorkspace().isEmpty(), Duration.ofSeconds(15));
        assertThat(leftInWorkspace()).as("processes left after SIGTERM").isEmpty();
    }

    @Test
    void labTestStartsChecksAndStopsInOneGo() {
        requireFastApi();
        CliHarness.Run starter = cli.run("lab", "test", LAB, "--trust");
        assertThat(starter.exitCode()).as(starter.toString()).isEqualTo(Cli.FAILED);
        assertThat(starter.out()).contains("fail  ask-typed-answer").contains("4 of 12 checks pass");
        assertThat(leftInWorkspace()).isEmpty();

        assertThat(cli.run("lab", "solve", LAB, "--yes").exitCode()).isZero();
        CliHarness.Run solved = cli.run("lab", "test", LAB);
        assertThat(solved.exitCode()).as(solved.toString()).isZero();
        assertThat(solved.out()).contains("12 of 12 checks pass");
        assertThat(leftInWorkspace()).as("processes left after lab test").isEmpty();
    }

    @Test
    void startingALabWhoseModelIsMissingPullsItWithProgress() {
        try (dev.aiworkbench.testing.FakeOllama fake = dev.aiworkbench.testing.FakeOllama.start()) {
            fake.pullScript("qwen2.5:0.5b").layers(397_800_000L, 1_000).steps(4)
                    .stepDelay(Duration.ofMillis(300));

            CliHarness.Run test = cli.run("lab", "test", "structured-output", "--trust", "--ollama-url", fake.baseUrl());

            assertThat(test.err()).contains("[ollama] Pulling qwen2.5:0.5b: ").contains(" of 397.8 MB")
                    .contains("qwen2.5:0.5b is pulled");
            assertThat(fake.requests("/api/pull")).hasSize(1);
            assertThat(test.exitCode()).as(test.toString()).isEqualTo(Cli.FAILED);
        }
    }

    private CliHarness.Run checkUntilPassed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        CliHarness.Run last;
        do {
            Thread.sleep(1_000);
            last = cli.run("lab", "check", LAB);
        } while (last.exitCode() != Cli.OK && System.nanoTime() < deadline);
        return last;
    }

    private static String status(JsonNode checks, String id) {
        return find(checks, id).path("status").asText();
    }

    private static String message(JsonNode checks, String id) {
        return find(checks, id).path("message").asText();
    }

    private static JsonNode find(JsonNode checks, String id) {
        for (JsonNode check : checks) {
            if (check.path("check").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + checks);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
