package dev.aiworkbench.labs;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.labs.checks.CheckContext;
import dev.aiworkbench.labs.checks.CheckEngine;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.checks.CheckStatus;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabDefinition;
import dev.aiworkbench.labs.definition.LabLoadResult;
import dev.aiworkbench.labs.definition.LabStep;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.host.PythonProbe;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.QdrantService;
import dev.aiworkbench.labs.services.ServiceListener;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.LabHostTools;
import dev.aiworkbench.testing.standin.StandInImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every lab of the bundled catalog, for real: a fresh workspace in a temporary data folder, the lab's services
 * started by the product ({@link Labs#open}; uvicorn from the local Python with FastAPI, Ollama being a
 * {@link FakeOllama} with {@link ScriptedLabModels scripted models} as the app's server, Qdrant where Docker runs:
 * the pinned image, or its local stand-in ({@link StandInImages}) where it cannot be pulled), then
 * <ol>
 *   <li>the untouched starter: every check that can run here fails (never an error) with a message that carries
 *       the lab's hint, except the few {@link #STARTER_PASSES} that guard what the stub already does right;</li>
 *   <li>{@link Labs#solve} (uvicorn reloads the app), then every check that can run here passes.</li>
 * </ol>
 * What cannot run here is skipped with the reason printed, never faked green: Qdrant checks and the checks that
 * read Qdrant where Docker does not run (the product's own {@link DockerProbe} decides), and the checks whose
 * meaning is the quality of a real model (a tool call chosen by the model, a retrieval ranking from real
 * embeddings). Eval checks run against the scripted model: the starter must fail them; for the solution the suite
 * must load and be scored (its pass rate needs a real model, so it is reported, not asserted). Checks that only
 * ask whether a model is on the server test the machine, not the learner's work: they must pass in both phases.
 * A summary of what ran and what was skipped, and why, is printed at the end.
 */
@Tag("slow")
@ExtendWith(StandInImages.class)
class ReferenceSolutionsTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RELOAD = Duration.ofSeconds(40);

    /** Checks the untouched starter passes on purpose: they guard behaviour the stub or starter gets right. */
    static final Map<String, String> STARTER_PASSES = Map.of(
            "fastapi-typed-service/health-ok", "the stub's /health already answers; the check guards it while the"
                    + " learner edits main.py",
            "fastapi-typed-service/ask-rejects-empty", "the stub's AskRequest already has min_length=1; the check"
                    + " guards that the learner keeps the typed body",
            "fastapi-typed-service/item-bad-id", "the stub already types item_id as int; the check guards it",
            "fastapi-typed-service/health-still-ok", "it guards that /health stays a quick liveness answer",
            "milestone-1-gateway/ask-malformed", "the stub's typed body already answers 422; the check guards that"
                    + " the rebuilt /ask keeps it",
            "milestone-3-llmops/suite-runs-canary", "the starter's suite already names v2 (the learner writes v2"
                    + " itself, checked by v2-meta and the eval check); the check guards that edits keep it on the"
                    + " canary",
            "milestone-2-rag-assistant/ingest-runs", "the starter ships rag-qdrant's finished ingestion; the check"
                    + " guards that the index the assistant reads is built",
            "milestone-2-rag-assistant/collection-ready", "the index comes from the starter's finished ingestion;"
                    + " the check guards its shape before the assistant reads it");

    /** Checks whose meaning needs a real model: a scripted fake cannot meet them honestly. */
    static final Map<String, String> NEEDS_REAL_MODEL = Map.of(
            "tool-agent/agent-calls-a-tool", "the model must choose to call get_pod_status; a tool call scripted into"
                    + " the fake Ollama would only test the fake",
            "rag-qdrant/search-snapshot", "the top hit depends on all-minilm's real embeddings (the fake's are hashes)",
            "rag-qdrant/search-rollback", "the top hit depends on all-minilm's real embeddings (the fake's are hashes)",
            "rag-qdrant/search-kafka", "the top hit depends on all-minilm's real embeddings (the fake's are hashes)",
            "rag-qdrant/ask-cites-sources", "the cited source depends on the ranking of real embeddings",
            "milestone-2-rag-assistant/answers-with-sources", "the sources and scores depend on real embeddings",
            "milestone-2-rag-assistant/declines-out-of-scope", "declining depends on the score real embeddings give",
            "milestone-2-rag-assistant/metrics-latency", "its outcome=\"refused\" series appears after a refusal,"
                    + " and whether declines-out-of-scope is refused depends on the score real embeddings give");

    /** Checks that read Qdrant through the learner's code (or what such a check produced). */
    static final Set<String> NEEDS_QDRANT = Set.of(
            "rag-qdrant/ingest-runs", "rag-qdrant/ingest-idempotent",
            "milestone-2-rag-assistant/ingest-runs", "milestone-2-rag-assistant/ready",
            "milestone-2-rag-assistant/metrics-latency", "milestone-2-rag-assistant/metrics-retrieval",
            "milestone-2-rag-assistant/metrics-tokens", "multi-tenant-rag/ingest-runs",
            "multi-tenant-rag/isolation-live", "multi-tenant-rag/acme-never-sees-globex",
            "llm-cost-controls/live-costs", "llm-cost-controls/hit-rate", "llm-cost-controls/tiny-over-budget");

    @TempDir
    static Path data;

    private static FakeOllama fake;
    private static Workbench workbench;
    private static Labs labs;
    private static CheckEngine engine;
    private static DockerProbe.Result docker;
    private static PythonProbe.Result python;
    private static final List<String> summary = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeAll
    static void open() throws Exception {
        python = PythonProbe.probe(System.getenv(), Duration.ofSeconds(20));
        if (!python.hasFastApi()) {
            System.out.println("No local Python has FastAPI and uvicorn (" + python.detail() + "): skipping the"
                    + " reference-solution test. Install python3-fastapi, python3-uvicorn, python3-httpx and"
                    + " python3-pytest to run it.");
        }
        assumeTrue(python.hasFastApi(), () -> "no local Python has FastAPI and uvicorn: " + python.detail());
        docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(5));
        fake = FakeOllama.start();
        ScriptedLabModels.install(fake);
        workbench = Workbench.open(new WorkbenchOptions(Optional.of(data.resolve("data")), Optional.empty(),
                Optional.of(fake.baseUrl())), Clock.systemUTC());
        labs = workbench.labs();
        labs.trust();
        engine = new CheckEngine();
        summary.add("Python: " + python.detail() + "; Docker: " + (docker.running() ? "running at " + docker.endpoint()
                : "not running (" + docker.detail() + ")") + "; Ollama: FakeOllama at " + fake.baseUrl()
                + " with scripted " + String.join(", ", ScriptedLabModels.CHAT_MODELS) + " and "
                + String.join(", ", ScriptedLabModels.EMBEDDING_MODELS));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
        if (workbench != null) {
            workbench.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (!summary.isEmpty()) {
            StringBuilder text = new StringBuilder("\n=== Reference solutions: what ran and what was skipped ===\n");
            summary.forEach(line -> text.append(line).append('\n'));
            text.append("Totals: ");
            counts.forEach((key, value) -> text.append(key).append(' ').append(value.get()).append("; "));
            System.out.println(text);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLabsStarterFailsAndItsSolutionPasses() {
        // -Dlabs=a,b runs only those labs (for working on their content)
        Set<String> only = Set.of(System.getProperty("labs", "").split(","));
        return labs.catalog().ids().stream().filter(id -> only.equals(Set.of("")) || only.contains(id)).map(id -> DynamicTest.dynamicTest(id, () -> lab(id)));
    }

    private enum Kind {
        /** starter fails, solution passes */
        RUN,
        /** tests the machine (a model on the server): passes in both phases */
        ENVIRONMENT,
        /** an eval suite: the starter fails; the solution's suite loads and is scored */
        SCORED,
        /**
         * a tool-choice check: the starter fails (its definitions are not written yet); whether the solution's
         * definitions steer a model needs a real model, so the solution is not judged
         */
        STARTER_ONLY,
        SKIP
    }

    private record Plan(CheckSpec check, String step, Kind kind, String reason) {
    }

    private void lab(String id) throws Exception {
        Optional<String> missingTools = LabHostTools.missingFor(id, python.python());
        if (missingTools.isPresent()) {
            summary.add(id + " SKIPPED: " + missingTools.get());
            count("labs skipped for a missing tool");
            System.out.println("Skipping " + id + ": " + missingTools.get());
        }
        assumeTrue(missingTools.isEmpty(), () -> missingTools.orElseThrow());
        LabLoadResult loaded = labs.catalog().result(id).orElseThrow();
        LabDefinition lab = loaded.lab().orElseThrow();
        assertThat(lab.hasSolution()).as(id + " has a reference solution").isTrue();
        LabRun run = labs.open(id);
        Startups startups = new Startups();
        run.addListener(startups);
        List<String> problems = new ArrayList<>();
        try {
            run.start().get(START.toSeconds(), TimeUnit.SECONDS);
            run.states().forEach((type, state) -> summary.add(id + ": " + type.id() + " " + state.status() + " ("
                    + state.sentence() + ")"));
            if (lab.service(ServiceType.FASTAPI).isPresent()) {
                assertThat(run.ready(ServiceType.FASTAPI)).as(id + ": FastAPI runs the starter: "
                        + run.fastapi().orElseThrow().state().message()).isTrue();
            }
            List<Plan> plans = plan(lab, run);

            // 1. the untouched starter
            CheckContext context = labs.context(lab, loaded.folder(), true);
            for (Plan plan : plans) {
                if (plan.kind() == Kind.SKIP) {
                    continue;
                }
                CheckResult result = engine.run(plan.check(), context);
                String key = id + "/" + plan.check().id();
                String shown = key + " [" + plan.check().getClass().getSimpleName().toLowerCase() + "] starter "
                        + result.status() + ": " + oneLine(result.message(), 220);
                summary.add(shown);
                if (plan.kind() == Kind.ENVIRONMENT) {
                    expect(problems, result.status() == CheckStatus.PASS, shown + " (a model-on-the-server check must"
                            + " pass with the scripted server)");
                } else if (STARTER_PASSES.containsKey(key)) {
                    expect(problems, result.status() == CheckStatus.PASS, shown + " (listed as passing on the starter"
                            + " because " + STARTER_PASSES.get(key) + ")");
                } else {
                    expect(problems, result.status() == CheckStatus.FAIL, shown + " (the untouched starter must fail,"
                            + " not " + result.status() + ")");
                    expect(problems, useful(plan.check(), result), shown + " (the message must say what to do next:"
                            + " the lab's hint, and no stack trace)");
                }
            }

            // 2. the reference solution, picked up by uvicorn's reload
            int before = startups.count.get();
            SolveReport solved = labs.solve(id);
            summary.add(id + ": solve wrote " + solved.written().size() + " file(s): " + String.join(", ",
                    solved.written()));
            if (lab.service(ServiceType.FASTAPI).isPresent()
                    && solved.written().stream().anyMatch(f -> f.endsWith(".py"))) {
                awaitReload(run, startups, before);
            }
            context = labs.context(lab, loaded.folder(), true);
            for (Plan plan : plans) {
                String key = id + "/" + plan.check().id();
                if (plan.kind() == Kind.SKIP || plan.kind() == Kind.STARTER_ONLY) {
                    summary.add(key + " SKIPPED: " + plan.reason());
                    count("skipped");
                    if (NEEDS_REAL_MODEL.containsKey(key) && plan.check() instanceof CheckSpec.Http http
                            && !"GET".equalsIgnoreCase(http.method())) {
                        // its request still reaches the app, as when the learner runs the steps in order: later
                        // checks read what it left behind (a metric observed), not its verdict
                        summary.add(key + " was sent for its effect on the app, not judged: "
                                + engine.run(plan.check(), context).status());
                    }
                    continue;
                }
                CheckResult result = engine.run(plan.check(), context);
                String shown = key + " solution " + result.status() + ": " + oneLine(result.message(), 220);
                summary.add(shown);
                if (plan.kind() == Kind.SCORED) {
                    boolean scored = result.status() != CheckStatus.ERROR && result.message().contains("pass rate")
                            && !result.message().contains("cannot run");
                    expect(problems, scored, shown + " (the solution's suite must load and be scored)");
                    count(scored ? "eval suites scored (pass rate needs a real model)" : "failed");
                } else {
                    boolean passed = result.status() == CheckStatus.PASS;
                    expect(problems, passed, shown + " (the reference solution must pass)");
                    count(!passed ? "failed" : plan.kind() == Kind.ENVIRONMENT ? "passed (model on the server)"
                            : STARTER_PASSES.containsKey(key) ? "passed (guard: the starter passes it too)"
                            : "passed (starter failed, solution passed)");
                }
            }
        } finally {
            run.removeListener(startups);
            labs.stop(id).get(60, TimeUnit.SECONDS);
            Optional<String> volume = run.qdrant().flatMap(QdrantService::volume);
            if (volume.isPresent() && docker.running()) {
                // the volume of this test's data folder: the next run starts from an empty Qdrant
                DockerClientFactory.instance().client().removeVolumeCmd(volume.get()).exec();
            }
        }
        assertThat(problems).as(id + ": problems").isEmpty();
    }

    private List<Plan> plan(LabDefinition lab, LabRun run) {
        List<Plan> plans = new ArrayList<>();
        boolean qdrant = run.ready(ServiceType.QDRANT);
        String noQdrant = run.qdrant().map(q -> "Qdrant is not running here (" + q.state().sentence() + ")")
                .orElse("the lab does not start Qdrant") + (docker.running() ? "" : "; Docker: " + docker.detail());
        for (LabStep step : lab.steps()) {
            for (CheckSpec check : step.checks()) {
                String key = lab.id() + "/" + check.id();
                Kind kind;
                String reason = null;
                if (NEEDS_REAL_MODEL.containsKey(key)) {
                    kind = Kind.SKIP;
                    reason = "needs a real model: " + NEEDS_REAL_MODEL.get(key);
                } else if (check instanceof CheckSpec.Qdrant || NEEDS_QDRANT.contains(key)) {
                    kind = qdrant ? Kind.RUN : Kind.SKIP;
                    reason = qdrant ? null : "needs Qdrant: " + noQdrant;
                } else if (check instanceof CheckSpec.Ollama ollama) {
                    kind = ollama.prompt() == null ? Kind.ENVIRONMENT : Kind.SKIP;
                    reason = ollama.prompt() == null ? null : "asks a real model a prompt";
                } else if (check instanceof CheckSpec.Eval) {
                    kind = Kind.SCORED;
                } else if (check instanceof CheckSpec.ToolChoice) {
                    kind = Kind.STARTER_ONLY;
                    reason = "on the solution it needs a real model: which tool the scripted fake would call is the"
                            + " fake's choice, not what the learner's descriptions steer a model to";
                } else {
                    kind = Kind.RUN;
                }
                plans.add(new Plan(check, step.id(), kind, reason));
            }
        }
        return plans;
    }

    /** Waits until uvicorn restarted the app after the solution was copied, and it answers /health again. */
    private static void awaitReload(LabRun run, Startups startups, int before) throws InterruptedException {
        long deadline = System.nanoTime() + RELOAD.toNanos();
        while (System.nanoTime() < deadline) {
            if (startups.count.get() > before && run.ready(ServiceType.FASTAPI) && health(run)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(run.labId() + ": uvicorn did not reload the solution within " + RELOAD.toSeconds()
                + " s; its log: " + run.fastapi().orElseThrow().logs().stream().map(LogLine::text)
                .filter(text -> !text.contains("\"GET /health")).toList());
    }

    private static boolean health(LabRun run) {
        Optional<URI> url = run.endpoints().fastapi();
        if (url.isEmpty()) {
            return false;
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            return client.send(HttpRequest.newBuilder(url.get().resolve("/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A failure's message says what to do next: it carries the lab's hint, and no Java stack trace. */
    private static boolean useful(CheckSpec check, CheckResult result) {
        String message = result.message();
        if (message == null || message.isBlank() || message.contains("\tat ") || message.contains("java.lang.")
                || message.contains("could not be run")) {
            return false;
        }
        String hint = check.hint() == null ? "" : check.hint().strip().replaceAll("\\s+", " ");
        return !hint.isEmpty() && message.replaceAll("\\s+", " ").contains(hint.substring(0, Math.min(60, hint.length())));
    }

    private static void expect(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static String oneLine(String text, int limit) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= limit ? line : line.substring(0, limit) + "…";
    }

    /** Counts uvicorn's "Application startup complete" lines: one per (re)load of the app. */
    private static final class Startups implements ServiceListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onState(ServiceState state) {
        }

        @Override
        public void onLog(LogLine line) {
            if (line.service() == ServiceType.FASTAPI && line.text().contains("Application startup complete")) {
                count.incrementAndGet();
            }
        }
    }
}
