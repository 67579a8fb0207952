package dev.aiworkbench.bench.streaming;

import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.TokenListener;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.util.UndoUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Budget 2: at 1,000 tokens/s from the server the FX thread receives at most 60 updates per second
 * and no token is lost.
 *
 * <p>The fake streams numbered tokens ({@code "1 "}, {@code "2 "}, ..., a line break after every
 * 20th, as model output comes in lines rather than one endless wrapped line). They go through
 * {@link OllamaGateway} into a shown RichTextFX {@link CodeArea} set up the way the playground's
 * output pane sets up its own (read-only, wrapped, no-op undo manager, appended at the end with the
 * caret followed), in a 900x700 window on Monocle's headless screen. Two ways of feeding it, in
 * rounds on the same area, which one first alternating from round to round:
 * <ul>
 *   <li><b>pipeline</b>: the product's {@code StreamingTextSink}, fed from the gateway's thread as
 *       the playground feeds it; a stream is done when every token offered has reached the area
 *       (the sink hands over asynchronously; waited for, at most 30 s);</li>
 *   <li><b>naive</b> (the baseline): one {@code Platform.runLater(append)} per token; done when the
 *       FX thread has run them all.</li>
 * </ul>
 * The fake's pacing is calibrated first (after warm-up runs): the longest token delay at which the
 * pipeline sees at least 1,050 tokens/s, because the fake's 1 ms delay gives only about 700.
 *
 * <p>For each round: the rate the server achieved (tokens over first-to-last arrival at the gateway's
 * listener), the FX updates (text hand-overs) per second over the stream and the most in any sliding
 * 1-second window, the latency of a {@code Platform.runLater} probe posted every 10 ms during the
 * stream (FX responsiveness), how long after the last token the text was complete, and whether the
 * area's final text equals all tokens concatenated. Verdict: in every pipeline round, at most 60
 * updates in any 1-second window and the exact text; valid only when the median rate of the pipeline
 * rounds is at least 1,000 tokens/s (otherwise exit status 3).
 */
