package dev.aiworkbench.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.store.Database;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the alert rules in observability/ ask only for series and labels the endpoint serves, so
 * a renamed metric cannot leave them silently empty.
 */
class ObservabilityFilesTest {
    private static final Pattern OURS = Pattern.compile("\\b(?:gen_ai|workbench)_[a-z_]+\\b");
    private static final Path FOLDER = Path.of("observability");

    @TempDir
    static Path temp;

    private static final Set<String> served = new TreeSet<>();

    @BeforeAll
    static void scrape() throws Exception {
        try (Database database = Database.open(temp.resolve("workbench.db"))) {
            new CallStore(database).insert(List.of(Calls.ok("2026-06-01T10:00:00Z", "m", 15).ttft(5.0).call(),
                    Calls.ok("2026-06-01T10:00:01Z", "m", 15).feature(CallFeature.EVAL).failed("timeout").call()),
                    (provider, model, usage) -> OptionalDouble.of(0.1));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(text, new CallMetrics(new MetricQueries(database),
                    () -> List.of(new SuitePassRate("suite", "m", 0.5))).collect());
            CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
            new TextPrometheusMetricsProcessor(new ByteArrayInputStream(text.toByteArray()), walker).walk();
            for (MetricFamily family : walker.getAllMetricFamilies()) {
                served.add(family.getName());
                if (family.getType() == MetricType.HISTOGRAM) {
                    served.addAll(List.of(family.getName() + "_bucket", family.getName() + "_sum",
                            family.getName() + "_count"));
                }
                family.getMetrics().forEach(m -> served.addAll(m.getLabels().keySet()));
            }
        }
    }

    private static List<String> unknownNames(List<String> expressions) {
        List<String> unknown = new ArrayList<>();
        for (String expression : expressions) {
            Matcher m = OURS.matcher(expression);
            while (m.find()) {
                if (!served.contains(m.group())) {
                    unknown.add(m.group() + " in " + expression);
                }
            }
        }
        return unknown;
    }

    @Test
    void the_dashboard_queries_only_what_the_endpoint_serves() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(FOLDER.resolve("grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("type").asText().equals("query")) {
                expressions.add(v.path("query").asText());
            }
        });

        assertThat(expressions).hasSizeGreaterThan(10);
        assertThat(served).contains("workbench_model_calls_total", "gen_ai_client_token_usage_bucket", "error_type");
        assertThat(unknownNames(expressions)).isEmpty();
    }

    @Test
    void the_alert_rules_watch_only_what_the_endpoint_serves() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(FOLDER.resolve("prometheus-alerts.yml").toFile());
        List<String> expressions = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> {
            expressions.add(r.path("expr").asText());
            alerts.add(r.path("alert").asText());
        }));

        assertThat(alerts).contains("WorkbenchModelErrorRateHigh", "WorkbenchTimeToFirstTokenSlow",
                "WorkbenchDailyCostOverBudget", "WorkbenchEvalPassRateLow");
        assertThat(unknownNames(expressions)).isEmpty();
    }
}
