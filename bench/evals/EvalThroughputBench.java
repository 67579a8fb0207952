package dev.aiworkbench.bench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalExecution;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.run.EvalStore;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.SqliteVerdictCache;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.PromptResolver;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.eval.suite.SuiteLoader;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 4, budget 1: against a zero-latency fake server, the eval runner's throughput is at least
 * 0.8x a plain HTTP loop making the same requests at the same concurrency.
 *
 * <ul>
 *   <li><b>runner</b>: a generated suite in promptfoo's format (the incident-severity suite's prompt,
 *       {@code evals.items} items from a CSV with a {@code contains-json} {@code __expected} per row,
 *       {@code defaultTest} with {@code is-json} + schema and a weight-0 {@code latency}) is loaded once
 *       with the product's {@code SuiteLoader}; each round is one whole run through the product's
 *       {@code EvalRunner}, wired as {@code Workbench.evalRunner()} wires it (an {@code EvalStore} and a
 *       {@code SqliteVerdictCache} on a SQLite file made by {@code Database.open} in a temp folder, the real
 *       {@code OllamaGateway}, {@code Grader.standard()}), at concurrency {@code evals.concurrency}: render,
 *       stream the answer, grade it, write the case to SQLite (one transaction per case, as in
 *       production). Timed from {@code start(...)} to {@code done()} completing, so the run's own
 *       overhead (the model check through /api/tags, the fingerprint, storing the run) counts too.</li>
 *   <li><b>baseline</b>: a plain {@link HttpClient} (HTTP/1.1, one client for the harness, as the gateway
 *       has one) POSTs the very request bodies the runner sent (taken from the fake's request log) from
 *       {@code evals.concurrency} platform threads, each looping over a shared index, reading each NDJSON
 *       answer with {@code BodyHandlers.ofLines()} and Jackson to its end and keeping the text.</li>
 * </ul>
 * Both talk to one {@link FakeOllama} in this JVM with no delays, which answers every request with a
 * JSON verdict in 26 chunks computed from the request. Each round runs both, the first of them
 * alternating, each after {@code System.gc()}; warm-up rounds are discarded. Verdict: median runner
 * cases/s / median baseline cases/s >= 0.8. Checked in every round: every case landed, none errored,
 * the expected number passed, the cases are in SQLite, and the fake never saw more streams at once
 * than {@link #checkInFlight} allows (its peak is printed).
 *
 * <p>Knobs: {@code -Devals.items=2000 -Devals.concurrency=4 -Devals.warmup=3 -Devals.rounds=10}.
 * Exit status: 0 = the budget holds, 1 = missed, 3 = the run could not measure.
 */
public final class EvalThroughputBench {
    static final double BUDGET_RATIO = 0.8;
    private static final String MODEL = "qwen2.5:0.5b";
    private static final Path PROMPT = Path.of("curriculum/devops-to-ai/evals/incident-severity/prompts/"
            + "classify-severity.txt");
    private static final Pattern REF = Pattern.compile("ref #(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SERVICES = {"orders-api", "payments-gateway", "search", "checkout-web",
        "inventory-sync", "pg-orders-01", "kafka-broker-2", "auth-service", "cdn-edge", "ci-runner-pool"};
    private static final String[] SYMPTOMS = {"returns HTTP 503 for %d%% of requests", "p99 latency is %d times the"
        + " baseline", "consumer lag grew to %d thousand messages", "disk usage is at %d%% and rising",
        "error rate is %d%% after the last deploy", "certificate expires in %d days",
        "%d pods are in CrashLoopBackOff", "replication is %d minutes behind"};
    private static final String[] REASON_WORDS = {"customer", "facing", "checkout", "errors", "affect", "most",
        "users", "and", "orders", "are", "failing", "right", "now", "while", "the", "service", "degrades",
        "further", "within", "hours", "impact", "is", "limited", "to", "staging", "only"};

    private EvalThroughputBench() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run() ? 0 : 1;
        } catch (Throwable t) {
            t.printStackTrace();
            System.out.println("the run FAILED and measured nothing: " + t);
            Stats.row("e. eval runner throughput / plain HTTP loop", "the run failed: " + t.getClass().getSimpleName(),
                    "", ">= " + Stats.f(BUDGET_RATIO, 1) + "x", "FAILED");
            status = 3;
        }
        System.exit(status);
    }

    private static boolean run() throws Exception {
        int items = Integer.getInteger("evals.items", 2000);
        int concurrency = Integer.getInteger("evals.concurrency", 4);
        int warmup = Integer.getInteger("evals.warmup", 3);
        int rounds = Integer.getInteger("evals.rounds", 10);
        Path dir = Files.createTempDirectory("workbench-bench-evals-");
        try (FakeOllama fake = FakeOllama.start();
             OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
             Database database = Database.open(dir.resolve("workbench.db"))) {
            fake.model(MODEL).answerWith(EvalThroughputBench::answer);
            EvalSuite suite = writeAndLoadSuite(dir.resolve("suite"), items, concurrency);
            Clock clock = Clock.systemUTC();
            EvalStore store = new EvalStore(database);
            // As Workbench.evalRunner() wires it; a local model costs 0.
            EvalRunner runner = new EvalRunner(store, () -> gateway, Grader.standard(),
                    new SqliteVerdictCache(database, clock), () -> new PriceTable(database).row(PriceTable.LOCAL)::costUsd, clock);
            Runner runs = new Runner(runner, store, fake, suite,
                    new EvalOptions(concurrency, 1, EvalOptions.DEFAULT_RETRIES, EvalOptions.DEFAULT_REQUEST_TIMEOUT,
                            Optional.empty()), expectedPasses(items));

            // The first run records the bodies the baseline sends.
            runs.once();
            List<byte[]> bodies = fake.requests("/api/chat").stream()
                    .map(r -> r.body().getBytes(StandardCharsets.UTF_8)).toList();
            if (bodies.size() != items || bodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).distinct()
                    .count() != items) {
                throw new IllegalStateException("the first run sent " + bodies.size() + " chat requests; expected "
                        + items + " distinct ones");
            }
            try (Baseline baseline = new Baseline(fake, fake.baseUri().resolve("/api/chat"), bodies, concurrency)) {
                baseline.once();
                System.out.printf("Eval runner throughput: fake Ollama on %s, no delays, 26-chunk answers; %d items,"
                        + " concurrency %d; SQLite file %s%n", fake.baseUri(), items, concurrency,
                        database.file());
                System.out.printf("chat body: %d-%d bytes (the same bodies for both)%n",
                        bodies.stream().mapToInt(b -> b.length).min().orElse(0),
                        bodies.stream().mapToInt(b -> b.length).max().orElse(0));
                System.out.printf("%d warm-up rounds, then %d measured rounds; each round runs runner and baseline,"
                        + " the first of them alternating, each after System.gc()%n%n", warmup, rounds);
                System.out.printf("%-6s %-9s %14s %16s %8s %15s %15s %13s%n", "round", "first", "runner case/s",
                        "baseline case/s", "ratio", "runner CPU ms", "baseline CPU ms", "runner start");
                System.out.printf("%-6s %-9s %14s %16s %8s %15s %15s %13s%n", "", "", "", "", "", "per case",
                        "per case", "ms");
                List<Double> runnerRates = new ArrayList<>();
                List<Double> baseRates = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> runnerCpu = new ArrayList<>();
                List<Double> baseCpu = new ArrayList<>();
                List<Double> startMillis = new ArrayList<>();
                Map<String, List<Double>> runnerGroups = new LinkedHashMap<>();
                Map<String, List<Double>> baseGroups = new LinkedHashMap<>();
                for (int i = 0; i < warmup + rounds; i++) {
                    RunnerSample r = null;
                    BaselineSample b = null;
                    for (int k = 0; k < 2; k++) {
                        System.gc();
                        if ((i + k) % 2 == 0) {
                            r = runs.once();
                        } else {
                            b = baseline.once();
                        }
                    }
                    double rate = items / r.seconds();
                    double baseRate = items / b.seconds();
                    boolean measured = i >= warmup;
                    System.out.printf("%-6s %-9s %14s %16s %8s %15s %15s %13s%n", measured
                            ? String.valueOf(i - warmup + 1) : "w" + (i + 1), i % 2 == 0 ? "runner" : "baseline",
                            Stats.f(rate, 0), Stats.f(baseRate, 0), Stats.f(rate / baseRate, 3),
                            Stats.f(r.cpuMillisPerCase(), 3), Stats.f(b.cpuMillisPerCase(), 3),
                            Stats.f(r.startMillis(), 1));
                    if (measured) {
                        runnerRates.add(rate);
                        baseRates.add(baseRate);
                        ratios.add(rate / baseRate);
                        runnerCpu.add(r.cpuMillisPerCase());
                        baseCpu.add(b.cpuMillisPerCase());
                        startMillis.add(r.startMillis());
                        r.cpuByGroup().forEach((g, v) -> runnerGroups.computeIfAbsent(g, k -> new ArrayList<>()).add(v));
                        b.cpuByGroup().forEach((g, v) -> baseGroups.computeIfAbsent(g, k -> new ArrayList<>()).add(v));
                    }
                }
                System.out.printf("%nmost streams in flight at the fake: runner %d, baseline %d (concurrency %d; the fake"
                        + " counts a stream until its terminator, the gateway is done at the done line)%n",
                        runs.maxInFlight, baseline.maxInFlight, concurrency);
                System.out.printf("%nCPU ms per case by thread group, median over the measured rounds (per-thread CPU"
                        + " time, little disturbed by other processes):%n");
                System.out.printf("  %-28s %9s %9s %9s%n", "", "runner", "baseline", "diff");
                for (String group : ThreadCpu.GROUPS) {
                    double rg = Stats.median(Stats.toArray(runnerGroups.getOrDefault(group, List.of())));
                    double bg = Stats.median(Stats.toArray(baseGroups.getOrDefault(group, List.of())));
                    System.out.printf("  %-28s %9s %9s %9s%n", group, Stats.f(rg, 3), Stats.f(bg, 3),
                            Stats.f(rg - bg, 3));
                }
                System.out.printf("load average (1, 5, 15 min) at the end: %s%n", loadAverage());
                return report(Stats.toArray(runnerRates), Stats.toArray(baseRates), Stats.toArray(ratios),
                        Stats.toArray(runnerCpu), Stats.toArray(baseCpu), Stats.toArray(startMillis));
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static boolean report(double[] runner, double[] base, double[] ratios, double[] runnerCpu,
                                  double[] baseCpu, double[] startMillis) {
        double ratio = Stats.median(runner) / Stats.median(base);
        boolean pass = ratio >= BUDGET_RATIO;
        System.out.println();
        System.out.printf("%-58s %9s %9s %9s%n", "", "median", "min", "max");
        line("runner cases/s: EvalRunner -> gateway, grade, SQLite", runner, 0);
        line("baseline cases/s: plain HttpClient loop, same bodies", base, 0);
        line("paired ratio runner / baseline (per round)", ratios, 3);
        line("runner: CPU ms per case (whole JVM, fake included)", runnerCpu, 3);
        line("baseline: CPU ms per case (whole JVM, fake included)", baseCpu, 3);
        line("runner: start() until it returned (ms, in the timing)", startMillis, 1);
        System.out.printf("throughput ratio = median(runner) / median(baseline) = %s (budget >= %s): %s%n",
                Stats.f(ratio, 3), Stats.f(BUDGET_RATIO, 1), Stats.verdict(pass));
        Stats.row("e. eval runner cases/s, median (min-max)", rate(runner), rate(base), "", "");
        Stats.row("   CPU ms per case, median (JVM incl. the fake)", Stats.f(Stats.median(runnerCpu), 3),
                Stats.f(Stats.median(baseCpu), 3), "", "info");
        Stats.row("   ratio runner / plain HTTP loop (medians)", Stats.f(ratio, 3) + "x", "paired per round: "
                + Stats.f(Stats.median(ratios), 3) + "x", ">= " + Stats.f(BUDGET_RATIO, 1) + "x", Stats.verdict(pass));
        return pass;
    }

    private static String rate(double[] values) {
        return Stats.f(Stats.median(values), 0) + " (" + Stats.f(Stats.min(values), 0) + "-"
                + Stats.f(Stats.max(values), 0) + ")";
    }

    private static void line(String label, double[] values, int decimals) {
        System.out.printf("%-58s %9s %9s %9s%n", label, Stats.f(Stats.median(values), decimals),
                Stats.f(Stats.min(values), decimals), Stats.f(Stats.max(values), decimals));
    }

    // -------------------------------------------------------------------------------------------------
    // the suite and the fake's answers

    /** Item i is P(1 + i % 4); the fake answers it correctly except when i % 10 == 7. */
    private static String severity(int i) {
        return "P" + (1 + i % 4);
    }

    static int expectedPasses(int items) {
        int passes = 0;
        for (int i = 0; i < items; i++) {
            passes += i % 10 == 7 ? 0 : 1;
        }
        return passes;
    }

    static EvalSuite writeAndLoadSuite(Path dir, int items, int concurrency) throws IOException {
        if (!Files.isRegularFile(PROMPT)) {
            throw new IllegalStateException("the incident-severity prompt is missing: " + PROMPT.toAbsolutePath());
        }
        Files.createDirectories(dir.resolve("prompts"));
        Files.copy(PROMPT, dir.resolve("prompts/classify-severity.txt"));
        StringBuilder csv = new StringBuilder("__description,incident,__expected,__metadata:expected_severity\n");
        for (int i = 0; i < items; i++) {
            String service = SERVICES[i % SERVICES.length];
            String symptom = String.format(SYMPTOMS[(i / SERVICES.length) % SYMPTOMS.length], 3 + (i * 7) % 90);
            String incident = "[FIRING:1] " + service + " env=" + (i % 3 == 0 ? "staging" : "prod") + " ref #" + i
                    + "\n" + service + " " + symptom + " since " + (i % 24) + ":" + String.format("%02d", i % 60)
                    + " UTC, first seen by the on-call, \"checked twice\".";
            csv.append(cell("incident " + i + ": " + service)).append(',').append(cell(incident)).append(',')
                    .append(cell("contains-json:{required: [severity], properties: {severity: {const: " + severity(i)
                            + "}}}")).append(',').append(severity(i)).append('\n');
        }
        Files.writeString(dir.resolve("incidents.csv"), csv);
        Files.writeString(dir.resolve("promptfooconfig.yaml"), """
                description: Generated incidents for the eval runner throughput benchmark
                prompts:
                  - file://prompts/classify-severity.txt
                providers:
                  - id: ollama:chat:%s
                    config:
                      temperature: 0
                      seed: 42
                      num_predict: 120
                defaultTest:
                  assert:
                    - type: is-json
                      metric: format
                      value:
                        type: object
                        required: [severity, reason]
                        additionalProperties: false
                        properties:
                          severity:
                            type: string
                            enum: [P1, P2, P3, P4]
                          reason:
                            type: string
                            minLength: 10
                            maxLength: 240
                    - type: latency
                      threshold: 10000
                      weight: 0
                      metric: latency_ms
                tests: file://incidents.csv
                evaluateOptions:
                  maxConcurrency: %d
                """.formatted(MODEL, concurrency));
        SuiteLoader loader = new SuiteLoader(PromptResolver.none(),
                () -> new LinkedHashSet<>(Grader.standard().knownTypes()));
        SuiteLoadResult result = loader.load(dir.resolve("promptfooconfig.yaml"));
        if (!result.valid() || result.warningCount() > 0) {
            throw new IllegalStateException("the generated suite does not load cleanly: " + result.problems());
        }
        EvalSuite suite = result.suite().orElseThrow();
        if (suite.tests().size() != items || suite.tests().stream().anyMatch(t -> t.assertions().size() != 3)) {
            throw new IllegalStateException("the generated suite has " + suite.tests().size() + " items; expected "
                    + items + " with 3 assertions each");
        }
        return suite;
    }

    private static String cell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The fake's answer to one chat: a JSON verdict in 26 chunks, about as a small model tokenises it. */
    static List<String> answer(FakeOllamaRequest request) {
        JsonNode messages = request.json().path("messages");
        String prompt = messages.get(messages.size() - 1).path("content").asText();
        Matcher m = REF.matcher(prompt);
        if (!m.find()) {
            return List.of("I", " cannot", " tell");
        }
        int i = Integer.parseInt(m.group(1));
        String severity = i % 10 == 7 ? "P" + (1 + (i + 1) % 4) : severity(i);
        List<String> tokens = new ArrayList<>(List.of("{\"", "severity", "\":", " \"", severity.substring(0, 1),
                severity.substring(1), "\",", " \"", "reason", "\":", " \""));
        for (int w = 0; w < 14; w++) {
            String word = REASON_WORDS[(i * 3 + w * 5) % REASON_WORDS.length];
            tokens.add(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        tokens.add(".\"}");
        return tokens;
    }

    // -------------------------------------------------------------------------------------------------
    // the two contenders

    record RunnerSample(double seconds, double startMillis, double cpuMillisPerCase, Map<String, Double> cpuByGroup) {
    }

    private record BaselineSample(double seconds, double cpuMillisPerCase, Map<String, Double> cpuByGroup) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** The machine's load average, when the system shows it (Linux), for the record. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU time of this whole JVM (fake server included), ns. */
    private static long cpu() {
        return OS.getProcessCpuTime();
    }

    /** Whole runs of the suite through the product's runner. */
    static final class Runner {
        private final EvalRunner runner;
        private final EvalStore store;
        private final FakeOllama fake;
        private final EvalSuite suite;
        private final EvalOptions options;
        private final int expectedPasses;
        int maxInFlight;

        Runner(EvalRunner runner, EvalStore store, FakeOllama fake, EvalSuite suite, EvalOptions options,
               int expectedPasses) {
            this.runner = runner;
            this.store = store;
            this.fake = fake;
            this.suite = suite;
            this.options = options;
            this.expectedPasses = expectedPasses;
        }

        RunnerSample once() throws Exception {
            int items = suite.tests().size();
            fake.clearRequests();
            AtomicInteger landed = new AtomicInteger();
            ThreadCpu before = ThreadCpu.snapshot(cpu());
            long c0 = cpu();
            long t0 = System.nanoTime();
            EvalExecution execution = runner.start(suite, new Variant(0, 0), options,
                    (result, done, total) -> landed.incrementAndGet());
            long t1 = System.nanoTime();
            EvalRun run = execution.done().get(5, TimeUnit.MINUTES);
            long t2 = System.nanoTime();
            long c1 = cpu();
            Map<String, Double> byGroup = ThreadCpu.snapshot(cpu()).since(before, items);
            // checks, outside the timing
            if (run.state() != RunState.FINISHED || landed.get() != items) {
                throw new IllegalStateException("run " + run.id() + " ended " + run.state() + " with " + landed.get()
                        + " of " + items + " cases: " + run.failure());
            }
            List<CaseResult> cases = store.cases(run.id());
            long errors = cases.stream().filter(c -> c.error() != null).count();
            long passes = cases.stream().filter(CaseResult::pass).count();
            if (cases.size() != items || errors != 0 || passes != expectedPasses) {
                throw new IllegalStateException("run " + run.id() + " stored " + cases.size() + " cases, " + errors
                        + " errors, " + passes + " passes; expected " + items + ", 0, " + expectedPasses
                        + (errors == 0 ? "" : "; first error: " + cases.stream().filter(c -> c.error() != null)
                        .findFirst().map(CaseResult::error).orElse("")));
            }
            checkInFlight(fake, options.concurrency(), "runner");
            maxInFlight = Math.max(maxInFlight, fake.maxStreamsInFlight());
            if (fake.requests("/api/chat").size() != items) {
                throw new IllegalStateException("the runner made " + fake.requests("/api/chat").size()
                        + " chat requests for " + items + " items");
            }
            return new RunnerSample((t2 - t0) / 1e9, (t1 - t0) / 1e6, (c1 - c0) / 1e6 / items, byGroup);
        }
    }

    /** A plain JDK client loop over the same bodies, on as many platform threads as the runner's concurrency. */
    private static final class Baseline implements AutoCloseable {
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final FakeOllama fake;
        private final URI uri;
        private final List<byte[]> bodies;
        private final int concurrency;
        private final ExecutorService workers;
        int maxInFlight;

        Baseline(FakeOllama fake, URI uri, List<byte[]> bodies, int concurrency) {
            this.fake = fake;
            this.uri = uri;
            this.bodies = bodies;
            this.concurrency = concurrency;
            this.workers = Executors.newFixedThreadPool(concurrency);
        }

        /** Seconds for all the bodies. */
        BaselineSample once() throws Exception {
            fake.clearRequests();
            AtomicInteger next = new AtomicInteger();
            String[] answers = new String[bodies.size()];
            ThreadCpu before = ThreadCpu.snapshot(cpu());
            long c0 = cpu();
            long t0 = System.nanoTime();
            List<Future<?>> loops = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                loops.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        answers[i] = exchange(bodies.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get(5, TimeUnit.MINUTES);
            }
            long t1 = System.nanoTime();
            long c1 = cpu();
            Map<String, Double> byGroup = ThreadCpu.snapshot(cpu()).since(before, bodies.size());
            for (String answer : answers) {
                if (answer == null || !answer.startsWith("{\"severity\": \"P") || !answer.endsWith(".\"}")) {
                    throw new IllegalStateException("the baseline got the answer '" + answer + "'");
                }
            }
            checkInFlight(fake, concurrency, "baseline");
            maxInFlight = Math.max(maxInFlight, fake.maxStreamsInFlight());
            return new BaselineSample((t1 - t0) / 1e9, (c1 - c0) / 1e6 / bodies.size(), byGroup);
        }

        private String exchange(byte[] body) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                StringBuilder text = new StringBuilder();
                boolean done = false;
                try (Stream<String> lines = response.body()) {
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode node = JSON.readTree(line);
                        if (node.hasNonNull("error")) {
                            throw new IllegalStateException("the fake answered an error: " + line);
                        }
                        text.append(node.path("message").path("content").asText(""));
                        done |= node.path("done").asBoolean(false);
                    }
                }
                if (response.statusCode() != 200 || !done) {
                    throw new IllegalStateException("the baseline got status " + response.statusCode() + ", done="
                            + done + ", text '" + text + "'");
                }
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            workers.shutdownNow();
            client.shutdownNow();
        }
    }

    /**
     * The fake counts a stream from the moment it reads the request until it has written the chunked
     * terminator, but the gateway completes its result at the {@code done} line, before that. So a
     * runner worker's next request can reach the fake a moment before the fake has counted the previous
     * stream out, and the fake's peak can exceed the concurrency by up to one stream per worker without
     * any more requests in flight on the client side. The runner's own limit is its semaphore; this
     * check catches a contender that really runs wider than that.
     */
    private static void checkInFlight(FakeOllama fake, int concurrency, String who) {
        if (fake.maxStreamsInFlight() > 2 * concurrency) {
            throw new IllegalStateException("the " + who + " had " + fake.maxStreamsInFlight()
                    + " streams in flight at once at the fake; the concurrency is " + concurrency);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
