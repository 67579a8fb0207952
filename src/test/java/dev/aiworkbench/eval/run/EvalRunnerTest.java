package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.InMemoryVerdictCache;
import dev.aiworkbench.eval.report.EvalReport;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.testing.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The runner against the fake Ollama through the real gateway, with the cases in a real SQLite file. */
class EvalRunnerTest {
    @TempDir
    Path temp;

    private EvalHarness h;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Set<String> keys(List<CaseResult> cases) {
        return cases.stream().map(c -> c.itemKey() + "#" + c.repeatIndex()).collect(Collectors.toSet());
    }

    @Test
    void runsEveryItemOnceAndGradesIt() throws Exception {
        h.writeSuite(6, 2);
        h.failing(4);
        EvalSuite suite = h.load();

        EvalRun run = h.run(suite, EvalHarness.options(2, 1));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(run.totalCases()).isEqualTo(6);
        assertThat(run.finishedAt()).isNotNull();
        List<CaseResult> cases = h.store().cases(run.id());
        assertThat(cases).hasSize(6);
        assertThat(keys(cases)).hasSize(6);
        CaseResult four = cases.stream().filter(c -> c.vars().get("n").equals("4")).findFirst().orElseThrow();
        assertThat(four.pass()).isFalse();
        assertThat(four.error()).isNull();
        assertThat(four.output()).isEqualTo("fail for item 4");
        assertThat(four.prompt()).isEqualTo("Answer for item 4");
        assertThat(four.assertions()).singleElement().satisfies(a -> assertThat(a.pass()).isFalse());
        assertThat(cases).filteredOn(CaseResult::pass).hasSize(5);
        assertThat(cases).allSatisfy(c -> assertThat(c.attempts()).isEqualTo(1));
        assertThat(h.store().run(run.id()).orElseThrow().state()).isEqualTo(RunState.FINISHED);
        assertThat(h.fake.lastRequest("/api/chat").json().path("options").path("temperature").asDouble()).isZero();
    }

