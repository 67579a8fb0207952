package dev.aiworkbench.bench.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ollama.OllamaGateway;
import dev.aiworkbench.llm.ollama.OllamaSettings;
import dev.aiworkbench.testing.FakeOllama;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Budget 1: time to first token added by the whole pipeline (gateway + coalescing) over a plain JDK
 * HTTP client reading the same fake stream, under 5 ms median.
 *
 * <ul>
 *   <li><b>pipeline</b>: on the FX thread, as the playground does it: t0, then
 *       {@code OllamaGateway.stream(chat, sink::offer)} with the product's {@code StreamingTextSink};
 *       TTFT = when the sink's consumer (on the FX thread) first receives text, minus t0. One gateway
 *       and one sink for the whole run, as in the app. Also recorded, to split the figure: when the
 *       gateway's listener first got a token.</li>
 *   <li><b>baseline</b>: a plain {@link HttpClient} (HTTP/1.1, one client for the run, as the gateway
 *       has) POSTs the very bytes the gateway sent (taken from the fake), reads the NDJSON body with
 *       {@code BodyHandlers.ofLines()} and Jackson, and stops the clock at the first non-empty
 *       {@code message.content}; it then reads the rest, so its connection is reused like the gateway's.</li>
 * </ul>
 * The fake adds no delay, so the whole nine-token answer is in a moment after its first token. The
 * sink hands the first piece to the FX thread at once (its last hand-over was more than 1/60 s
 * before) and the rest 1/60 s later, together. A pipeline run is done when all of the answer has
 * reached the FX consumer (waited for, at most 10 s); the harness then checks that the consumer got
 * exactly the answer.
 *
 * <p>Each round runs the pipeline and the baseline, which one first alternating from round to round,
 * with a pause of 25-41 ms (random) before each run, as between two runs in the app; warm-up rounds
 * are discarded. Verdict: median(pipeline) - median(baseline) &lt; 5 ms.
 */
