package dev.aiworkbench.observability;

import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.store.Database;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** /metrics scraped over HTTP as Prometheus does, and read with a Prometheus text-format parser. */
class MetricsEndpointTest {
    @TempDir
    Path temp;

    private Database database;
    private MetricsServer server;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("workbench.db"));
        new CallStore(database).insert(List.of(
                Calls.ok("2026-06-01T10:00:00Z", "llama3.2", 15).ttft(5.0).tokens(100, 3).call(),
                Calls.ok("2026-06-01T10:00:01Z", "llama3.2", 30).ttft(25.0).tokens(20, 300).call(),
                Calls.ok("2026-06-01T10:00:02Z", "llama3.2", 3000).ttft(null).tokens(null, null).failed("timeout").call(),
                Calls.ok("2026-06-01T10:00:03Z", "qwen3", 100).feature(CallFeature.JUDGE).tokens(4, 1).call()),
                (provider, model, usage) -> usage.promptTokens().isEmpty() ? OptionalDouble.empty()
                        : OptionalDouble.of(0.25));
        server = MetricsServer.start(new CallMetrics(new MetricQueries(database),
                () -> List.of(new SuitePassRate("evals/severity.yaml", "llama3.2", 0.875))), 0);
    }

    @AfterEach
    void close() {
        server.close();
        database.close();
    }

    private Map<String, MetricFamily> scrape() throws Exception {
        HttpResponse<byte[]> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(server.uri()).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(response.body()), walker).walk();
        Map<String, MetricFamily> families = new java.util.TreeMap<>();
        walker.getAllMetricFamilies().forEach(f -> families.put(f.getName(), f));
        return families;
    }

    private static Metric one(MetricFamily family, Map<String, String> labels) {
        List<Metric> matching = family.getMetrics().stream().filter(m -> m.getLabels().equals(labels)).toList();
        assertThat(matching).as("%s%s among %s", family.getName(), labels,
                family.getMetrics().stream().map(Metric::getLabels).toList()).hasSize(1);
        return matching.getFirst();
    }

    private static Map<String, String> labels(String model, String feature, String... more) {
        Map<String, String> labels = new java.util.TreeMap<>(Map.of("gen_ai_operation_name", "chat",
                "gen_ai_provider_name", "ollama", "gen_ai_request_model", model, "workbench_feature", feature));
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }

    @Test
    void the_operation_duration_is_the_genai_histogram_in_seconds_with_its_buckets() throws Exception {
        MetricFamily duration = scrape().get("gen_ai_client_operation_duration_seconds");

        assertThat(duration.getType()).isEqualTo(MetricType.HISTOGRAM);
        Histogram ok = (Histogram) one(duration, labels("llama3.2", "playground"));
        assertThat(ok.getSampleCount()).isEqualTo(2);
        assertThat(ok.getSampleSum()).isCloseTo(0.045, within(1e-9));
        // 15 ms and 30 ms: none at or under 10 ms, one under 20 ms, both under 40 ms, and so on to +Inf.
        assertThat(ok.getBuckets()).extracting(Histogram.Bucket::getUpperBound).startsWith(0.01, 0.02, 0.04)
                .endsWith(81.92, Double.POSITIVE_INFINITY);
        assertThat(ok.getBuckets()).extracting(Histogram.Bucket::getCumulativeCount).startsWith(0L, 1L, 2L).endsWith(2L, 2L);
        Histogram failed = (Histogram) one(duration, labels("llama3.2", "playground", "error_type", "timeout"));
        assertThat(failed.getSampleCount()).isEqualTo(1);
        assertThat(failed.getBuckets()).extracting(Histogram.Bucket::getCumulativeCount).startsWith(0L, 0L, 0L, 0L, 0L, 0L,
                0L, 0L, 0L, 1L);
    }

    @Test
    void token_usage_is_one_histogram_with_the_token_type_as_a_label() throws Exception {
        MetricFamily tokens = scrape().get("gen_ai_client_token_usage");

        Histogram input = (Histogram) one(tokens, labels("llama3.2", "playground", "gen_ai_token_type", "input"));
        assertThat(input.getSampleCount()).isEqualTo(2);
        assertThat(input.getSampleSum()).isEqualTo(120);
        // 20 and 100: bounds 1, 4, 16, 64, 256 …
        assertThat(input.getBuckets()).extracting(Histogram.Bucket::getCumulativeCount).startsWith(0L, 0L, 0L, 1L, 2L);
        Histogram output = (Histogram) one(tokens, labels("llama3.2", "playground", "gen_ai_token_type", "output"));
        assertThat(output.getSampleSum()).isEqualTo(303);
        Histogram judge = (Histogram) one(tokens, labels("qwen3", "judge", "gen_ai_token_type", "output"));
        assertThat(judge.getSampleCount()).isEqualTo(1);
    }

    @Test
    void the_workbench_metrics_count_calls_by_outcome_add_up_cost_and_time_the_first_token() throws Exception {
        Map<String, MetricFamily> families = scrape();

        MetricFamily calls = families.get("workbench_model_calls_total");
        assertThat(calls.getType()).isEqualTo(MetricType.COUNTER);
        assertThat(((Counter) one(calls, labels("llama3.2", "playground", "outcome", "ok"))).getValue()).isEqualTo(2);
        assertThat(((Counter) one(calls, labels("llama3.2", "playground", "outcome", "error", "error_type", "timeout")))
                .getValue()).isEqualTo(1);
        MetricFamily cost = families.get("workbench_cost_usd_total");
        assertThat(((Counter) one(cost, labels("llama3.2", "playground"))).getValue()).isEqualTo(0.5);
        assertThat(((Counter) one(cost, labels("qwen3", "judge"))).getValue()).isEqualTo(0.25);
        Histogram ttft = (Histogram) one(families.get("workbench_time_to_first_token_seconds"),
                labels("llama3.2", "playground"));
        assertThat(ttft.getSampleCount()).isEqualTo(2);
        assertThat(ttft.getSampleSum()).isCloseTo(0.030, within(1e-9));
        MetricFamily passRate = families.get("workbench_eval_pass_rate_ratio");
        assertThat(passRate.getType()).isEqualTo(MetricType.GAUGE);
        assertThat(((Gauge) one(passRate, Map.of("workbench_suite", "evals/severity.yaml",
                "gen_ai_request_model", "llama3.2"))).getValue()).isEqualTo(0.875);
    }

    @Test
    void the_app_serves_the_endpoint_on_the_saved_port_once_turned_on_and_stops_when_turned_off() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        try (Observability observability = Observability.open(database, new StoredSettings(database),
                () -> CallPricing.NONE, List::of, java.time.Clock.systemUTC(), "test")) {
            assertThat(observability.startSavedMetrics()).isEmpty();
            assertThatThrownBy(() -> observability.serveMetricsFromApp(Optional.of(server.port())))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(observability.savedMetricsPort()).isEmpty();

            MetricsServer app = observability.serveMetricsFromApp(Optional.of(free)).orElseThrow();
            assertThat(app.port()).isEqualTo(free);
            assertThat(observability.savedMetricsPort()).contains(free);
            observability.serveMetricsFromApp(Optional.empty());
            assertThat(observability.savedMetricsPort()).isEmpty();
            assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", free).close())
                    .isInstanceOf(java.net.ConnectException.class);
        }
        new StoredSettings(database).put(Observability.METRICS_PORT_SETTING, Integer.toString(free));
        try (Observability next = Observability.open(database, new StoredSettings(database), () -> CallPricing.NONE,
                List::of, java.time.Clock.systemUTC(), "test")) {
            assertThat(next.startSavedMetrics()).hasValueSatisfying(m -> assertThat(m.port()).isEqualTo(free));
            assertThat(next.startSavedMetrics()).isEqualTo(next.startSavedMetrics());
        }
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", free).close()).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void pruning_old_calls_never_lowers_a_counter() throws Exception {
        double before = ((Counter) one(scrape().get("workbench_model_calls_total"),
                labels("llama3.2", "playground", "outcome", "ok"))).getValue();

        int pruned = new CallStore(database).deleteBefore(java.time.Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(pruned).isEqualTo(4);
        assertThat(before).isEqualTo(2);
        assertThat(((Counter) one(scrape().get("workbench_model_calls_total"),
                labels("llama3.2", "playground", "outcome", "ok"))).getValue()).isEqualTo(2);
    }

    @Test
    void it_listens_on_loopback_only_and_a_taken_port_is_a_sentence() throws Exception {
        assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/metrics"));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            assertThat(socket.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> MetricsServer.start(new CallMetrics(new MetricQueries(database), List::of), server.port()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is taken").hasMessageContaining("--port");
    }
}
