package dev.aiworkbench.bench.streaming;

import dev.aiworkbench.llm.ToolCallDelta;
import dev.aiworkbench.ui.playground.RunViewModel;
import dev.aiworkbench.ui.playground.ToolCallCard;
import dev.aiworkbench.ui.playground.ToolCallFeed;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Tool calls in the playground (issue 14): at 1,000 tool-call fragments a second (OpenAI streams a call's arguments
 * a few characters a chunk) the FX thread receives at most 60 updates in any second and no fragment is lost.
 *
 * <p>A producer thread plays the gateway: one delta opening a call, then numbered argument fragments paced at 1,050
 * a second. Two ways of feeding the Output pane's view model ({@link RunViewModel#applyToolCalls}), in alternating
 * rounds: <b>pipeline</b>, the product's {@link ToolCallFeed} (paced by the FramePacer, fragments of a call joined
 * between frames); <b>naive</b> (the baseline), one {@code Platform.runLater} per fragment. A round is done when
 * the card's arguments hold every fragment. Per round: the fragment rate achieved, FX updates, the most in any
 * sliding second, and whether the arguments are exact. Verdict: every pipeline round at most 60 updates in any
 * second and exact, valid only when the pipeline rounds' median rate is at least 1,000 a second (else exit 3).
 */
public final class ToolCallRateBench {
    private static final int RATE = 1000;
    /** Paced a little above the rate, since the last pause and the clock reads make a round run slightly slow. */
    private static final long NANOS_BETWEEN = 1_000_000_000L / 1050;

    private ToolCallRateBench() {
    }

    record Round(String mode, double rate, long updates, int maxInWindow, boolean exact) {
    }

    public static void main(String[] args) throws Exception {
        int fragments = Integer.getInteger("toolrate.fragments", 3000);
        int rounds = Integer.getInteger("toolrate.rounds", 3);
        Fx.startHeadless();
        System.out.printf("Tool-call FX updates: %d fragments a call paced at %d/s, %d measured rounds per mode%n",
                fragments, 1_000_000_000L / NANOS_BETWEEN, rounds);
        System.out.printf("%-9s %10s %8s %10s %6s%n", "round", "frags/s", "updates", "max in 1s", "exact");
        for (String mode : List.of("pipeline", "naive")) {
            print("warm-up", run(mode, 500));
        }
        List<Round> pipeline = new ArrayList<>();
        List<Round> naive = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            for (String mode : i % 2 == 0 ? List.of("pipeline", "naive") : List.of("naive", "pipeline")) {
                Round round = run(mode, fragments);
                print(mode, round);
                (mode.equals("pipeline") ? pipeline : naive).add(round);
            }
        }
        double rate = Stats.median(Stats.toArray(pipeline.stream().map(Round::rate).toList()));
        int worst = pipeline.stream().mapToInt(Round::maxInWindow).max().orElse(Integer.MAX_VALUE);
        int naiveWorst = naive.stream().mapToInt(Round::maxInWindow).max().orElse(0);
        boolean exact = pipeline.stream().allMatch(Round::exact);
        boolean pass = worst <= 60 && exact;
        Stats.row("tool calls: FX updates in any 1 s at 1,000 fragments/s", worst + (exact ? ", exact" : ", LOST"),
                naiveWorst + " (one runLater per fragment)", "<= 60, exact", Stats.verdict(pass));
        Platform.exit();
        System.exit(rate < RATE ? 3 : pass ? 0 : 1);
    }

    private static void print(String label, Round round) {
        System.out.printf("%-9s %10s %8d %10d %6s%n", label, Stats.f(round.rate(), 0), round.updates(),
                round.maxInWindow(), round.exact());
    }

    private static Round run(String mode, int fragments) throws InterruptedException {
        RunViewModel run = new RunViewModel(null, null);
        List<Long> updates = Collections.synchronizedList(new ArrayList<>());
        Consumer<List<ToolCallDelta>> apply = batch -> {
            updates.add(System.nanoTime());
            run.applyToolCalls(batch);
        };
        Consumer<ToolCallDelta> sink = mode.equals("pipeline") ? new ToolCallFeed(apply)::offer
                : delta -> Platform.runLater(() -> apply.accept(List.of(delta)));
        StringBuilder expected = new StringBuilder();
        long started = System.nanoTime();
        sink.accept(new ToolCallDelta(0, "call_1", "write_file", ""));
        for (int i = 0; i < fragments; i++) {
            LockSupport.parkNanos(started + (i + 1) * NANOS_BETWEEN - System.nanoTime());
            String fragment = i + ",";
            expected.append(fragment);
            sink.accept(new ToolCallDelta(0, null, null, fragment));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String want = expected.toString();
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean exact = false;
        while (System.nanoTime() < deadline && !exact) {
            exact = Fx.call(() -> {
                List<ToolCallCard> cards = run.conversation().cards();
                return cards.size() == 1 && cards.get(0).argumentsProperty().get().equals(want);
            });
            if (!exact) {
                Thread.sleep(5);
            }
        }
        return new Round(mode, fragments / seconds, updates.size(), maxInOneSecond(updates), exact);
    }

    private static int maxInOneSecond(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= 1_000_000_000L) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
