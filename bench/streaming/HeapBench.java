package dev.aiworkbench.bench.streaming;

import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;
import dev.aiworkbench.testing.FakeOllamaRequest;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Budget 3: 10,000 streamed chats over the app's lifetime leave heap use flat (no growth per token).
 *
 * <p>One {@link OllamaGateway} and one {@code StreamingTextSink} for the whole run, as in the app
 * (the playground keeps its output pane and sink). Each chat: {@code gateway.stream} with the
 * listener feeding the sink, wait for the result, then wait (at most 30 s) until the sink has handed
 * the whole answer to the FX thread; the sink's consumer counts characters, and every chat must
 * deliver its whole answer. The fake adds no delay, so a short chat takes about 1/60 s: the sink
 * hands over at most 60 times a second, and each chat's text goes over in one hand-over. Heap is "used heap after GC": {@code System.gc()} then {@code MemoryMXBean} heap used, five
 * times, the minimum. It is sampled before any chat (the baseline), after 1,000, 5,000 and 10,000
 * chats of {@value #SHORT_TOKENS} tokens, then after {@value #LONG_CHATS} chats of
 * {@value #LONG_TOKENS} tokens each.
 *
 * <p>The fake runs in the same JVM and logs every request; that log is cleared before every sample
 * (and every 100 chats), and the answers are computed per request rather than stored, so the fake's
 * own memory stays the same between samples.
 *
 * <p>Verdict: flat when heap(10,000) - heap(1,000) &lt; 1 MiB (9,000 chats and 270,000 tokens: a
 * leak of 4 bytes a token would show), and when heap after the long chats is within 1 MiB of
 * heap(10,000) (1,000,000 tokens, 1 byte a token).
 */
public final class HeapBench {
    static final int SHORT_TOKENS = 30;
    static final int LONG_TOKENS = 100_000;
    static final int LONG_CHATS = 10;
    static final long FLAT_LIMIT_BYTES = 1024 * 1024;
    private static final String MODEL = "llama3.2:latest";
    private static final String LONG_PROMPT = "Write a very long answer.";
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private HeapBench() {
    }

    public static void main(String[] args) throws Exception {
        int chats = Integer.getInteger("heap.chats", 10_000);
        if (chats < 5000) {
            System.err.println("-Dheap.chats must be at least 5000 (samples at 1,000, 5,000 and the end)");
            System.exit(2);
        }
        Fx.startHeadless();
        TextSink sink = new TextSink(chunk -> { }); // it counts the characters that reach the FX thread
        try (FakeOllama fake = FakeOllama.start();
             OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()))) {
            fake.model(MODEL).answerWith(answers());
            GenerationRequest shortChat = GenerationRequest.chat(MODEL, null, "Say something short.",
                    ModelOptions.DEFAULTS, OutputFormat.PLAIN);
            GenerationRequest longChat = GenerationRequest.chat(MODEL, null, LONG_PROMPT, ModelOptions.DEFAULTS,
                    OutputFormat.PLAIN);
            long shortLength = expectedLength(SHORT_TOKENS);
            long longLength = expectedLength(LONG_TOKENS);

            System.out.printf("heap: %s, GC %s, max heap %s; %,d chats of %d tokens, then %d chats of %,d tokens,"
                    + " one gateway and one sink%n", ManagementFactory.getRuntimeMXBean().getVmName(),
                    ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName())
                            .collect(Collectors.joining(" + ")),
                    Stats.mib(Runtime.getRuntime().maxMemory()), chats, SHORT_TOKENS, LONG_CHATS, LONG_TOKENS);
            long base = heapAfterGc(fake);
            System.out.printf("%-34s %12s%n", "before any chat (baseline)", Stats.mib(base));
            long start = System.nanoTime();
            long h1000 = 0;
            long h5000 = 0;
            long h10000 = 0;
            for (int i = 1; i <= chats; i++) {
                chat(gateway, sink, shortChat, shortLength);
                if (i % 100 == 0) {
                    fake.clearRequests();
                }
                if (i == 1000 || i == 5000 || i == chats) {
                    long heap = heapAfterGc(fake);
                    System.out.printf("%-34s %12s   (%.1f s so far)%n", "after " + i + " chats", Stats.mib(heap),
                            (System.nanoTime() - start) / 1e9);
                    if (i == 1000) {
                        h1000 = heap;
                    }
                    if (i == 5000) {
                        h5000 = heap;
                    }
                    if (i == chats) {
                        h10000 = heap;
                    }
                }
            }
            long longStart = System.nanoTime();
            long peak = 0;
            for (int i = 0; i < LONG_CHATS; i++) {
                chat(gateway, sink, longChat, longLength);
                peak = Math.max(peak, usedNow());
            }
            fake.clearRequests();
            long hLong = heapAfterGc(fake);
            System.out.printf("%-34s %12s   (%.1f s for the long chats; heap in use seen up to %s without GC)%n",
                    "after " + LONG_CHATS + " chats of " + LONG_TOKENS + " tokens", Stats.mib(hLong),
                    (System.nanoTime() - longStart) / 1e9, Stats.mib(peak));

            long growth = h10000 - h1000;
            long longDelta = hLong - h10000;
            double perThousand = growth / ((chats - 1000) / 1000.0);
            double perToken = growth / (double) ((long) (chats - 1000) * SHORT_TOKENS);
            boolean flat = growth < FLAT_LIMIT_BYTES;
            boolean back = longDelta < FLAT_LIMIT_BYTES;
            System.out.println();
            System.out.printf("growth 1,000 -> %,d chats: %s (%s bytes per 1,000 chats, %s bytes per token); "
                    + "budget < 1 MiB: %s%n", chats, signedMib(growth), Stats.f(perThousand, 0),
                    Stats.f(perToken, 3), Stats.verdict(flat));
            System.out.printf("  of which 5,000 -> %,d chats: %s%n", chats, signedMib(h10000 - h5000));
            System.out.printf("after the long chats vs after %,d chats: %s; budget < 1 MiB: %s%n", chats,
                    signedMib(longDelta), Stats.verdict(back));
            System.out.printf("warm-up growth, baseline -> 1,000 chats (classes, JIT, pools; one-off): %s%n",
                    signedMib(h1000 - base));
            Stats.row("3. heap after GC: 1k / 5k / 10k chats", Stats.mib(h1000) + " / " + Stats.mib(h5000)
                    + " / " + Stats.mib(h10000), Stats.mib(base), "", "");
            Stats.row("   growth 1k -> 10k chats (per 1k chats)", signedMib(growth) + " (" + Stats.f(perThousand / 1024,
                    1) + " KiB)", "", "< 1 MiB", Stats.verdict(flat));
            Stats.row("   after 10 x 100k-token chats vs 10k", signedMib(longDelta) + " (" + Stats.mib(hLong) + ")",
                    "", "< 1 MiB", Stats.verdict(back));
            System.exit(flat && back ? 0 : 1);
        }
    }

    /** One chat through the gateway and the sink; fails unless every character reached the FX consumer. */
    private static void chat(OllamaGateway gateway, TextSink sink, GenerationRequest request, long expected)
            throws Exception {
        long before = sink.shownChars(); // the previous chat's text has all reached the FX thread
        GenerationResult result = gateway.stream(request, sink::offer).result().get(2, TimeUnit.MINUTES);
        // Every piece has been offered (the gateway calls its listener before it completes the result);
        // the chat is done when all of it has reached the FX thread.
        boolean caughtUp = sink.awaitAllShown(CATCH_UP_TIMEOUT);
        long shown = sink.shownChars() - before;
        if (!caughtUp || result.text().length() != expected || shown != expected) {
            throw new IllegalStateException("chat delivered " + result.text().length() + " characters to the result"
                    + " and " + shown + " to the FX thread" + (caughtUp ? "" : " within " + CATCH_UP_TIMEOUT.toSeconds()
                    + " s of its end") + "; expected " + expected);
        }
    }

    /** Answers computed per request (numbered tokens), so the fake stores no answer between samples. */
    private static Function<FakeOllamaRequest, List<String>> answers() {
        return request -> {
            boolean isLong = request.body().contains(LONG_PROMPT);
            int size = isLong ? LONG_TOKENS : SHORT_TOKENS;
            return new AbstractList<>() {
                @Override
                public String get(int index) {
                    return token(index);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        };
    }

    private static String token(int index) {
        return (index + 1) % 20 == 0 ? " w" + index + "\n" : " w" + index;
    }

    private static long expectedLength(int tokens) {
        long length = 0;
        for (int i = 0; i < tokens; i++) {
            length += token(i).length();
        }
        return length;
    }

    private static long heapAfterGc(FakeOllama fake) throws InterruptedException {
        fake.clearRequests();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            min = Math.min(min, usedNow());
        }
        return min;
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String signedMib(long bytes) {
        return (bytes >= 0 ? "+" : "-") + Stats.mib(Math.abs(bytes));
    }
}
