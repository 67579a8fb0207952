package dev.aiworkbench.bench.soak;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalExecution;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalProgress;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.Variant;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.SuiteLoadResult;
import dev.aiworkbench.testing.FakeOllama;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 18, "a long run holds": one data folder, three processes at once.
 * <ol>
 *   <li>this JVM: a {@code soak.cases}-case eval (default 10,000) at concurrency {@code soak.concurrency} (8) through
 *       the product's runner as {@code Workbench.evalRunner()} wires it (every case written as it lands, every model
 *       call recorded), against a {@link FakeOllama} in this JVM with no delay (or {@code soak.latencyMs});</li>
 *   <li>{@link SessionProcess}: the app's session, database watch on, re-reading on every burst of others' writes;</li>
 *   <li>{@link MarkerProcess}: {@code workbench progress mark} in a loop, each a whole command-line run.</li>
 * </ol>
 * Budgets: 0 lock errors in all three; 0 lost cases (a result row for every case); heap flat after warm-up, that is
 * heap after GC at 100% of the run within 10% of heap at 25% (this JVM), and the session's last sample within 10%
 * of its first after 25% of the run; and the session shows what the database holds two seconds after the last mark.
 * Exit status: 0 = every budget holds, 1 = one is missed, 3 = the run could not measure.
 */
public final class SoakBench {
    private static final String MODEL = "tiny";
    private static final double FLAT = 0.10;

