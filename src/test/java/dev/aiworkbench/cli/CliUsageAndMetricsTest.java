package dev.aiworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.observability.CallOutcome;
import dev.aiworkbench.observability.ModelCall;
import dev.aiworkbench.observability.Operation;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code usage report} over recorded calls, and {@code metrics serve}. */
class CliUsageAndMetricsTest {
    @TempDir
    Path temp;

    private final MutableClock clock = MutableClock.utc("2026-03-10T12:00:00");
    private Path data;
    private CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createDirectories(temp.resolve("data"));
        cli = new CliHarness(data, clock);
        try (Database database = Database.open(data.resolve("workbench.db"))) {
            database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO model_call (started_at, feature, operation, "
                        + "provider, model, input_tokens, output_tokens, ttft_ms, total_ms, cost_usd, outcome, error_kind) "
                        + "VALUES (?, ?, 'chat', 'ollama', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    // llama3.2 ok calls: total 100 200 300 400, ttft 10 20 30 40; one timeout; qwen3 two days back.
                    Object[][] rows = {
                            {"2026-03-10T08:00:00.000Z", "playground", "llama3.2", 10, 5, 10.0, 100.0, 0.001, "ok", null},
                            {"2026-03-10T08:01:00.000Z", "eval", "llama3.2", 20, 5, 20.0, 200.0, 0.002, "ok", null},
                            {"2026-03-10T08:02:00.000Z", "eval", "llama3.2", 30, 5, 30.0, 300.0, 0.003, "ok", null},
                            {"2026-03-10T08:03:00.000Z", "judge", "llama3.2", 40, 5, 40.0, 400.0, 0.004, "ok", null},
                            {"2026-03-10T08:04:00.000Z", "eval", "llama3.2", null, null, null, 30000.0, null, "error", "timeout"},
                            {"2026-03-08T08:00:00.000Z", "judge", "qwen3", 7, 1, 5.0, 50.0, 0.0, "ok", null}};
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            s.setObject(i + 1, row[i]);
                        }
                        s.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    @Test
    void the_json_report_has_the_issues_shape_and_hand_worked_percentiles() {
        CliHarness.Run run = cli.run("usage", "report", "--since", "1d", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = run.json();
        assertThat(report.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("since", "calls", "errors", "costUsd", "groups");
        assertThat(report.path("since").asText()).isEqualTo("2026-03-09T12:00:00Z");
        assertThat(report.path("calls").asLong()).isEqualTo(5);
        assertThat(report.path("errors").asLong()).isEqualTo(1);
        assertThat(report.path("costUsd").asDouble()).isCloseTo(0.010, within(1e-12));
        JsonNode llama = report.path("groups").get(0);
        assertThat(llama.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("key", "calls", "errors",
                "inputTokens", "outputTokens", "costUsd", "ttftMs", "totalMs");
        assertThat(llama.path("key").asText()).isEqualTo("llama3.2");
        assertThat(llama.path("inputTokens").asLong()).isEqualTo(100);
        assertThat(llama.path("outputTokens").asLong()).isEqualTo(20);
        // 100 200 300 400: p50 at 1.5 -> 250; p95 at 2.85 -> 385; p99 at 2.97 -> 397 (the timeout is left out)
        assertThat(llama.path("totalMs").path("p50").asDouble()).isCloseTo(250, within(1e-9));
        assertThat(llama.path("totalMs").path("p95").asDouble()).isCloseTo(385, within(1e-9));
        assertThat(llama.path("totalMs").path("p99").asDouble()).isCloseTo(397, within(1e-9));
        assertThat(llama.path("ttftMs").path("p50").asDouble()).isCloseTo(25, within(1e-9));
        assertThat(llama.path("ttftMs").path("p95").asDouble()).isCloseTo(38.5, within(1e-9));
        assertThat(report.path("groups")).hasSize(1);
    }

    @Test
    void by_feature_and_by_day_and_as_text() {
        JsonNode byFeature = cli.run("usage", "report", "--since", "2026-03-01", "--by", "feature", "--json").json();
        assertThat(byFeature.path("groups").findValuesAsText("key")).containsExactly("eval", "judge", "playground");
        assertThat(byFeature.path("groups").get(1).path("calls").asLong()).isEqualTo(2);

        JsonNode byDay = cli.run("usage", "report", "--since", "P7D", "--by", "day", "--json").json();
        assertThat(byDay.path("groups").findValuesAsText("key")).containsExactly("2026-03-08", "2026-03-10");

        CliHarness.Run text = cli.run("usage", "report", "--since", "2w");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.outLines().getFirst()).isEqualTo("6 model call(s) since 2026-02-24T12:00:00Z, 1 error(s), $0.0100.");
        assertThat(text.out()).contains("llama3.2").contains("250/385/397").contains("qwen3");
    }

    @Test
    void bad_options_are_usage_errors_that_say_what_they_take() {
        CliHarness.Run since = cli.run("usage", "report", "--since", "yesterday");
        CliHarness.Run by = cli.run("usage", "report", "--by", "week");

        assertThat(since.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(since.err()).contains("30m, 24h, 7d, 2w");
        assertThat(by.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(by.err()).contains("model, feature or day");
    }

    @Test
    void an_empty_range_says_what_is_recorded() {
        CliHarness.Run run = cli.run("usage", "report", "--since", "30m");

        assertThat(run.outLines().getFirst()).startsWith("0 model call(s)");
        assertThat(run.out()).contains("Nothing was recorded in that time.");
    }

    @Test
    void metrics_serve_answers_on_loopback_until_stopped() throws Exception {
        // Recorded as the app records them, so they are in the running totals the endpoint reads.
        try (Workbench workbench = Workbench.openPackOnDemand(new WorkbenchOptions(Optional.of(data), Optional.empty(),
                Optional.empty()), clock, waiting -> { })) {
            workbench.observability().recorder().record(new ModelCall(clock.instant(), CallTag.of(CallFeature.EVAL),
                    Operation.CHAT, "ollama", "llama3.2", 10, 5, 12.0, 120.0, 40.0, CallOutcome.OK, null));
            workbench.observability().recorder().record(new ModelCall(clock.instant(), CallTag.of(CallFeature.JUDGE),
                    Operation.CHAT, "ollama", "qwen3", null, null, null, 30000.0, null, CallOutcome.ERROR, "timeout"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread[] serving = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        serving[0] = Thread.ofPlatform().start(() -> exit.complete(Cli.run(new String[] {"--data-dir", data.toString(),
                "metrics", "serve", "--port", "0"}, new java.io.ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), clock)));
        Matcher address = Pattern.compile("Serving metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!address.reset(out.toString()).find() && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(20);
        }
        assertThat(address.find(0)).as(out + "\n" + err).isTrue();

        String body;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            body = http.send(HttpRequest.newBuilder(URI.create(address.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        serving[0].interrupt();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(body.lines().filter(l -> l.startsWith("workbench_model_calls_total{")).toList()).containsExactlyInAnyOrder(
                "workbench_model_calls_total{gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"ollama\","
                        + "gen_ai_request_model=\"llama3.2\",outcome=\"ok\",workbench_feature=\"eval\"} 1.0",
                "workbench_model_calls_total{error_type=\"timeout\",gen_ai_operation_name=\"chat\","
                        + "gen_ai_provider_name=\"ollama\",gen_ai_request_model=\"qwen3\",outcome=\"error\","
                        + "workbench_feature=\"judge\"} 1.0");
    }
}