public final class FxRateBench {
    static final int MAX_UPDATES_PER_SECOND = 60;
    private static final String MODEL = "llama3.2:latest";
    /** Tokens a line: model output comes in lines and paragraphs, not as one endless wrapped line. */
    static final int LINE_TOKENS = 20;
    static final int RATE = 1000;
    static final String PIPELINE = "pipeline";
    static final String NAIVE = "naive";
    /** How long a stream may take, after its last token, to reach the area in full. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final int CALIBRATION_RATE = 1050;
    private static final int CALIBRATION_TOKENS = 1500;
    private static final long WARMUP_DELAY_MICROS = 500;
    private static final long[] CANDIDATE_DELAYS_MICROS = {1000, 900, 800, 700, 600, 500, 400, 300, 200, 100, 50, 0};

    private FxRateBench() {
    }

    record Round(String mode, int tokens, double serverRate, long updates, double streamSeconds,
                 int maxInWindow, double probeMedianMs, double probeP99Ms, double probeMaxMs, double catchUpMs,
                 boolean exact) {
        double updatesPerSecond() {
            return updates / streamSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int tokens = Integer.getInteger("fxrate.tokens", 5000);
        int rounds = Integer.getInteger("fxrate.rounds", 3);
        Long fixedDelay = Long.getLong("fxrate.tokenDelayMicros");
        Fx.startHeadless();
        CodeArea area = Fx.call(FxRateBench::showArea);
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-probe");
            t.setDaemon(true);
            return t;
        });
        int status;
        try (FakeOllama fake = FakeOllama.start();
             OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()))) {
            System.out.printf("FX updates: %d numbered tokens a stream (a line break every %d), %d measured rounds per"
                    + " mode, CodeArea in a shown 900x700 window%n", tokens, LINE_TOKENS, rounds);
            System.out.printf("%-11s %6s %9s %8s %8s %10s %12s %12s %9s %10s %6s%n", "round", "tokens", "server/s",
                    "updates", "upd/s", "max in 1s", "probe med ms", "probe p99 ms", "probe max", "catch-up ms",
                    "exact");
            // Warm-up: a cold JIT makes the first streams much slower.
            fake.model(MODEL).answer(numbered(CALIBRATION_TOKENS));
            fake.tokenDelay(Duration.ofNanos(WARMUP_DELAY_MICROS * 1000));
            for (String mode : List.of(PIPELINE, NAIVE, PIPELINE, NAIVE)) {
                print("warm-up", run(mode, CALIBRATION_TOKENS, gateway, area, prober));
                fake.clearRequests();
            }
            // The fake sleeps its token delay between chunks and spends time of its own on each, so a
            // 1 ms delay gives well under 1,000 tokens/s. Calibrate: the longest delay at which the
            // whole pipeline (FX thread and area included) gets at least CALIBRATION_RATE tokens/s.
            long delayMicros;
            if (fixedDelay != null) {
                delayMicros = fixedDelay;
            } else {
                delayMicros = -1;
                fake.model(MODEL).answer(numbered(CALIBRATION_TOKENS));
                for (long candidate : CANDIDATE_DELAYS_MICROS) {
                    fake.tokenDelay(Duration.ofNanos(candidate * 1000));
                    Round round = run(PIPELINE, CALIBRATION_TOKENS, gateway, area, prober);
                    print("cal " + candidate + "us", round);
                    fake.clearRequests();
                    if (round.serverRate() >= CALIBRATION_RATE) {
                        delayMicros = candidate;
                        break;
                    }
                }
                if (delayMicros < 0) {
                    System.out.printf("the fake cannot reach %d tokens/s on this machine, even with no delay%n",
                            CALIBRATION_RATE);
                    System.exit(3);
                }
            }
            fake.tokenDelay(Duration.ofNanos(delayMicros * 1000));
            System.out.printf("-- fake token delay: %d us%n", delayMicros);
            fake.model(MODEL).answer(numbered(tokens));
            List<String> modes = List.of(PIPELINE, NAIVE);
            Map<String, List<Round>> results = new HashMap<>();
            for (int r = 1; r <= rounds; r++) {
                for (int k = 0; k < modes.size(); k++) {
                    String mode = modes.get((r - 1 + k) % modes.size()); // alternate which mode goes first
                    Round round = run(mode, tokens, gateway, area, prober);
                    print("r" + r, round);
                    results.computeIfAbsent(mode, m -> new ArrayList<>()).add(round);
                    fake.clearRequests();
                }
            }
            status = summarise(results.get(PIPELINE), results.get(NAIVE), delayMicros);
        } finally {
            prober.shutdownNow();
        }
        System.exit(status);
    }

    private static CodeArea showArea() {
        CodeArea area = new CodeArea();
        area.setEditable(false);
        area.setWrapText(true);
        area.setUndoManager(UndoUtils.noOpUndoManager());
        Stage stage = new Stage();
        stage.setScene(new Scene(new VirtualizedScrollPane<>(area), 900, 700));
        stage.show();
        return area;
    }

    /** What the output pane does with each hand-over. */
    private static void append(CodeArea area, String chunk) {
        area.appendText(chunk);
        area.moveTo(area.getLength());
        area.requestFollowCaret();
    }

