package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workbench eval run} and {@code eval runs} in-process against the fake Ollama, with the exit codes. */
class CliEvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("run-\\d{8}-\\d{6}-[0-9a-f]{4}");

    @TempDir
    Path temp;

    private EvalHarness h;
    private CliHarness cli;
    private Path suite;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        suite = h.writeSuite(20, 4);
        cli = new CliHarness(temp.resolve("data"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CliHarness.Run eval(String... args) {
        return evalAt(h.fake.baseUrl(), args);
    }

    private CliHarness.Run evalAt(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("eval"));
        all.addAll(List.of(args));
        all.addAll(List.of("--ollama-url", url));
        return cli.run(all.toArray(String[]::new));
    }

    private static String runId(String text) {
        Matcher m = RUN_ID.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group();
    }

    @Test
    void aRunWithoutAGateExitsZeroAndPrintsTheFigures() {
        h.failing(7);

        CliHarness.Run run = eval("run", suite.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("19 of 20 passed: 95.0%").contains("19 passed, 1 failed, 0 errors")
                .doesNotContain("gate");
        assertThat(run.err()).contains("Run " + runId(run.out())).contains("20 cases, 4 at a time").contains("[20/20]");
        assertThat(h.fake.requests("/api/chat")).hasSize(20);
    }

    @Test
    void evenAFailingRunExitsZeroWithoutAGate() {
        h.failing(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

        CliHarness.Run run = eval("run", suite.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("5 passed, 15 failed");
    }

    @Test
    void theGateBlocksASignificantDropAgainstThePreviousRunWithExitOne() {
        CliHarness.Run first = eval("run", suite.toString(), "--gate");
        h.failing(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        CliHarness.Run second = eval("run", suite.toString(), "--gate");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("gate pass: no baseline to compare with");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(Cli.FAILED);
        assertThat(second.out()).contains("against " + runId(first.out()))
                .contains("gate block: the pass rate fell 50.0 points (100.0% → 50.0%), more than the 2.0-point limit, "
                        + "and b=10, c=0, exact p=0.002 is below alpha 0.05: a significant drop");
    }

    @Test
    void theGatePassesWhenNothingDropped() {
        CliHarness.Run first = eval("run", suite.toString(), "--gate");
        CliHarness.Run second = eval("run", suite.toString(), "--gate", "--concurrency", "8");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("against " + runId(first.out())).contains("gate pass: b=0, c=0");
        assertThat(second.err()).contains("8 at a time");
    }

    @Test
    void anExplicitBaselineIsComparedWith() {
        CliHarness.Run first = eval("run", suite.toString());
        h.failing(1, 2, 3);
        CliHarness.Run second = eval("run", suite.toString(), "--baseline", runId(first.out()));

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("against " + runId(first.out()) + ": Paired over 20 items").contains("b=3, c=0");
    }

    @Test
    void anUnknownBaselineIsBadInput() {
        CliHarness.Run run = eval("run", suite.toString(), "--baseline", "run-20000101-000000-beef");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("There is no run 'run-20000101-000000-beef'");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEvalRunNeverReadsTheCurriculumPack() throws Exception {
        Path pack = Files.createDirectories(temp.resolve("pack"));
        Path manifest = pack.resolve("pack.yaml");
        assertThat(new ProcessBuilder("mkfifo", manifest.toString()).start().waitFor()).isZero();
        // Opening a named pipe for writing waits for a reader, so this writer gets through only if the pack is read.
        CountDownLatch packRead = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().daemon(true).start(() -> {
            try (OutputStream ignored = Files.newOutputStream(manifest)) {
                packRead.countDown();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        CliHarness.Run run = cli.run("eval", "run", suite.toString(), "--pack", pack.toString(),
                "--ollama-url", h.fake.baseUrl());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        boolean read = packRead.await(500, TimeUnit.MILLISECONDS);
        if (!read) {
            try (InputStream release = Files.newInputStream(manifest)) {
                writer.join(Duration.ofSeconds(5));
            }
        }
        assertThat(read).as("eval run read the pack").isFalse();
    }

    @Test
    void aMistypedBaselineIsRefusedBeforeAnyModelCall() {
        CliHarness.Run run = eval("run", suite.toString(), "--baseline", "run-20000101-000000-beef");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("There is no run 'run-20000101-000000-beef' to compare with; "
                + "`workbench eval runs` lists them.");
        assertThat(h.fake.requests()).as("calls to the model server").isEmpty();
    }

    @Test
    void aMistypedBaselineInTheSuitesGateIsRefusedBeforeAnyModelCall() throws IOException {
        Path gated = h.write("gated.yaml", Files.readString(suite) + "gate:\n  baseline: run-20000101-000000-beef\n");

        CliHarness.Run run = eval("run", gated.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("There is no run 'run-20000101-000000-beef' to compare with; "
                + "`workbench eval runs` lists them.");
        assertThat(h.fake.requests()).as("calls to the model server").isEmpty();
    }

    @Test
    void aMistypedResumeIsRefusedBeforeAnyModelCall() {
        CliHarness.Run run = eval("run", suite.toString(), "--resume", "run-20000101-000000-beef");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("There is no run 'run-20000101-000000-beef'; `workbench eval runs` lists them.");
        assertThat(h.fake.requests()).as("calls to the model server").isEmpty();
    }

    @Test
    void aReportPathUnderAFileIsRefusedBeforeAnyModelCall() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        Path report = file.resolve("results.json");

        CliHarness.Run run = eval("run", suite.toString(), "--md", temp.resolve("ok/summary.md").toString(),
                "-o", report.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("Cannot write " + report + ": " + file + " is a file, not a folder; "
                + "choose another path for the report.");
        assertThat(h.fake.requests()).as("calls to the model server").isEmpty();
        assertThat(temp.resolve("ok")).as("nothing is written for a refused run").doesNotExist();
    }

    @Test
    void aReportPathThatIsAFolderIsRefusedBeforeAnyModelCall() {
        CliHarness.Run run = eval("run", suite.toString(), "--junit", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains(temp + " is a folder; give the file name to write the report to.");
        assertThat(h.fake.requests()).as("calls to the model server").isEmpty();
    }

    @Test
    void aBrokenSuiteExitsTwoWithEveryProblemAtItsPlace() throws IOException {
        Path broken = h.write("broken.yaml", """
                prompts: "Answer for item {{n}}"
                providers: ollama:chat:tiny
                tests:
                  - vars: {n: 1}
                    assert:
                      - type: icontains
                        value: pass
                        threshold: high
                """);

        CliHarness.Run run = eval("run", broken.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        String where = broken.toString().replace('\\', '/') + ":8:";
        assertThat(run.err()).contains(where).containsPattern(Pattern.quote(where) + "\\d+: ")
                .contains("The suite has 1 error(s); nothing was run.");
        assertThat(h.fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void aSuiteThatIsNotThereIsBadInput() {
        CliHarness.Run run = eval("run", temp.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("is not a file");
    }

    @Test
    void aMissingModelExitsThreeWithThePullHint() {
        h.fake.removeModel(EvalHarness.MODEL);

        CliHarness.Run run = eval("run", suite.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
        assertThat(run.err()).contains("The model 'tiny' the suite needs is not on the Ollama server")
                .contains("ollama pull tiny").contains("workbench models pull tiny");
    }

    @Test
    void anUnreachableServerExitsThree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliHarness.Run run = evalAt("http://127.0.0.1:" + port, "run", suite.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
        assertThat(run.err()).contains("Ollama is not running at http://127.0.0.1:" + port);
    }

    @Test
    void aServerThatGoesAwayMidRunExitsThreeAndTheRunResumesElsewhere() throws Exception {
        h.fake.tokenDelay(Duration.ofMillis(30));
        Thread closer = Thread.ofVirtual().start(() -> {
            h.fake.awaitRequests("/api/chat", 6, Duration.ofSeconds(20));
            h.fake.close();
        });

        CliHarness.Run stopped = eval("run", suite.toString(), "--concurrency", "2", "--retries", "1");
        closer.join();

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(Cli.SERVER_UNAVAILABLE);
        String id = runId(stopped.err());
        assertThat(stopped.err()).contains("Run " + id + " stopped; the cases that finished are kept. Resume it with "
                + "--resume " + id + " once the server answers.").contains("Ollama");
        try (FakeOllama restarted = FakeOllama.start()) {
            restarted.model(EvalHarness.MODEL).answerWith(r -> List.of("pass for item " + EvalHarness.itemOf(r)));

            CliHarness.Run resumed = evalAt(restarted.baseUrl(), "run", suite.toString(), "--resume", id);

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).startsWith(id).contains("20 of 20 passed");
            assertThat(restarted.requests("/api/chat").size()).isBetween(1, 16);
        }
        assertThat(eval("runs", "--json").json()).hasSize(1);
    }

    @Test
    void theReportsAreWrittenWhereAsked() throws Exception {
        h.failing(5);
        Path json = temp.resolve("out/results.json");
        Path junit = temp.resolve("out/results.xml");
        Path md = temp.resolve("summary.md");

        CliHarness.Run run = eval("run", suite.toString(), "-o", json.toString(), "--junit", junit.toString(),
                "--md", md.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(Files.readString(json));
        assertThat(report.path("runId").asText()).isEqualTo(runId(run.out()));
        assertThat(report.path("n").asInt()).isEqualTo(20);
        assertThat(report.path("cases").size()).isEqualTo(20);
        assertThat(Files.readString(junit)).startsWith("<?xml").contains("tests=\"20\"").contains("failures=\"1\"");
        assertThat(Files.readString(md)).startsWith("### Eval: Runner fixture").contains("item 5");
    }

    @Test
    void runsListsTheStoredRunsWithTheirIds() throws Exception {
        CliHarness.Run first = eval("run", suite.toString());
        Path other = h.write("other.yaml", EvalHarness.suiteYaml(2));
        CliHarness.Run second = eval("run", other.toString());

        CliHarness.Run text = eval("runs");
        CliHarness.Run json = eval("runs", "--json");
        CliHarness.Run onlyOne = eval("runs", "--suite", suite.toString(), "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains(runId(first.out())).contains(runId(second.out())).contains("finished")
                .contains("100.0%");
        assertThat(json.json().size()).isEqualTo(2);
        assertThat(json.json().get(0).path("runId").asText()).isEqualTo(runId(second.out()));
        assertThat(json.json().get(1).path("runId").asText()).isEqualTo(runId(first.out()));
        assertThat(json.json().get(1).path("state").asText()).isEqualTo("finished");
        assertThat(json.json().get(1).path("items").asInt()).isEqualTo(20);
        assertThat(onlyOne.json().size()).isEqualTo(1);
        assertThat(onlyOne.json().get(0).path("runId").asText()).isEqualTo(runId(first.out()));
    }

    @Test
    void runsOfASuiteDoNotIncludeASuiteWhosePathMerelyStartsTheSame() throws Exception {
        eval("run", suite.toString());
        Path longer = h.write("suite.yaml.v2", EvalHarness.suiteYaml(2));
        CliHarness.Run other = eval("run", longer.toString());

        CliHarness.Run listed = eval("runs", "--suite", suite.toString(), "--json");

        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.out()).doesNotContain(runId(other.out()));
    }

    @Test
    void runsWhenThereAreNone() {
        CliHarness.Run text = eval("runs");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("No eval runs yet");
        assertThat(eval("runs", "--json").json().size()).isZero();
    }

    @Test
    void resumingAnUnknownRunIsBadInput() {
        CliHarness.Run run = eval("run", suite.toString(), "--resume", "run-20000101-000000-abcd");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("There is no run 'run-20000101-000000-abcd'");
        assertThat(h.fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void resumingAFinishedRunIsBadInput() {
        CliHarness.Run first = eval("run", suite.toString());

        CliHarness.Run again = eval("run", suite.toString(), "--resume", runId(first.out()));

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(Cli.USAGE);
        assertThat(again.err()).contains("already finished");
    }

    @Test
    void badOptionsAreBadInput() {
        CliHarness.Run run = eval("run", suite.toString(), "--concurrency", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("concurrency must be between 1 and 64, not 0");
    }
}
