package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Budget (issue 13): the dashboard over 1,000,000 stored calls answers in under a second. It lives in the
 * observability package to reach the writer (CallStore) and the exact-only CallStats the baseline needs.
 *
 * <p>The first trial of a run writes 1,000,000 seeded calls over the 90 days before {@link #NOW} into a fresh
 * database through the recorder's own write path ({@code CallStore.insert} in batches of 512, rollups and running
 * totals included), prints what a call cost to write, and keeps the file in target/bench/dashboard (run-jmh.sh
 * empties it first); later trials of the run copy it. The calls: 5 features (eval and judge most), 6 models on two providers, more
 * calls by day than by night, 2% errors and 1% cancels, log-normal time to first token and total time per model,
 * unknown token counts now and then. It then checks that both ways give the same counts and percentiles within the
 * sketch's accuracy, outside the measurement.
 *
 * <p>One operation is the set of queries the Observability screen makes for a range ({@code days} before now, in
 * Europe/Berlin): the total, groups by feature, by model and by day, the daily series by feature, and the time to
 * first token and total time histograms. {@link #dashboard} is CallStats as the app has it (rollups for ranges of
 * many calls); {@link #rawBaseline} computes the same answers the way CallStats did before the rollups, from the
 * calls with percentile_cont, in the same invocation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class DashboardAggregateBenchmark {
    static final int CALLS = 1_000_000;
    /** Not on an hour, as a real "now" is not: the range has partial hours at both edges. */
    static final Instant NOW = Instant.parse("2026-12-05T09:37:12.345Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Path KEPT = Path.of("target/bench/dashboard");
    private static final List<String> MODELS = List.of("llama3.2:3b", "qwen3:8b", "mistral:7b", "gemma3:4b",
            "gpt-4o-mini", "claude-haiku");
    private static final double[] MODEL_WEIGHTS = {0.3, 0.2, 0.1, 0.1, 0.2, 0.1};
    private static final CallFeature[] FEATURES = {CallFeature.EVAL, CallFeature.JUDGE, CallFeature.PLAYGROUND,
            CallFeature.LAB_CHECK, CallFeature.ASSESSMENT};
    private static final double[] FEATURE_WEIGHTS = {0.45, 0.25, 0.15, 0.1, 0.05};

    @State(Scope.Benchmark)
    public static class StoredCalls {
        @Param({"30", "90"})
        int days;

        Path dir;
        Database database;
        CallStats stats;
        CallStats exact;
        TimeRange range;

        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = Files.createTempDirectory("workbench-bench-dashboard-");
            Path kept = KEPT.resolve("workbench.db");
            if (Files.exists(kept)) {
                Files.copy(kept, dir.resolve("workbench.db"));
                database = Database.open(dir.resolve("workbench.db"));
            } else {
                database = Database.open(dir.resolve("workbench.db"));
                writeCalls(database);
                Files.createDirectories(KEPT);
                database.copyInto(kept);
            }
            stats = new CallStats(database);
            exact = new CallStats(database, Long.MAX_VALUE);
            range = new TimeRange(NOW.minus(Duration.ofDays(days)), NOW);
            check();
        }

        private static void writeCalls(Database database) {
            CallStore store = new CallStore(database);
            CallPricing pricing = (provider, model, usage) -> provider.equals("openai") && usage.promptTokens().isPresent()
                    && usage.outputTokens().isPresent() ? OptionalDouble.of((usage.promptTokens().getAsInt() * 0.15
                    + usage.outputTokens().getAsInt() * 0.6) / 1e6) : OptionalDouble.empty();
            List<ModelCall> calls = calls(new Random(2026));
            long start = System.nanoTime();
            for (int i = 0; i < calls.size(); i += 512) {
                store.insert(calls.subList(i, Math.min(calls.size(), i + 512)), pricing);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%n[setup] wrote %,d calls in batches of 512 in %.1f s: %.1f µs a call, rollups and "
                    + "running totals included%n", calls.size(), seconds, seconds * 1e6 / calls.size());
        }

        /** Both ways agree before anything is timed: counts exactly, percentiles within the sketch's accuracy. */
        private void check() {
            List<UsageGroup> fast = stats.groups(range, GroupBy.MODEL, ZONE, CallFilter.ALL);
            List<UsageGroup> slow = exact.groups(range, GroupBy.MODEL, ZONE, CallFilter.ALL);
            if (fast.size() != MODELS.size() || slow.size() != fast.size()) {
                throw new IllegalStateException("expected 6 models, got " + fast.size() + " and " + slow.size());
            }
            for (int i = 0; i < fast.size(); i++) {
                UsageGroup a = fast.get(i);
                UsageGroup b = slow.get(i);
                boolean same = a.key().equals(b.key()) && a.calls() == b.calls() && a.errors() == b.errors()
                        && a.inputTokens() == b.inputTokens() && a.outputTokens() == b.outputTokens()
                        && Math.abs(a.costUsd() - b.costUsd()) < 1e-6 && a.totalMs().approximate()
                        && close(a.totalMs().p99(), b.totalMs().p99()) && close(a.ttftMs().p50(), b.ttftMs().p50())
                        && close(a.tokensPerSecond(), b.tokensPerSecond());
                if (!same) {
                    throw new IllegalStateException("rollups and calls disagree:\n " + a + "\n " + b);
                }
            }
        }

        private static boolean close(Double a, Double b) {
            return Math.abs(a - b) <= Percentiles.RELATIVE_ERROR * b + 1e-9;
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            database.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public void dashboard(StoredCalls calls, Blackhole hole) {
        querySet(calls.stats, calls.range, hole);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void rawBaseline(StoredCalls calls, Blackhole hole) {
        querySet(calls.exact, calls.range, hole);
    }

    private static void querySet(CallStats stats, TimeRange range, Blackhole hole) {
        hole.consume(stats.total(range, CallFilter.ALL));
        hole.consume(stats.groups(range, GroupBy.FEATURE, ZONE, CallFilter.ALL));
        hole.consume(stats.groups(range, GroupBy.MODEL, ZONE, CallFilter.ALL));
        hole.consume(stats.groups(range, GroupBy.DAY, ZONE, CallFilter.ALL));
        hole.consume(stats.daily(range, GroupBy.FEATURE, ZONE, CallFilter.ALL));
        hole.consume(stats.histogram(range, LatencyMeasure.TIME_TO_FIRST_TOKEN, LatencyHistogram.DEFAULT_BOUNDS_MS,
                CallFilter.ALL));
        hole.consume(stats.histogram(range, LatencyMeasure.TOTAL, LatencyHistogram.DEFAULT_BOUNDS_MS, CallFilter.ALL));
    }

    /** The seeded calls, oldest first, as the writer would get them. */
    static List<ModelCall> calls(Random random) {
        List<ModelCall> calls = new ArrayList<>(CALLS);
        long span = Duration.ofDays(90).toMillis();
        for (int i = 0; i < CALLS; i++) {
            // more calls in the learner's day than at night: accept a night-time instant one time in four
            long offset;
            do {
                offset = (long) (random.nextDouble() * span);
            } while (isNight(NOW.minusMillis(offset)) && random.nextInt(4) != 0);
            Instant at = NOW.minusMillis(offset + 1);
            int m = pick(random, MODEL_WEIGHTS);
            String model = MODELS.get(m);
            CallFeature feature = FEATURES[pick(random, FEATURE_WEIGHTS)];
            double roll = random.nextDouble();
            CallOutcome outcome = roll < 0.02 ? CallOutcome.ERROR : roll < 0.03 ? CallOutcome.CANCELLED : CallOutcome.OK;
            int out = (int) (120 * Math.exp(0.7 * random.nextGaussian()));
            double ttft = (80 + 60 * m) * Math.exp(0.5 * random.nextGaussian());
            double rate = (25 + 10 * (m % 3)) * Math.exp(0.15 * random.nextGaussian());
            double total = ttft + 1000 * out / rate;
            boolean counted = random.nextInt(50) != 0;
            calls.add(new ModelCall(at, CallTag.of(feature), Operation.CHAT, m >= 4 ? "openai" : "ollama", model,
                    counted ? (int) (400 * Math.exp(0.8 * random.nextGaussian())) : null, counted ? out : null,
                    outcome == CallOutcome.ERROR ? null : ttft, outcome == CallOutcome.OK ? total : ttft / 2,
                    outcome == CallOutcome.OK ? rate : null, outcome, outcome == CallOutcome.ERROR ? "timeout" : null));
        }
        calls.sort(Comparator.comparing(ModelCall::startedAt));
        return calls;
    }

    private static boolean isNight(Instant at) {
        int hour = at.atZone(ZONE).getHour();
        return hour < 7 || hour >= 23;
    }

    private static int pick(Random random, double[] weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