    static List<String> numbered(int n) {
        List<String> tokens = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            tokens.add(i % LINE_TOKENS == 0 ? i + "\n" : i + " ");
        }
        return tokens;
    }

    private static Round run(String mode, int n, OllamaGateway gateway, CodeArea area, ScheduledExecutorService prober)
            throws Exception {
        boolean naiveMode = mode.equals(NAIVE);
        String expected = String.join("", numbered(n));
        List<Long> updateTimes = new ArrayList<>();   // FX thread only
        List<Long> probeLatencies = new ArrayList<>(); // FX thread only
        Consumer<String> toArea = chunk -> {
            updateTimes.add(System.nanoTime());
            append(area, chunk);
        };
        TextSink sink = naiveMode ? null : new TextSink(toArea);
        AtomicInteger arrivals = new AtomicInteger();
        long[] arrival = new long[2]; // first, last; written by the gateway's thread, read after the result
        TokenListener listener = delta -> {
            long now = System.nanoTime();
            if (arrivals.getAndIncrement() == 0) {
                arrival[0] = now;
            }
            arrival[1] = now;
            if (naiveMode) {
                Platform.runLater(() -> toArea.accept(delta));
            } else {
                sink.offer(delta);
            }
        };
        GenerationRequest request = GenerationRequest.chat(MODEL, null, "Count up.", ModelOptions.DEFAULTS,
                OutputFormat.PLAIN);
        ScheduledFuture<?> probe = prober.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> probeLatencies.add(System.nanoTime() - posted));
        }, 10, 10, TimeUnit.MILLISECONDS);
        GenerationCall call = Fx.call(() -> {
            area.clear();
            return gateway.stream(request, listener);
        });
        GenerationResult result = call.result().get(5, TimeUnit.MINUTES);
        probe.cancel(false);
        // Every token has been offered by now (the gateway calls its listener before it completes the
        // result). Done = all of them reached the area.
        if (naiveMode) {
            Fx.drain(); // every per-token runLater posted before the result completed has run
        } else if (!sink.awaitAllShown(CATCH_UP_TIMEOUT)) {
            // Not a harness failure: the text check below then fails, and so does the verdict.
            System.out.printf("%s: not all text reached the area within %d s of the last token%n", mode,
                    CATCH_UP_TIMEOUT.toSeconds());
        }
        long done = System.nanoTime();
        Object[] fx = Fx.call(() -> new Object[] {area.getText(), new ArrayList<>(updateTimes),
                new ArrayList<>(probeLatencies), naiveMode ? (long) updateTimes.size() : sink.updates()});
        @SuppressWarnings("unchecked")
        List<Long> updates = (List<Long>) fx[1];
        @SuppressWarnings("unchecked")
        List<Long> probes = (List<Long>) fx[2];
        long updateCount = (Long) fx[3];
        if (!result.text().equals(expected)) {
            throw new IllegalStateException(mode + ": the gateway's answer differs from what the fake sent");
        }
        double streamSeconds = (arrival[1] - arrival[0]) / 1e9;
        double[] probeMs = probes.stream().mapToDouble(l -> l / 1e6).toArray();
        long lastUpdate = updates.isEmpty() ? done : updates.get(updates.size() - 1);
        return new Round(mode, arrivals.get(), (arrivals.get() - 1) / streamSeconds, updateCount, streamSeconds,
                maxInOneSecond(updates), Stats.median(probeMs), Stats.percentile(probeMs, 99), Stats.max(probeMs),
                (lastUpdate - arrival[1]) / 1e6, fx[0].equals(expected));
    }

    /** The most timestamps in any window [t, t + 1 s). */
    static int maxInOneSecond(List<Long> sortedTimes) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < sortedTimes.size(); end++) {
            while (sortedTimes.get(end) - sortedTimes.get(start) >= 1_000_000_000L) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    private static void print(String label, Round r) {
        System.out.printf("%-9s %6d %9s %8d %8s %10d %12s %12s %9s %10s %6s   %s%n", label, r.tokens(),
                Stats.f(r.serverRate(), 0), r.updates(), Stats.f(r.updatesPerSecond(), 1), r.maxInWindow(),
                Stats.f(r.probeMedianMs(), 2), Stats.f(r.probeP99Ms(), 2), Stats.f(r.probeMaxMs(), 1),
                Stats.f(r.catchUpMs(), 1), r.exact() ? "yes" : "NO", r.mode());
    }

    /** Prints the verdict; returns the exit status: 0 pass, 1 miss, 3 the fake did not reach 1,000 tokens/s. */
    private static int summarise(List<Round> pipeline, List<Round> naive, long delayMicros) {
        int worstWindow = pipeline.stream().mapToInt(Round::maxInWindow).max().orElse(Integer.MAX_VALUE);
        boolean exact = pipeline.stream().allMatch(Round::exact);
        double rate = Stats.median(pipeline.stream().mapToDouble(Round::serverRate).toArray());
        double naiveRate = Stats.median(naive.stream().mapToDouble(Round::serverRate).toArray());
        double ups = Stats.median(pipeline.stream().mapToDouble(Round::updatesPerSecond).toArray());
        double naiveUps = Stats.median(naive.stream().mapToDouble(Round::updatesPerSecond).toArray());
        int naiveWindow = naive.stream().mapToInt(Round::maxInWindow).max().orElse(0);
        double probeMed = Stats.median(pipeline.stream().mapToDouble(Round::probeMedianMs).toArray());
        double probeP99 = Stats.max(pipeline.stream().mapToDouble(Round::probeP99Ms).toArray());
        double naiveProbeMed = Stats.median(naive.stream().mapToDouble(Round::probeMedianMs).toArray());
        double naiveProbeP99 = Stats.max(naive.stream().mapToDouble(Round::probeP99Ms).toArray());
        boolean naiveExact = naive.stream().allMatch(Round::exact);
        boolean windowOk = worstWindow <= MAX_UPDATES_PER_SECOND;
        boolean pass = windowOk && exact;
        System.out.println();
        System.out.printf("server rate achieved (median of rounds): pipeline %s tokens/s, naive %s tokens/s%n",
                Stats.f(rate, 0), Stats.f(naiveRate, 0));
        System.out.printf("FX updates per second (median of rounds): pipeline %s, naive %s%n", Stats.f(ups, 1),
                Stats.f(naiveUps, 1));
        System.out.printf("most FX updates in any 1 s window (worst round): pipeline %d, naive %d (budget <= %d): %s%n",
                worstWindow, naiveWindow, MAX_UPDATES_PER_SECOND, Stats.verdict(windowOk));
        System.out.printf("no token lost (final text == all tokens, every round): pipeline %s, naive %s%n",
                exact ? "yes" : "NO", naiveExact ? "yes" : "NO");
        System.out.printf("runLater probe latency: pipeline median %s ms, p99 %s ms (worst round); naive median %s ms,"
                + " p99 %s ms%n", Stats.f(probeMed, 2), Stats.f(probeP99, 2), Stats.f(naiveProbeMed, 2),
                Stats.f(naiveProbeP99, 2));
        boolean rateReached = rate >= RATE;
        if (!rateReached) {
            System.out.printf("the fake reached only %s tokens/s (under %d): the budget could not be checked; "
                    + "run on a quieter machine or lower -Dfxrate.tokenDelayMicros%n", Stats.f(rate, 0), RATE);
        }
        Stats.row("2. server rate achieved (median; delay " + delayMicros + " us)", Stats.f(rate, 0) + " tokens/s",
                Stats.f(naiveRate, 0) + " tokens/s", ">= " + RATE + " tokens/s (condition)",
                rateReached ? "ok" : "NOT MET");
        Stats.row("   FX updates/s over the stream (median)", Stats.f(ups, 1), Stats.f(naiveUps, 1), "", "info");
        Stats.row("   FX updates in any 1 s window (max)", String.valueOf(worstWindow), String.valueOf(naiveWindow),
                "<= " + MAX_UPDATES_PER_SECOND, Stats.verdict(windowOk));
        Stats.row("   tokens lost (final text exact)", exact ? "none" : "SOME", naiveExact ? "none" : "SOME",
                "none", Stats.verdict(exact));
        Stats.row("   FX runLater probe latency med / p99", Stats.f(probeMed, 2) + " / " + Stats.f(probeP99, 2)
                + " ms", Stats.f(naiveProbeMed, 2) + " / " + Stats.f(naiveProbeP99, 2) + " ms", "", "info");
        return !rateReached ? 3 : pass ? 0 : 1;
    }
}