    private SoakBench() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run() ? 0 : 1;
        } catch (Throwable t) {
            t.printStackTrace();
            Heap.row("soak", "the run failed: " + t, "", "", "FAILED");
            status = 3;
        }
        System.exit(status);
    }

    /** A child JVM on this class path, its output lines collected as they come. */
    private record Child(Process process, List<String> lines, CompletableFuture<Void> ready) {
        static Child start(List<String> jvmOptions, Class<?> main, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        if (line.equals("READY")) {
                            ready.complete(null);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
                ready.completeExceptionally(new IllegalStateException(main.getSimpleName() + " ended: " + lines));
            });
            reader.setDaemon(true);
            reader.start();
            return new Child(process, lines, ready);
        }

        String stop(String prefix) throws Exception {
            try (OutputStream in = process.getOutputStream()) {
                in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(prefix + " did not stop");
            }
            Thread.sleep(200);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(prefix + " printed no tally: " + lines));
        }
    }

    private static boolean run() throws Exception {
        int cases = Integer.getInteger("soak.cases", 10_000);
        int concurrency = Integer.getInteger("soak.concurrency", 8);
        long latency = Long.getLong("soak.latencyMs", 0);
        long markPause = Long.getLong("soak.markPauseMs", 20);
        Path dir = Files.createTempDirectory("workbench-soak-");
        Path data = dir.resolve("data");
        try (FakeOllama fake = FakeOllama.start()) {
            fake.model(MODEL).answerWith(request -> List.of("pass", " for", " this", " item"));
            if (latency > 0) {
                fake.firstTokenDelay(Duration.ofMillis(latency));
            }
            // This JVM opens (and migrates) the fresh folder first; the others open it migrated.
            try (Workbench workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data),
                    Optional.empty(), Optional.of(fake.baseUrl())), Clock.systemUTC(), System.out::println)) {
                EvalSuite suite = writeSuite(dir.resolve("suite"), workbench, cases, concurrency);
                Child session = Child.start(List.of("-Xmx256m"), SessionProcess.class, data.toString(), fake.baseUrl());
                session.ready().get(120, TimeUnit.SECONDS);
                Child marker = Child.start(List.of("-Xmx256m"), MarkerProcess.class, data.toString(),
                        Long.toString(markPause));
                System.out.printf(Locale.ROOT, "Soak: %d cases at concurrency %d against a fake Ollama (%s), one data "
                        + "folder (%s); a session JVM with the database watch and a JVM marking tasks every %d ms "
                        + "run beside it%n", cases, concurrency, latency > 0 ? latency + " ms to first token" : "no delay",
                        data, markPause);
                Result result = runEval(workbench, fake, suite, concurrency, cases);
                String marks = marker.stop("MARKER");
                // The session's last chance to see the last mark: the watch's two seconds.
                Thread.sleep(2_500);
                String sessionTally = session.stop("SESSION");
                List<long[]> sessionHeap = session.lines().stream().filter(l -> l.startsWith("HEAP "))
                        .map(l -> l.split(" ")).map(p -> new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])})
                        .toList();
                return report(result, marks, sessionTally, sessionHeap, cases);
            }
        }
    }

    private static EvalSuite writeSuite(Path folder, Workbench workbench, int cases, int concurrency) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("items.csv"), "__description,n\n" + IntStream.rangeClosed(1, cases)
                .mapToObj(i -> "item " + i + "," + i).collect(Collectors.joining("\n")) + "\n");
        Path file = Files.writeString(folder.resolve("promptfooconfig.yaml"), """
                description: Soak
                prompts: "Answer for item {{n}}"
                providers:
                  - id: ollama:chat:%s
                    config:
                      temperature: 0
                defaultTest:
                  assert:
                    - type: icontains
                      value: pass
                tests: file://items.csv
                evaluateOptions:
                  maxConcurrency: %d
                """.formatted(MODEL, concurrency));
        SuiteLoadResult loaded = workbench.suiteLoader().load(file);
        if (!loaded.valid()) {
            throw new IllegalStateException("the soak suite does not load: " + loaded.problems());
        }
        return loaded.suite().orElseThrow();
    }

    private record Result(EvalRun run, double seconds, int errored, int lockErrors, long stored, long[] heap) {
    }

    private static Result runEval(Workbench workbench, FakeOllama fake, EvalSuite suite, int concurrency, int cases)
            throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errored = new AtomicInteger();
        AtomicInteger lockErrors = new AtomicInteger();
        EvalProgress progress = (CaseResult result, int finished, int total) -> {
            done.set(finished);
            if (result.errored()) {
                errored.incrementAndGet();
                String error = String.valueOf(result.error()).toLowerCase(Locale.ROOT);
                if (error.contains("locked") || error.contains("busy")) {
                    lockErrors.incrementAndGet();
                }
            }
            if (finished % 500 == 0) {
                fake.clearRequests();
            }
        };
        long[] heap = new long[4];
        long start = System.nanoTime();
        EvalExecution execution = workbench.evalRunner().start(suite, Variant.all(suite).get(0),
                new EvalOptions(concurrency, 1, EvalOptions.DEFAULT_RETRIES, EvalOptions.DEFAULT_REQUEST_TIMEOUT,
                        Optional.empty()), progress);
        for (int quarter = 1; quarter <= 3; quarter++) {
            while (done.get() < cases * quarter / 4 && !execution.done().isDone()) {
                Thread.sleep(5);
            }
            fake.clearRequests();
            heap[quarter - 1] = Heap.afterGc();
            System.out.printf(Locale.ROOT, "  %d%% (%d cases): heap after GC %s%n", 25 * quarter, done.get(),
                    Heap.mib(heap[quarter - 1]));
        }
        EvalRun finished;
        try {
            finished = execution.done().get();
        } catch (java.util.concurrent.ExecutionException e) {
            String said = String.valueOf(e.getCause().getMessage()).toLowerCase(Locale.ROOT);
            if (said.contains("locked") || said.contains("busy")) {
                lockErrors.incrementAndGet();
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        fake.clearRequests();
        heap[3] = Heap.afterGc();
        System.out.printf(Locale.ROOT, "  100%% (%d cases): heap after GC %s; %.1f s, %.0f cases/s%n", done.get(),
                Heap.mib(heap[3]), seconds, cases / seconds);
        long stored;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workbench.dataFolder().database());
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM eval_case WHERE run_id = ?")) {
            s.setString(1, finished.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                stored = r.getLong(1);
            }
        }
        return new Result(finished, seconds, errored.get(), lockErrors.get(), stored, heap);
    }

    private static int field(String tally, String name) {
        for (String part : tally.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Integer.parseInt(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("no " + name + " in " + tally);
    }

    private static boolean report(Result result, String marks, String session, List<long[]> sessionHeap, int cases) {
        System.out.println("  eval run " + result.run().id() + ": " + result.run().state().id() + ", "
                + result.errored() + " errored cases, " + result.stored() + " result rows");
        System.out.println("  " + marks);
        System.out.println("  " + session);
        int lockErrors = result.lockErrors() + field(marks, "lockErrors")
                + (session.contains("locked") || session.contains("busy") ? field(session, "errors") : 0);
        long lost = cases - result.stored();
        double evalGrowth = (double) (result.heap()[3] - result.heap()[0]) / result.heap()[0];
        long runMillis = sessionHeap.isEmpty() ? 0 : sessionHeap.get(sessionHeap.size() - 1)[0];
        long[] firstAfterWarmUp = sessionHeap.stream().filter(s -> s[0] >= runMillis / 4).findFirst()
                .orElse(new long[] {0, 0});
        long[] last = sessionHeap.isEmpty() ? new long[] {0, 0} : sessionHeap.get(sessionHeap.size() - 1);
        double sessionGrowth = firstAfterWarmUp[1] == 0 ? Double.NaN
                : (double) (last[1] - firstAfterWarmUp[1]) / firstAfterWarmUp[1];
        int stale = field(session, "stale");
        boolean ok = lockErrors == 0 && lost == 0 && result.errored() == 0
                && Math.abs(evalGrowth) <= FLAT && Math.abs(sessionGrowth) <= FLAT && stale == 0
                && field(marks, "failures") == 0 && field(session, "errors") == 0;
        Heap.row("lock errors (eval, marker, session)", Integer.toString(lockErrors), "", "0",
                lockErrors == 0 ? "PASS" : "MISS");
        Heap.row("lost cases (no result row)", Long.toString(lost), cases + " cases", "0", lost == 0 ? "PASS" : "MISS");
        Heap.row("failed marks / session errors / errored cases", field(marks, "failures") + " / "
                + field(session, "errors") + " / " + result.errored(), "", "0", field(marks, "failures") == 0
                && field(session, "errors") == 0 && result.errored() == 0 ? "PASS" : "MISS");
        Heap.row("eval JVM heap after GC, 100% vs 25%", Heap.mib(result.heap()[3]) + String.format(Locale.ROOT,
                " (%+.1f%%)", 100 * evalGrowth), Heap.mib(result.heap()[0]), "within 10%",
                Math.abs(evalGrowth) <= FLAT ? "PASS" : "MISS");
        Heap.row("session JVM heap after GC, last vs first after 25%", Heap.mib(last[1]) + String.format(Locale.ROOT,
                " (%+.1f%%)", 100 * sessionGrowth), Heap.mib(firstAfterWarmUp[1]), "within 10%",
                Math.abs(sessionGrowth) <= FLAT ? "PASS" : "MISS");
        Heap.row("task states the session shows wrong 2.5 s after the last mark", Integer.toString(stale), "", "0",
                stale == 0 ? "PASS" : "MISS");
        Heap.row("eval throughput beside the others", String.format(Locale.ROOT, "%.0f cases/s", cases / result.seconds()),
                "", "", "info");
        Heap.row("marks made / session refreshes / session eval reads", field(marks, "marks") + " / "
                + field(session, "refreshes") + " / " + field(session, "evalReads"), "", "", "info");
        return ok;
    }
}
