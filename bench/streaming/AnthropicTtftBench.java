package dev.aiworkbench.bench.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.anthropic.AnthropicGateway;
import dev.aiworkbench.llm.anthropic.AnthropicSettings;
import dev.aiworkbench.testing.FakeAnthropic;

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
import java.util.stream.Stream;

/**
 * Issue 14's budget for the anthropic kind: the time to first token that {@link AnthropicGateway} adds over a plain
 * JDK HTTP client reading the same Server-Sent Events from {@link FakeAnthropic}, under 5 ms median.
 *
 * <ul>
 *   <li><b>gateway</b>: t0, then {@code AnthropicGateway.stream(chat, listener)}; TTFT = when the listener first
 *       gets text, minus t0. One gateway for the whole run, as in the app.</li>
 *   <li><b>baseline</b>: a plain {@link HttpClient} (HTTP/1.1, one for the run) POSTs the very bytes the gateway
 *       sent (taken from the fake) with the same headers, reads the body with {@code BodyHandlers.ofLines()}, parses
 *       each {@code data:} line with Jackson, and stops the clock at the first non-empty {@code text_delta}; it then
 *       reads the rest, so its connection is reused like the gateway's.</li>
 * </ul>
 * Each round runs both, which one first alternating, each after a pause of 25-41 ms; warm-up rounds are discarded.
 * Verdict: median(gateway) - median(baseline) &lt; 5 ms.
 */
public final class AnthropicTtftBench {
    static final double BUDGET_MS = 5.0;
    private static final int PAUSE_MS = 25;
    private static final String KEY = "sk-ant-bench-key";
    private static final String MODEL = "claude-haiku-4-5";
    private static final List<String> ANSWER = List.of("Hello", "!", " How", " can", " I", " help", " you",
            " today", "?");
    private static final String EXPECTED = String.join("", ANSWER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicTtftBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("ttft.warmup", 200);
        int rounds = Integer.getInteger("ttft.rounds", 300);
        try (FakeAnthropic fake = FakeAnthropic.start(KEY);
             AnthropicGateway gateway = new AnthropicGateway(AnthropicSettings.defaults(fake.baseUri()), () -> KEY)) {
            fake.answer(MODEL, ANSWER.toArray(String[]::new));
            GenerationRequest request = GenerationRequest.chat(MODEL, null, "Say hello in a friendly way.",
                    ModelOptions.DEFAULTS, OutputFormat.PLAIN);
            gatewayOnce(gateway, request);
            String body = fake.lastRequest("/v1/messages").body();
            Baseline baseline = new Baseline(fake.baseUri().resolve("/v1/messages"), body);
            baseline.once();
            fake.clearRequests();

            System.out.printf("TTFT (anthropic): fake Messages API on %s, no delays, %d-token answer; body (%d bytes,"
                    + " the same for both):%n  %s%n", fake.baseUri(), ANSWER.size(), body.length(), body);
            System.out.printf("%d warm-up rounds, then %d measured rounds; each round runs gateway and baseline, the"
                    + " first of them alternating, each after a pause of %d-%d ms%n", warmup, rounds, PAUSE_MS,
                    PAUSE_MS + 16);
            Random random = new Random(3);
            List<Double> viaGateway = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            List<Double> diff = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                double g = 0;
                double b = 0;
                for (int k = 0; k < 2; k++) {
                    Thread.sleep(PAUSE_MS + random.nextInt(17));
                    if ((i + k) % 2 == 0) {
                        g = gatewayOnce(gateway, request);
                    } else {
                        b = baseline.once();
                    }
                }
                if (i >= warmup) {
                    viaGateway.add(g);
                    base.add(b);
                    diff.add(g - b);
                }
                if ((i + 1) % 100 == 0) {
                    fake.clearRequests();
                }
            }
            boolean pass = report(Stats.toArray(viaGateway), Stats.toArray(base), Stats.toArray(diff));
            System.exit(pass ? 0 : 1);
        }
    }

    /** Milliseconds from the call to the listener's first piece of text. */
    private static double gatewayOnce(AnthropicGateway gateway, GenerationRequest request) throws Exception {
        long[] first = new long[1];
        long t0 = System.nanoTime();
        GenerationResult result = gateway.stream(request, delta -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime();
            }
        }).await(Duration.ofSeconds(30));
        if (!result.text().equals(EXPECTED)) {
            throw new IllegalStateException("the gateway answered '" + result.text() + "'");
        }
        return (first[0] - t0) / 1e6;
    }

    private static boolean report(double[] viaGateway, double[] base, double[] diff) {
        System.out.println();
        System.out.printf("%-56s %9s %9s %9s %9s%n", "ms from send to first text", "median", "p90", "min", "max");
        line("gateway: AnthropicGateway -> listener", viaGateway);
        line("baseline: plain HttpClient + ofLines + Jackson", base);
        line("paired difference gateway - baseline", diff);
        double added = Stats.median(viaGateway) - Stats.median(base);
        boolean pass = added < BUDGET_MS;
        System.out.printf("added by the gateway = median(gateway) - median(baseline) = %s ms (budget < %s ms): %s%n",
                Stats.f(added, 2), Stats.f(BUDGET_MS, 0), Stats.verdict(pass));
        Stats.row("anthropic TTFT via the gateway, median / p90", ms(viaGateway), ms(base), "", "");
        Stats.row("   added by the gateway (median - median)", Stats.f(added, 2) + " ms", "", "< "
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

    /** A plain JDK client reading the same event stream line by line. */
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

        /** Milliseconds from send to the first non-empty text_delta. */
        double once() throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("content-type", "application/json")
                    .header("x-api-key", KEY)
                    .header("anthropic-version", "2023-06-01")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            long first = 0;
            StringBuilder text = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    JsonNode delta = JSON.readTree(line.substring(5)).path("delta");
                    String piece = delta.path("type").asText().equals("text_delta") ? delta.path("text").asText("") : "";
                    if (!piece.isEmpty()) {
                        if (first == 0) {
                            first = System.nanoTime();
                        }
                        text.append(piece);
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
