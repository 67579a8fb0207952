package dev.aiworkbench.bench.evals;

import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalRunner;
import dev.aiworkbench.eval.run.EvalStore;
import dev.aiworkbench.eval.run.SqliteVerdictCache;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.Observability;
import dev.aiworkbench.observability.SettingValues;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.SettingsStore;
import dev.aiworkbench.testing.FakeOllama;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issue 13's budget: recording every model call costs under 2% of eval throughput.
 *
 * <ul>
 *   <li><b>plain</b>: the eval runner of {@link EvalThroughputBench} (the same generated suite, fake Ollama with no
 *       delays, SQLite file, concurrency {@code evals.concurrency}), its gateway the bare {@code OllamaGateway}.</li>
 *   <li><b>recorded</b>: the same runner wired as {@code Workbench.evalRunner()} now wires it: each case's gateway
 *       is {@code Observability.recording(gateway, "ollama", EVAL)}, so each call is timed, tagged with the run and
 *       case, queued, priced and written by the recorder's thread into the same database the runner writes its
 *       cases to. Its time runs until the recorder has written every call of the run ({@code flush()}), so the
 *       writer's work is inside the measure, not left for the next round.</li>
 * </ul>
 * Each round runs both, the first alternating, each after {@code System.gc()}; warm-up rounds are discarded. Verdict:
 * median recorded cases/s / median plain cases/s >= 0.98. Also printed: the median of the paired per-round ratios,
 * their geometric mean (which cancels the advantage of running second, since each order is half the rounds when
 * the rounds are even), and CPU per case. Checked: every recorded round kept one record per case and dropped none.
 *
 * <p>Knobs: {@code -Devals.items=2000 -Devals.concurrency=4 -Devals.warmup=3 -Devals.rounds=10}.
 * Exit status: 0 = the budget holds, 1 = missed, 3 = the run could not measure.
 */
public final class RecordingOverheadBench {
    static final double BUDGET_RATIO = 0.98;
    private static final String MODEL = "qwen2.5:0.5b";