    @Test
    void neverHasMoreRequestsInFlightThanTheConcurrency() throws Exception {
        h.writeSuite(40, 3);
        h.fake.tokenDelay(Duration.ofMillis(8));
        EvalSuite suite = h.load();
        // Counted where the runner asks: a call is open from stream(...) until its answer is complete.
        CountingGateway counting = new CountingGateway(h.workbench().models());
        EvalRunner runner = new EvalRunner(h.store(), () -> counting, Grader.standard(), new InMemoryVerdictCache(),
                () -> usage -> OptionalDouble.of(0), Clock.systemUTC());

        EvalRun run = runner.start(suite, Variant.all(suite).get(0), EvalHarness.options(suite.maxConcurrency(), 1),
                EvalProgress.NONE).done().get(30, TimeUnit.SECONDS);

        assertThat(h.store().cases(run.id())).hasSize(40);
        assertThat(counting.streams()).isEqualTo(40);
        assertThat(h.fake.streamsStarted()).isEqualTo(40);
        assertThat(counting.mostOpenAtOnce()).as("requests in flight at once").isEqualTo(3);
        // The fake's own count of streams at once is a lower bound only: it lets go of a stream after writing the
        // chunked terminator, which can be after the client has read the last line and sent its next request.
        assertThat(h.fake.maxStreamsInFlight()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void busyAnswersAreRetriedUntilTheCasePasses() throws Exception {
        h.writeSuite(1, 1);
        h.fake.status(503, FakeOllama.SERVER_BUSY).on("/api/chat").times(2);

        EvalRun run = h.run(h.load(), EvalHarness.options(1, 1));

        CaseResult only = h.store().cases(run.id()).get(0);
        assertThat(only.pass()).isTrue();
        assertThat(only.error()).isNull();
        assertThat(only.attempts()).isEqualTo(3);
        assertThat(h.fake.requests("/api/chat")).hasSize(3);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsAnErrorCaseAndItsConnectionIsClosed() throws Exception {
        h.writeSuite(1, 1);
        h.fake.tokenDelay(Duration.ofMillis(400));

        EvalRun run = h.run(h.load(), new EvalOptions(1, 1, 0, Duration.ofMillis(300), Optional.empty()));

        CaseResult only = h.store().cases(run.id()).get(0);
        assertThat(only.pass()).isFalse();
        assertThat(only.error()).contains("No answer within 300 ms; raise the timeout");
        assertThat(h.fake.awaitClientDisconnect(Duration.ofSeconds(2))).isTrue();
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void aServerThatStaysBusyMakesAnErrorCaseAfterTheRetries() throws Exception {
        h.writeSuite(1, 1);
        h.fake.status(500, "boom").on("/api/chat").always();

        EvalRun run = h.run(h.load(), new EvalOptions(1, 1, 1, Duration.ofSeconds(10), Optional.empty()));

        CaseResult only = h.store().cases(run.id()).get(0);
        assertThat(only.pass()).isFalse();
        assertThat(only.error()).contains("boom");
        assertThat(only.attempts()).isEqualTo(2);
        assertThat(h.fake.requests("/api/chat")).hasSize(2);
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void aMissingModelOrABadRequestIsNotRetried() throws Exception {
        h.writeSuite(1, 1);
        EvalSuite suite = h.load();
        h.fake.status(404, "model 'tiny' not found").on("/api/chat");
        EvalRun notFound = h.run(suite, EvalHarness.options(1, 1));
        h.fake.status(400, "invalid options").on("/api/chat");
        EvalRun bad = h.run(suite, EvalHarness.options(1, 1));

        CaseResult missing = h.store().cases(notFound.id()).get(0);
        assertThat(missing.error()).contains("not found").contains("ollama pull tiny");
        assertThat(missing.attempts()).isEqualTo(1);
        assertThat(missing.pass()).isFalse();
        CaseResult refused = h.store().cases(bad.id()).get(0);
        assertThat(refused.error()).contains("invalid options");
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(h.fake.requests("/api/chat")).hasSize(2);
    }

    @Test
    void aMidStreamErrorIsAnErrorCaseWithTheServersWordsAndThePartialOutput() throws Exception {
        h.writeSuite(3, 1);
        h.fake.midStreamError(2, "llama runner process has terminated: exit status 2");
        EvalSuite suite = h.load();

        EvalRun run = h.run(suite, EvalHarness.options(1, 1));
        EvalReport report = h.workbench().evalReporter().report(run, Optional.empty(), Optional.empty());

        assertThat(h.store().cases(run.id())).hasSize(3).allSatisfy(c -> {
            assertThat(c.errored()).isTrue();
            assertThat(c.pass()).isFalse();
            assertThat(c.error()).contains("llama runner process has terminated: exit status 2");
            assertThat(c.output()).isEqualTo("pass for").as("the part that arrived");
            assertThat(c.attempts()).isEqualTo(1);
        });
        assertThat(h.fake.requests("/api/chat")).hasSize(3);
        assertThat(report.errors()).isEqualTo(3);
        assertThat(report.passed()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.summary()).isEmpty();
    }

    @Test
    void aDroppedConnectionIsRetriedLikeAnyConnectionError() throws Exception {
        h.writeSuite(1, 1);
        h.fake.dropConnectionAfter(2);
        EvalSuite suite = h.load();
        EvalExecution execution = h.start(suite, EvalHarness.options(1, 1), EvalProgress.NONE);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!(h.fake.streamsStarted() == 1 && h.fake.streamsInFlight() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        h.fake.clearFaults(); // the first answer was cut off; the retry comes after a back-off of 250 ms

        EvalRun run = execution.done().get(10, TimeUnit.SECONDS);

        CaseResult only = h.store().cases(run.id()).get(0);
        assertThat(only.error()).isNull();
        assertThat(only.pass()).isTrue();
        assertThat(only.attempts()).isEqualTo(2);
    }

    @Test
    void aConnectionThatKeepsDroppingEndsAsAnErrorCaseWithThePartialOutput() throws Exception {
        h.writeSuite(1, 1);
        h.fake.dropConnectionAfter(2);

        EvalRun run = h.run(h.load(), new EvalOptions(1, 1, 1, Duration.ofSeconds(10), Optional.empty()));

        CaseResult only = h.store().cases(run.id()).get(0);
        assertThat(only.errored()).isTrue();
        assertThat(only.error()).contains("closed before the answer finished");
        assertThat(only.output()).isEqualTo("pass for");
        assertThat(only.attempts()).isEqualTo(2);
        assertThat(h.fake.requests("/api/chat")).hasSize(2);
    }

    @Test
    void anUnreachableServerStopsTheRunAndKeepsTheFinishedCases() throws Exception {
        h.writeSuite(10, 1);
        h.fake.tokenDelay(Duration.ofMillis(40));
        EvalSuite suite = h.load();
        CountDownLatch three = new CountDownLatch(3);
        EvalExecution execution = h.start(suite, new EvalOptions(1, 1, 1, Duration.ofSeconds(10), Optional.empty()),
                (result, done, total) -> three.countDown());
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();

        h.fake.close();

        assertThatThrownBy(() -> execution.done().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ModelServerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelServerException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains(h.fake.baseUrl());
                });
        EvalRun stored = h.store().run(execution.run().id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RunState.FAILED);
        assertThat(stored.failure()).contains(h.fake.baseUrl());
        assertThat(stored.finishedAt()).isNotNull();
        List<CaseResult> kept = h.store().cases(stored.id());
        assertThat(kept.size()).isBetween(3, 9);
        assertThat(kept).as("the case in flight when the server went away is not kept as an error")
                .allSatisfy(c -> {
                    assertThat(c.errored()).isFalse();
                    assertThat(c.pass()).isTrue();
                });
    }

    @Test
    void repeatsAreFoldedPerItemAndDisagreeingItemsAreFlaky() throws Exception {
        h.writeSuite(10, 3);
        // odd items answer pass, fail, pass across their three runs; even items always pass
        h.answer((item, call) -> item % 2 == 1 && call % 2 == 1 ? "fail" : "pass");
        EvalSuite suite = h.load();

        EvalRun run = h.run(suite, EvalHarness.options(3, 3));
        EvalReport report = h.workbench().evalReporter().report(run, Optional.empty(), Optional.empty());

        assertThat(run.repeat()).isEqualTo(3);
        assertThat(run.totalCases()).isEqualTo(30);
        List<CaseResult> cases = h.store().cases(run.id());
        assertThat(cases).hasSize(30);
        assertThat(keys(cases)).hasSize(30);
        assertThat(cases.stream().map(CaseResult::repeatIndex).collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(h.fake.requests("/api/chat")).hasSize(30);

        assertThat(report.items()).hasSize(10);
        assertThat(report.summary().orElseThrow().n()).isEqualTo(10);
        assertThat(report.run().items()).isEqualTo(10);
        Set<String> odd = report.items().stream().filter(i -> Integer.parseInt(i.first().vars().get("n")) % 2 == 1)
                .map(ItemResult::key).collect(Collectors.toSet());
        assertThat(report.items()).allSatisfy(item -> {
            assertThat(item.runs()).hasSize(3);
            if (odd.contains(item.key())) {
                assertThat(item.flaky()).isTrue();
                assertThat(item.pass()).isFalse();
                assertThat(item.passFraction()).isCloseTo(2.0 / 3, within(1e-9));
            } else {
                assertThat(item.flaky()).isFalse();
                assertThat(item.pass()).isTrue();
            }
        });
        assertThat(report.summary().orElseThrow().flakyItems()).containsExactlyInAnyOrderElementsOf(odd);
        assertThat(report.summary().orElseThrow().passRate().rate()).isCloseTo((5 + 5 * 2.0 / 3) / 10, within(1e-9));
        assertThat(report.summary().orElseThrow().allRunsPassRate().rate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void eachCaseIsInTheDatabaseFileAsSoonAsItLands() throws Exception {
        h.writeSuite(12, 2);
        h.fake.tokenDelay(Duration.ofMillis(15));
        EvalSuite suite = h.load();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        try (Connection reader = EvalHarness.readOnly(h.databaseFile())) {
            EvalExecution[] execution = new EvalExecution[1];
            CountDownLatch started = new CountDownLatch(1);
            EvalExecution running = h.start(suite, EvalHarness.options(2, 1), (result, done, total) -> {
                try {
                    started.await();
                    Map<String, ?> stored;
                    synchronized (reader) {
                        stored = EvalHarness.storedCases(reader, execution[0].run().id());
                    }
                    String key = result.itemKey() + "#" + result.repeatIndex();
                    seen.add(key + " with " + stored.size() + " stored, done " + done
                            + (execution[0].done().isDone() ? " after the end" : ""));
                    if (!stored.containsKey(key) || stored.size() < done) {
                        missing.add(key);
                    }
                } catch (Exception e) {
                    missing.add(e.toString());
                }
            });
            execution[0] = running;
            started.countDown();

            EvalRun run = running.done().get(20, TimeUnit.SECONDS);

            assertThat(missing).as(String.join("\n", seen)).isEmpty();
            assertThat(seen).hasSize(12).noneMatch(s -> s.endsWith("after the end"));
            assertThat(EvalHarness.storedCases(reader, run.id())).hasSize(12);
        }
    }

    @Test
    void cancelStopsQuicklyAndTheRunCanBeResumedWithoutRepeatingFinishedCases() throws Exception {
        h.writeSuite(30, 3);
        h.fake.tokenDelay(Duration.ofMillis(60));
        EvalSuite suite = h.load();
        CountDownLatch four = new CountDownLatch(4);
        EvalExecution execution = h.start(suite, EvalHarness.options(3, 1), (result, done, total) -> four.countDown());
        assertThat(four.await(15, TimeUnit.SECONDS)).isTrue();
        // from now on an answer takes half a minute: wait until the three in flight are such answers
        h.fake.tokenDelay(Duration.ofSeconds(10));
        int before = h.fake.streamsStarted();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (h.fake.streamsStarted() < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(h.fake.streamsInFlight()).isEqualTo(3);

        long start = System.nanoTime();
        execution.cancel();
        EvalRun cancelled = execution.done().get(5, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMs).as("cancel waits for no answer").isLessThan(2_000);
        assertThat(cancelled.state()).isEqualTo(RunState.CANCELLED);
        assertThat(h.fake.awaitNoStreamInFlight(Duration.ofSeconds(3))).as("the streams in flight were stopped").isTrue();
        assertThat(h.fake.clientDisconnects()).isEqualTo(3);
        EvalRun stored = h.store().run(cancelled.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RunState.CANCELLED);
        assertThat(stored.failure()).contains("--resume " + cancelled.id());
        List<CaseResult> kept = h.store().cases(cancelled.id());
        assertThat(kept.size()).isBetween(4, 27);
        assertThat(kept).noneMatch(CaseResult::errored);
        Map<String, java.time.Instant> keptAt = kept.stream()
                .collect(Collectors.toMap(c -> c.itemKey() + "#" + c.repeatIndex(), CaseResult::finishedAt));

        h.fake.clearFaults();
        h.fake.clearRequests();
        List<Integer> progressDone = Collections.synchronizedList(new ArrayList<>());
        Set<Integer> totals = Collections.synchronizedSet(new HashSet<>());
        EvalRun resumed = h.start(suite, EvalHarness.resume(cancelled.id(), 3), (result, done, total) -> {
            progressDone.add(done);
            totals.add(total);
        }).done().get(20, TimeUnit.SECONDS);

        assertThat(resumed.id()).isEqualTo(cancelled.id());
        assertThat(resumed.state()).isEqualTo(RunState.FINISHED);
        assertThat(h.fake.requests("/api/chat")).hasSize(30 - kept.size());
        Set<Integer> keptItems = kept.stream().map(c -> Integer.parseInt(c.vars().get("n"))).collect(Collectors.toSet());
        assertThat(h.requestedItems()).doesNotContainAnyElementsOf(keptItems).doesNotHaveDuplicates();
        List<CaseResult> all = h.store().cases(cancelled.id());
        assertThat(all).hasSize(30);
        assertThat(keys(all)).hasSize(30);
        assertThat(all).filteredOn(c -> keptAt.containsKey(c.itemKey() + "#" + c.repeatIndex()))
                .allSatisfy(c -> assertThat(c.finishedAt()).isEqualTo(keptAt.get(c.itemKey() + "#" + c.repeatIndex())));
        assertThat(progressDone).hasSize(30 - kept.size());
        assertThat(Collections.max(progressDone)).isEqualTo(30);
        assertThat(totals).containsExactly(30);
        assertThat(h.store().run(cancelled.id()).orElseThrow().failure()).isNull();
    }

    @Test
    void aFinishedRunCannotBeResumed() throws Exception {
        h.writeSuite(3, 1);
        EvalSuite suite = h.load();
        EvalRun finished = h.run(suite, EvalHarness.options(3, 1));

        assertThatThrownBy(() -> h.start(suite, EvalHarness.resume(finished.id(), 3), EvalProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Run " + finished.id() + " already finished; there is nothing to resume.");
        assertThat(h.store().run(finished.id()).orElseThrow().state()).isEqualTo(RunState.FINISHED);
    }

    /** A run cancelled before any case landed, to try resuming against changed suites. */
    private EvalRun cancelledRun(EvalSuite suite) throws Exception {
        h.fake.firstTokenDelay(Duration.ofSeconds(20));
        EvalExecution execution = h.start(suite, EvalHarness.options(2, 1), EvalProgress.NONE);
        h.fake.awaitRequest("/api/chat", Duration.ofSeconds(5));
        execution.cancel();
        EvalRun run = execution.done().get(5, TimeUnit.SECONDS);
        h.fake.clearFaults();
        return run;
    }

    private String refusal(String runId, EvalSuite changed) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> h.start(changed, EvalHarness.resume(runId, 2), EvalProgress.NONE));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        return thrown.getMessage();
    }

    @Test
    void aResumeIsRefusedWhenWhatTheRunMeasuresChanged() throws Exception {
        h.writeSuite(4, 2);
        String original = EvalHarness.suiteYaml(2);
        EvalRun run = cancelledRun(h.load());
        String id = run.id();

        h.write(EvalHarness.SUITE, original.replace("Answer for item {{n}}", "Reply for item {{n}}"));
        assertThat(refusal(id, h.load())).isEqualTo("Run " + id + " cannot be resumed: the prompt changed since it "
                + "started, so its cases would not be comparable. Start a new run instead.");

        h.write(EvalHarness.SUITE, original.replace("value: pass", "value: passed"));
        assertThat(refusal(id, h.load())).startsWith("Run " + id + " cannot be resumed: the assertions changed");

        h.write(EvalHarness.SUITE, original.replace("temperature: 0", "temperature: 0.7"));
        assertThat(refusal(id, h.load())).startsWith("Run " + id + " cannot be resumed: the options changed");

        h.write(EvalHarness.SUITE, original);
        h.writeItems(5);
        assertThat(refusal(id, h.load())).startsWith("Run " + id + " cannot be resumed: the dataset and the assertions "
                + "changed");

        h.write(EvalHarness.SUITE, original.replace("Answer for item {{n}}", "Reply for item {{n}}")
                .replace("temperature: 0", "temperature: 0.7"));
        h.writeItems(4);
        assertThat(refusal(id, h.load())).startsWith("Run " + id + " cannot be resumed: the prompt and the options changed");

        h.write(EvalHarness.SUITE, original);
        h.fake.model(EvalHarness.MODEL).digest("9".repeat(64));
        assertThat(refusal(id, h.load())).startsWith("Run " + id + " cannot be resumed: the model changed");

        assertThat(refusal("run-20990101-000000-0000", h.load())).contains("There is no run 'run-20990101-000000-0000'");
        assertThat(h.store().run(id).orElseThrow().state()).as("a refused resume leaves the run alone")
                .isEqualTo(RunState.CANCELLED);
        assertThat(h.store().cases(id)).isEmpty();
    }

    @Test
    void aResumeOfAnotherSuitesRunIsRefused() throws Exception {
        h.writeSuite(2, 1);
        EvalRun run = cancelledRun(h.load());
        Path other = h.write("other.yaml", EvalHarness.suiteYaml(1));

        assertThat(refusal(run.id(), h.load(other))).contains("belongs to another suite");
    }

    @Test
    void aMissingModelStopsTheRunBeforeItStarts() throws Exception {
        h.writeSuite(2, 1);
        EvalSuite suite = h.load();
        h.fake.removeModel(EvalHarness.MODEL);

        assertThatThrownBy(() -> h.start(suite, EvalHarness.options(1, 1), EvalProgress.NONE))
                .isInstanceOfSatisfying(ModelServerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelServerException.Kind.MODEL_NOT_FOUND);
                    assertThat(e.getMessage()).contains("ollama pull tiny");
                });
        assertThat(h.store().runs(null, 10)).isEmpty();
        assertThat(h.fake.requests("/api/chat")).isEmpty();
    }

    @Test
    void theStoredRunCarriesItsFingerprint() throws Exception {
        h.writeSuite(3, 1);
        h.fake.model(EvalHarness.MODEL).digest("a".repeat(64));
        EvalSuite suite = h.load();

        EvalRun run = h.run(suite, EvalHarness.options(1, 1));

        Fingerprint stored = h.store().run(run.id()).orElseThrow().fingerprint();
        assertThat(stored.modelDigest()).isEqualTo("a".repeat(64));
        assertThat(stored).isEqualTo(Fingerprint.of(suite.prompts().get(0).template(), suite.prompts().get(0).system(),
                suite.tests(), suite.providers().get(0).options(), "a".repeat(64)));
        Set<String> hashes = new HashSet<>(List.of(stored.promptHash(), stored.datasetHash(), stored.assertionsHash(),
                stored.optionsHash()));
        assertThat(hashes).hasSize(4).allMatch(x -> x.matches("[0-9a-f]{64}"));
    }
}
