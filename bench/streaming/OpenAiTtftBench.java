package dev.aiworkbench.bench.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.openai.OpenAiGateway;
import dev.aiworkbench.llm.openai.OpenAiSettings;
import dev.aiworkbench.testing.FakeOpenAi;

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
 * Time to first token added by the OpenAI-compatible gateway over a plain JDK HTTP client reading the same
 * Server-Sent Events from {@link FakeOpenAi}, under 5 ms median (issue 14, with issue 3's budget).
 *
 * <ul>
 *   <li><b>gateway</b>: t0, then {@code OpenAiGateway.stream(chat, listener)}; TTFT = when the listener gets the
 *       first piece of text. One gateway for the whole run, as in the app, with a key sent as a bearer token.</li>
 *   <li><b>baseline</b>: a plain {@link HttpClient} (HTTP/1.1, one client for the run) POSTs the very bytes the
 *       gateway sent (taken from the fake) with the same Authorization header, reads the body with
 *       {@code BodyHandlers.ofLines()}, and stops the clock at the first {@code data:} line whose
 *       {@code choices[0].delta.content} is not empty (Jackson); it then reads the rest, so its connection is reused
 *       like the gateway's.</li>
 * </ul>
 * The fake adds no delay; the stream is the role chunk, nine content chunks, the finish chunk, the usage chunk and
 * {@code [DONE]}. Each round runs both, which one first alternating, with a pause of 25-41 ms (random) before each;
 * warm-up rounds are discarded. The gateway's (the SSE reader's) part of the FX pipeline is this; the hand-over to
 * the FX thread is the same for every provider and is measured by {@link TtftBench}.
 */
public final class OpenAiTtftBench {
    static final double BUDGET_MS = 5.0;
    private static final int PAUSE_MS = 25;
    private static final String MODEL = "gpt-4o-mini";
    private static final String KEY = "sk-bench-0123456789";
    private static final List<String> ANSWER = List.of("Hello", "!", " How", " can", " I", " help", " you",
            " today", "?");
    private static final String EXPECTED = String.join("", ANSWER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiTtftBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("ttft.warmup", 200);
        int rounds = Integer.getInteger("ttft.rounds", 300);
        try (FakeOpenAi fake = FakeOpenAi.start();
             OpenAiGateway gateway = new OpenAiGateway(OpenAiSettings.defaults(fake.baseUri(), () -> KEY))) {
            fake.answer(MODEL, ANSWER.toArray(String[]::new));
            fake.requireKey(KEY);
            GenerationRequest request = GenerationRequest.chat(MODEL, null, "Say hello in a friendly way.",
                    ModelOptions.DEFAULTS, OutputFormat.PLAIN);
            gatewayOnce(gateway, request);
            String body = fake.lastRequest("/v1/chat/completions").body();
            Baseline baseline = new Baseline(URI.create(fake.baseUri() + "/chat/completions"), body);
            baseline.once();
            fake.clearRequests();

            System.out.printf("TTFT (OpenAI-compatible): fake server at %s, no delays, %d-piece answer; chat body (%d"
                    + " bytes, the same for both):%n  %s%n", fake.baseUri(), ANSWER.size(), body.length(), body);
            System.out.printf("%d warm-up rounds, then %d measured rounds; each round runs gateway and baseline, the"
                    + " first of them alternating, each after a pause of %d-%d ms%n", warmup, rounds, PAUSE_MS,
                    PAUSE_MS + 16);
            Random random = new Random(5);
            List<Double> gatewayTimes = new ArrayList<>();
            List<Double> baseTimes = new ArrayList<>();
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
                    gatewayTimes.add(g);
                    baseTimes.add(b);
                    diff.add(g - b);
                }
                if ((i + 1) % 100 == 0) {
                    fake.clearRequests();
                }
            }
            boolean pass = report(Stats.toArray(gatewayTimes), Stats.toArray(baseTimes), Stats.toArray(diff));
            System.exit(pass ? 0 : 1);
        }
    }

    private static boolean report(double[] gateway, double[] base, double[] diff) {
        System.out.println();
        System.out.printf("%-56s %9s %9s %9s %9s%n", "ms from send to first text", "median", "p90", "min", "max");
        line("gateway: OpenAiGateway -> listener", gateway);
        line("baseline: plain HttpClient + ofLines + Jackson", base);
        line("paired difference gateway - baseline", diff);
        double added = Stats.median(gateway) - Stats.median(base);
        boolean pass = added < BUDGET_MS;
        System.out.printf("added by the gateway = median(gateway) - median(baseline) = %s ms (budget < %s ms): %s%n",
                Stats.f(added, 2), Stats.f(BUDGET_MS, 0), Stats.verdict(pass));
        Stats.row("1b. TTFT OpenAI-compatible gateway, median / p90", ms(gateway), ms(base), "", "");
        Stats.row("    added by the gateway (median - median)", Stats.f(added, 2) + " ms", "", "< "
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

    /** Milliseconds from the call to the listener's first piece of text; checks the whole answer arrived. */
    private static double gatewayOnce(OpenAiGateway gateway, GenerationRequest request) throws Exception {
        long[] first = new long[1];
        long t0 = System.nanoTime();
        GenerationCall call = gateway.stream(request, delta -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime();
            }
        });
        GenerationResult result = call.result().get(30, TimeUnit.SECONDS);
        if (!result.text().equals(EXPECTED)) {
            throw new IllegalStateException("the gateway answered '" + result.text() + "'");
        }
        return (first[0] - t0) / 1e6;
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

        double once() throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            long first = 0;
            StringBuilder text = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (!line.startsWith("data: {")) {
                        continue;
                    }
                    String content = JSON.readTree(line.substring(6)).path("choices").path(0).path("delta")
                            .path("content").asText("");
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