    private RecordingOverheadBench() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run() ? 0 : 1;
        } catch (Throwable t) {
            t.printStackTrace();
            System.out.println("the run FAILED and measured nothing: " + t);
            Stats.row("f. eval throughput with every call recorded / without", "the run failed: "
                    + t.getClass().getSimpleName(), "", ">= " + Stats.f(BUDGET_RATIO, 2) + "x", "FAILED");
            status = 3;
        }
        System.exit(status);
    }

    private static boolean run() throws Exception {
        int items = Integer.getInteger("evals.items", 2000);
        int concurrency = Integer.getInteger("evals.concurrency", 4);
        int warmup = Integer.getInteger("evals.warmup", 3);
        int rounds = Integer.getInteger("evals.rounds", 10);
        Path dir = Files.createTempDirectory("workbench-bench-recording-");
        try (FakeOllama fake = FakeOllama.start();
             OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()));
             Database database = Database.open(dir.resolve("workbench.db"))) {
            fake.model(MODEL).answerWith(EvalThroughputBench::answer);
            EvalSuite suite = EvalThroughputBench.writeAndLoadSuite(dir.resolve("suite"), items, concurrency);
            Clock clock = Clock.systemUTC();
            EvalStore store = new EvalStore(database);
            PriceTable prices = new PriceTable(database);
            EvalOptions options = new EvalOptions(concurrency, 1, EvalOptions.DEFAULT_RETRIES,
                    EvalOptions.DEFAULT_REQUEST_TIMEOUT, Optional.empty());
            try (Observability observability = Observability.open(database, settings(database), () -> {
                PriceRow local = prices.row(PriceTable.LOCAL);
                return (provider, model, usage) -> local.costUsd(usage);
            }, List::of, clock, "bench")) {
                EvalThroughputBench.Runner plain = new EvalThroughputBench.Runner(new EvalRunner(store, () -> gateway,
                        Grader.standard(), new SqliteVerdictCache(database, clock),
                        () -> prices.row(PriceTable.LOCAL)::costUsd, clock), store, fake, suite, options,
                        EvalThroughputBench.expectedPasses(items));
                EvalThroughputBench.Runner recorded = new EvalThroughputBench.Runner(new EvalRunner(store,
                        () -> observability.recording(gateway, OllamaGateway.PROVIDER, CallFeature.EVAL),
                        Grader.standard(), new SqliteVerdictCache(database, clock),
                        () -> prices.row(PriceTable.LOCAL)::costUsd, clock), store, fake, suite, options,
                        EvalThroughputBench.expectedPasses(items));

                System.out.printf("Recording overhead: fake Ollama on %s, no delays; %d items, concurrency %d;"
                        + " SQLite file %s%n", fake.baseUri(), items, concurrency, database.file());
                System.out.printf("%d warm-up rounds, then %d measured rounds; each round runs plain and recorded, the"
                        + " first alternating, each after System.gc()%n%n", warmup, rounds);
                System.out.printf("%-6s %-9s %14s %17s %8s %10s %16s %18s%n", "round", "first", "plain case/s",
                        "recorded case/s", "ratio", "flush ms", "plain CPU ms/case", "recorded CPU ms/case");
                List<Double> plainRates = new ArrayList<>();
                List<Double> recordedRates = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> flushes = new ArrayList<>();
                List<Double> plainCpu = new ArrayList<>();
                List<Double> recordedCpus = new ArrayList<>();
                long expectedRecords = 0;
                for (int i = 0; i < warmup + rounds; i++) {
                    EvalThroughputBench.RunnerSample p = null;
                    double recordedSeconds = 0;
                    double flushMillis = 0;
                    double recordedCpu = 0;
                    for (int k = 0; k < 2; k++) {
                        System.gc();
                        if ((i + k) % 2 == 0) {
                            p = plain.once();
                        } else {
                            EvalThroughputBench.RunnerSample r = recorded.once();
                            long f0 = System.nanoTime();
                            observability.recorder().flush();
                            flushMillis = (System.nanoTime() - f0) / 1e6;
                            recordedSeconds = r.seconds() + flushMillis / 1e3;
                            // The writer's CPU after the run ended, spent in the flush, counts too.
                            recordedCpu = r.cpuMillisPerCase();
                            expectedRecords += items;
                        }
                    }
                    long kept = observability.stats().total(new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(1)),
                            CallFilter.ALL).calls();
                    if (kept != expectedRecords || observability.recorder().dropped() != 0) {
                        throw new IllegalStateException("the recorder kept " + kept + " calls and dropped "
                                + observability.recorder().dropped() + "; expected " + expectedRecords + " and none");
                    }
                    double plainRate = items / p.seconds();
                    double recordedRate = items / recordedSeconds;
                    boolean measured = i >= warmup;
                    System.out.printf("%-6s %-9s %14s %17s %8s %10s %16s %18s%n", measured
                                    ? String.valueOf(i - warmup + 1) : "w" + (i + 1), i % 2 == 0 ? "plain" : "recorded",
                            Stats.f(plainRate, 0), Stats.f(recordedRate, 0), Stats.f(recordedRate / plainRate, 3),
                            Stats.f(flushMillis, 1), Stats.f(p.cpuMillisPerCase(), 3), Stats.f(recordedCpu, 3));
                    if (measured) {
                        plainRates.add(plainRate);
                        recordedRates.add(recordedRate);
                        ratios.add(recordedRate / plainRate);
                        flushes.add(flushMillis);
                        plainCpu.add(p.cpuMillisPerCase());
                        recordedCpus.add(recordedCpu);
                    }
                }
                System.out.printf("load average (1, 5, 15 min) at the end: %s%n", EvalThroughputBench.loadAverage());
                double[] plainArray = Stats.toArray(plainRates);
                double[] recordedArray = Stats.toArray(recordedRates);
                double ratio = Stats.median(recordedArray) / Stats.median(plainArray);
                boolean pass = ratio >= BUDGET_RATIO;
                System.out.printf("%nrecorded / plain = median(recorded) / median(plain) = %s (paired per round: %s;"
                                + " budget >= %s): %s%n", Stats.f(ratio, 3), Stats.f(Stats.median(Stats.toArray(ratios)), 3),
                        Stats.f(BUDGET_RATIO, 2), Stats.verdict(pass));
                Stats.row("f. eval cases/s with every call recorded, median", Stats.f(Stats.median(recordedArray), 0),
                        Stats.f(Stats.median(plainArray), 0) + " without", "", "");
                // The arm that runs second in a round tends to run faster; each order is half the rounds, so the
                // geometric mean of the paired ratios cancels that out.
                double logs = 0;
                for (double r : ratios) {
                    logs += Math.log(r);
                }
                double balanced = Math.exp(logs / ratios.size());
                System.out.printf("order-balanced: geometric mean of the paired ratios = %s%n", Stats.f(balanced, 3));
                double cpuRatio = Stats.median(Stats.toArray(plainCpu)) / Stats.median(Stats.toArray(recordedCpus));
                System.out.printf("CPU per case, whole JVM: plain %s ms, recorded %s ms; plain / recorded = %s (the same"
                                + " cost seen through CPU time, which other tenants of the machine disturb less)%n",
                        Stats.f(Stats.median(Stats.toArray(plainCpu)), 3),
                        Stats.f(Stats.median(Stats.toArray(recordedCpus)), 3), Stats.f(cpuRatio, 3));
                Stats.row("   CPU ms per case, median (JVM incl. the fake)",
                        Stats.f(Stats.median(Stats.toArray(recordedCpus)), 3),
                        Stats.f(Stats.median(Stats.toArray(plainCpu)), 3) + " without",
                        "", "info: " + Stats.f(cpuRatio, 3) + "x");
                Stats.row("   geometric mean of the paired ratios (order-balanced)", Stats.f(balanced, 3) + "x", "",
                        "", "info");
                Stats.row("   flush after the run (ms, in the recorded time), median",
                        Stats.f(Stats.median(Stats.toArray(flushes)), 1), "", "", "info");
                Stats.row("   ratio recorded / not recorded (medians)", Stats.f(ratio, 3) + "x", "paired per round: "
                        + Stats.f(Stats.median(Stats.toArray(ratios)), 3) + "x", ">= " + Stats.f(BUDGET_RATIO, 2) + "x",
                        Stats.verdict(pass));
                return pass;
            }
        } finally {
            EvalThroughputBench.deleteTree(dir);
        }
    }

    private static SettingValues settings(Database database) {
        SettingsStore store = new SettingsStore(database);
        return new SettingValues() {
            @Override
            public Optional<String> get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, String value) {
                store.put(key, value);
            }

            @Override
            public void remove(String key) {
                store.remove(key);
            }
        };
    }
}
