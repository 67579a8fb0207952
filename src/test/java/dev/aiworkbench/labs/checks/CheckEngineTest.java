package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine guarantees whatever the kind: the backstop timeout, the default timeout, the result's fields. */
class CheckEngineTest {
    @TempDir
    Path workspace;

    @Test
    void aCheckThatIgnoresItsTimeoutIsStoppedByTheEngineAndInterrupted() throws Exception {
        Files.writeString(workspace.resolve("suite.yaml"), "description: x\n");
        CountDownLatch interrupted = new CountDownLatch(1);
        EvalSuiteRunner stubborn = (suite, timeout) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new AssertionError("not reached");
        };
        CheckSpec.Eval spec = new CheckSpec.Eval("e", "e", Duration.ofMillis(200), null, "suite.yaml", 0.5);
        CheckContext context = CheckContext.of(workspace).withEndpoints(Specs.ollama(java.net.URI.create(
                "http://127.0.0.1:1"))).withEvals(stubborn);

        try (CheckEngine engine = new CheckEngine(Duration.ofMillis(200))) {
            CheckResult result = engine.run(spec, context);

            assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(result.message()).isEqualTo("The check did not finish within 0.2 s and was stopped. Check that the "
                    + "services it uses answer, then run the check again.");
            assertThat(result.took()).isLessThan(Duration.ofSeconds(2));
            assertThat(interrupted.await(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anEvalRunThatTimesOutIsAnErrorAndTheDefaultTimeoutIsSixtySeconds() throws Exception {
        Files.writeString(workspace.resolve("suite.yaml"), "description: x\n");
        Duration[] given = new Duration[1];
        EvalSuiteRunner slow = (suite, timeout) -> {
            given[0] = timeout;
            throw new TimeoutException();
        };
        CheckContext context = CheckContext.of(workspace).withEndpoints(Specs.ollama(java.net.URI.create(
                "http://127.0.0.1:1"))).withEvals(slow);

        try (CheckEngine engine = new CheckEngine()) {
            CheckResult result = engine.run(Specs.eval("suite.yaml", 0.5), context);

            assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(result.message()).startsWith("The eval suite 'suite.yaml' did not finish within 60 s, so the run "
                    + "was cancelled.");
            assertThat(given[0]).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
        }
    }

    @Test
    void aFailureUsesTheHintButAnErrorKeepsItsOwnNextStep() {
        CheckSpec.File missing = new CheckSpec.File("f", "f", null, "Run `python ingest.py` first.", "out.json", null);
        CheckSpec.File outside = new CheckSpec.File("g", "g", null, "Run `python ingest.py` first.", "../x", null);

        try (CheckEngine engine = new CheckEngine()) {
            assertThat(engine.run(missing, CheckContext.of(workspace)).message()).endsWith("Run `python ingest.py` first.");
            assertThat(engine.run(outside, CheckContext.of(workspace)).message()).endsWith("This is a mistake in the lab: "
                    + "give a path inside the workspace in lab.yaml.");
            assertThat(engine.runAll(java.util.List.of(missing, outside), CheckContext.of(workspace)))
                    .extracting(CheckResult::checkId, CheckResult::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("f", CheckStatus.FAIL),
                            org.assertj.core.groups.Tuple.tuple("g", CheckStatus.ERROR));
        }
    }

    @Test
    void noHttpClientIsMadeUntilAnHttpCheckRunsSoAnEngineThatOnlyCountsCostsNoTls() throws Exception {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        Files.writeString(workspace.resolve("app.py"), "app = FastAPI()\n");
        try (CheckEngine engine = new CheckEngine(CheckEngine.GRACE, () -> {
            made.incrementAndGet();
            return java.net.http.HttpClient.newBuilder().build();
        })) {
            assertThat(engine.run(Specs.file("app.py", "FastAPI"), CheckContext.of(workspace)).status())
                    .isEqualTo(CheckStatus.PASS);
            assertThat(made).as("a file check").hasValue(0);

            CheckContext nothingListening = CheckContext.of(workspace).withEndpoints(Specs.fastapi(
                    java.net.URI.create("http://127.0.0.1:1")));
            engine.run(Specs.get("{{fastapi.url}}/health"), nothingListening);
            engine.run(Specs.get("{{fastapi.url}}/health"), nothingListening);
            assertThat(made).as("two http checks share one client").hasValue(1);
        }
    }
}