public final class TtftBench {
    static final double BUDGET_MS = 5.0;
    private static final int PAUSE_MS = 25;
    private static final String MODEL = "llama3.2:latest";
    private static final List<String> ANSWER = List.of("Hello", "!", " How", " can", " I", " help", " you",
            " today", "?");
    private static final String EXPECTED = String.join("", ANSWER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TtftBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("ttft.warmup", 200);
        int rounds = Integer.getInteger("ttft.rounds", 300);
        Fx.startHeadless();
        try (FakeOllama fake = FakeOllama.start();
             OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults(fake.baseUri()))) {
            fake.model(MODEL).answer(ANSWER);
            GenerationRequest request = GenerationRequest.chat(MODEL, null, "Say hello in a friendly way.",
                    ModelOptions.DEFAULTS, OutputFormat.PLAIN);
            Pipeline pipeline = new Pipeline(gateway, request);
            pipeline.once();
            String body = fake.lastRequest("/api/chat").body();
            Baseline baseline = new Baseline(fake.baseUri().resolve("/api/chat"), body);
            baseline.once();
            fake.clearRequests();

            System.out.printf("TTFT: fake Ollama on %s, no delays, %d-token answer; chat body (%d bytes, the same"
                    + " for both):%n  %s%n", fake.baseUri(), ANSWER.size(), body.length(), body);
            System.out.printf("%d warm-up rounds, then %d measured rounds; each round runs pipeline and baseline, the"
                    + " first of them alternating, each after a pause of %d-%d ms%n", warmup, rounds, PAUSE_MS,
                    PAUSE_MS + 16);
            Random random = new Random(3);
            List<Double> pipe = new ArrayList<>();
            List<Double> pipeGateway = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            List<Double> diff = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                Pipeline.Sample p = null;
                double b = 0;
                for (int k = 0; k < 2; k++) {
                    // A learner's pause between two runs: the FX thread goes idle, the sink's last
                    // hand-over is more than 1/60 s old, and each run starts at a random point of
                    // the 16 ms pulse cycle.
                    Thread.sleep(PAUSE_MS + random.nextInt(17));
                    if ((i + k) % 2 == 0) {
                        p = pipeline.once();
                    } else {
                        b = baseline.once();
                    }
                }
                if (i >= warmup) {
                    pipe.add(p.fxMillis());
                    pipeGateway.add(p.gatewayMillis());
                    base.add(b);
                    diff.add(p.fxMillis() - b);
                }
                if ((i + 1) % 100 == 0) {
                    fake.clearRequests(); // the fake logs every request; keep its memory out of the picture
                }
            }
            boolean pass = report(Stats.toArray(pipe), Stats.toArray(pipeGateway), Stats.toArray(base),
                    Stats.toArray(diff));
            System.exit(pass ? 0 : 1);
        }
    }

    private static boolean report(double[] pipe, double[] gatewayOnly, double[] base, double[] diff) {
        System.out.println();
        System.out.printf("%-56s %9s %9s %9s %9s%n", "ms from send to first text", "median", "p90", "min", "max");
        line("pipeline: gateway + StreamingTextSink -> FX consumer", pipe);
        line("  of which: the gateway's listener gets the first token", gatewayOnly);
        line("baseline: plain HttpClient + ofLines + Jackson", base);
        line("paired difference pipeline - baseline", diff);
        double added = Stats.median(pipe) - Stats.median(base);
        boolean pass = added < BUDGET_MS;
        System.out.printf("added by the pipeline = median(pipeline) - median(baseline) = %s ms (budget < %s ms): %s%n",
                Stats.f(added, 2), Stats.f(BUDGET_MS, 0), Stats.verdict(pass));
        System.out.printf("  the gateway adds %s ms; the hand-over to the FX thread (coalescing) adds %s ms%n",
                Stats.f(Stats.median(gatewayOnly) - Stats.median(base), 2),
                Stats.f(Stats.median(pipe) - Stats.median(gatewayOnly), 2));
        Stats.row("1. TTFT pipeline, median / p90", ms(pipe), ms(base), "", "");
        Stats.row("   gateway alone (first token at the listener)", ms(gatewayOnly), ms(base), "", "info");
        Stats.row("   added by the pipeline (median - median)", Stats.f(added, 2) + " ms", "", "< "
                + Stats.f(BUDGET_MS, 0) + " ms", Stats.verdict(pass));
        return pass;
    }

    private static String ms(double[] values) {
        return Stats.f(Stats.median(values), 2) + " / " + Stats.f(Stats.percentile(values, 90), 2) + " ms";
    }

    private static void line(String label, double[] values) {
        System.out.printf("%-56s %9s %9s %9s %9s%n", label, Stats.f(Stats.median(values), 3),
                Stats.f(Stats.percentile(values, 90), 3), Stats.f(Stats.percentile(values, 0), 3),
                Stats.f(Stats.max(values), 3));
    }

    /** The app's path: gateway -> sink -> FX consumer. One gateway and one sink for the whole run. */
    private static final class Pipeline {
        record Sample(double gatewayMillis, double fxMillis) {
        }

        private final OllamaGateway gateway;
        private final GenerationRequest request;
        private final TextSink sink;
        private final StringBuilder shown = new StringBuilder(); // FX thread only
        private long firstOnFx;                                  // FX thread only
        private volatile long firstAtGateway;

        Pipeline(OllamaGateway gateway, GenerationRequest request) {
            this.gateway = gateway;
            this.request = request;
            this.sink = new TextSink(chunk -> {
                if (firstOnFx == 0) {
                    firstOnFx = System.nanoTime();
                }
                shown.append(chunk);
            });
        }

        Sample once() throws Exception {
            firstAtGateway = 0;
            long[] t0 = new long[1];
            GenerationCall call = Fx.call(() -> {
                shown.setLength(0);
                firstOnFx = 0;
                t0[0] = System.nanoTime();
                return gateway.stream(request, delta -> {
                    if (firstAtGateway == 0) {
                        firstAtGateway = System.nanoTime();
                    }
                    sink.offer(delta);
                });
            });
            GenerationResult result = call.result().get(30, TimeUnit.SECONDS);
            // Every piece has been offered (the gateway calls its listener before it completes the
            // result); the sink hands them over asynchronously. Done = all of it reached the consumer.
            if (!sink.awaitAllShown(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the sink did not hand the whole answer to the FX thread within"
                        + " 10 s of the end of the stream");
            }
            long[] fx = Fx.call(() -> {
                if (!shown.toString().equals(EXPECTED)) {
                    throw new IllegalStateException("the FX consumer got '" + shown + "', expected '" + EXPECTED + "'");
                }
                return new long[] {firstOnFx};
            });
            if (!result.text().equals(EXPECTED)) {
                throw new IllegalStateException("the gateway answered '" + result.text() + "'");
            }
            return new Sample((firstAtGateway - t0[0]) / 1e6, (fx[0] - t0[0]) / 1e6);
        }
    }

    /** A plain JDK client reading the same stream line by line. */
    private static final class Baseline {
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI uri;
        private final String body;

        Baseline(URI uri, String body) {
            this.uri = uri;
            this.body = body;
        }

        /** Milliseconds from send to the first non-empty message.content. */
        double once() throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            long first = 0;
            StringBuilder text = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = JSON.readTree(line);
                    String content = node.path("message").path("content").asText("");
                    if (!content.isEmpty()) {
                        if (first == 0) {
                            first = System.nanoTime();
                        }
                        text.append(content);
                    }
                }
            }
            if (response.statusCode() != 200 || !text.toString().equals(EXPECTED)) {
                throw new IllegalStateException("baseline got " + response.statusCode() + " '" + text + "'");
            }
            return (first - t0) / 1e6;
        }
    }
}
