package dev.aiworkbench.observability;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The kept calls as Prometheus metrics, read from the database at each scrape, so the endpoint shows the calls of
 * every process that shares the data folder (the app, {@code eval run} in a terminal). Names and attributes follow
 * the OpenTelemetry GenAI semantic conventions where they have one ({@code gen_ai.client.operation.duration},
 * {@code gen_ai.client.token.usage}, with their bucket bounds), written as OpenTelemetry's Prometheus exporter
 * writes them: dots as underscores, the unit as a suffix. They are named so here rather than with dots because a
 * Prometheus 3 scraper that negotiates UTF-8 names would otherwise see the dotted form, and dashboards and alert
 * rules would have to guess which. The rest are {@code workbench_} metrics.
 *
 * <p>They are read from the running totals kept with the calls (model_call_series), not from the calls: a scrape
 * reads a few rows per label set however many calls are kept, and pruning old calls never lowers a counter.
 */
public final class CallMetrics implements MultiCollector {
    static final String OPERATION = "gen_ai_operation_name";
    static final String PROVIDER = "gen_ai_provider_name";
    static final String MODEL = "gen_ai_request_model";
    static final String TOKEN_TYPE = "gen_ai_token_type";
    static final String ERROR_TYPE = "error_type";
    static final String FEATURE = "workbench_feature";

    private static final List<String> CALL_COLUMNS = List.of("operation", "provider", "model", "feature");
    private static final List<String> CALL_LABELS = List.of(OPERATION, PROVIDER, MODEL, FEATURE);

    private final MetricQueries queries;
    private final Supplier<List<SuitePassRate>> passRates;

    /** @param passRates the latest pass rate of each eval suite, asked at each scrape */
    CallMetrics(MetricQueries queries, Supplier<List<SuitePassRate>> passRates) {
        this.queries = queries;
        this.passRates = passRates;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        snapshots.add(duration());
        snapshots.add(tokenUsage());
        snapshots.add(timeToFirstToken());
        snapshots.add(calls());
        snapshots.add(cost());
        snapshots.add(passRate());
        return new MetricSnapshots(snapshots);
    }

    private HistogramSnapshot duration() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder()
                .name("gen_ai_client_operation_duration_seconds").unit(Unit.SECONDS)
                .help("How long model calls took, from sending the request to the end of the answer.");
        for (MetricQueries.Distribution row : queries.distribution(MetricSeries.DURATION, withColumn("error_kind"))) {
            histogram.dataPoint(point(row, callLabels(row.labels()), MetricSeries.DURATION));
        }
        return histogram.build();
    }

    private HistogramSnapshot tokenUsage() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("gen_ai_client_token_usage")
                .help("Tokens per model call, as the server counted them: input (the prompt) and output.");
        for (MetricSeries series : List.of(MetricSeries.INPUT_TOKENS, MetricSeries.OUTPUT_TOKENS)) {
            String type = series == MetricSeries.INPUT_TOKENS ? "input" : "output";
            for (MetricQueries.Distribution row : queries.distribution(series, CALL_COLUMNS)) {
                histogram.dataPoint(point(row, callLabels(row.labels()).add(TOKEN_TYPE, type), series));
            }
        }
        return histogram.build();
    }

    private HistogramSnapshot timeToFirstToken() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("workbench_time_to_first_token_seconds")
                .unit(Unit.SECONDS).help("Time from sending a streamed model call to the first piece of its answer.");
        for (MetricQueries.Distribution row : queries.distribution(MetricSeries.TTFT, CALL_COLUMNS)) {
            histogram.dataPoint(point(row, callLabels(row.labels()), MetricSeries.TTFT));
        }
        return histogram.build();
    }

    private CounterSnapshot calls() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name("workbench_model_calls")
                .help("Model calls, by how they ended: ok, error (with error_type) or cancelled.");
        for (MetricQueries.Total row : queries.total(MetricSeries.CALLS, withColumn("outcome", "error_kind"))) {
            Labels labels = callLabels(row.labels()).add("outcome", row.labels().get(CALL_LABELS.size()));
            counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(row.count()).build());
        }
        return counter.build();
    }

    private CounterSnapshot cost() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name("workbench_cost_usd")
                .help("What model calls cost at the price table in force when each was kept, in US dollars.");
        for (MetricQueries.Total row : queries.total(MetricSeries.CALLS, CALL_COLUMNS)) {
            counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(callLabels(row.labels()))
                    .value(row.sum()).build());
        }
        return counter.build();
    }

    private GaugeSnapshot passRate() {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("workbench_eval_pass_rate_ratio").unit(Unit.RATIO)
                .help("Each eval suite's pass rate in its latest finished run, from 0 to 1.");
        for (SuitePassRate rate : passRates.get()) {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("workbench_suite", rate.suite(), MODEL, rate.model())).value(rate.passRate()).build());
        }
        return gauge.build();
    }

    private static List<String> withColumn(String... more) {
        List<String> columns = new ArrayList<>(CALL_COLUMNS);
        columns.addAll(List.of(more));
        return columns;
    }

    /** The call labels of a row, with error_type when the row's error kind (its last column, if any) is set. */
    private static Labels callLabels(List<String> values) {
        Labels labels = Labels.EMPTY;
        for (int i = 0; i < CALL_LABELS.size(); i++) {
            labels = labels.add(CALL_LABELS.get(i), values.get(i));
        }
        String errorKind = values.size() > CALL_LABELS.size() ? values.get(values.size() - 1) : "";
        return errorKind.isEmpty() ? labels : labels.add(ERROR_TYPE, errorKind);
    }

    private static HistogramSnapshot.HistogramDataPointSnapshot point(MetricQueries.Distribution row, Labels labels,
                                                                      MetricSeries series) {
        List<Double> bounds = series.bounds();
        double[] upper = new double[bounds.size() + 1];
        for (int i = 0; i < bounds.size(); i++) {
            upper[i] = bounds.get(i);
        }
        upper[bounds.size()] = Double.POSITIVE_INFINITY;
        return HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upper, row.counts())).sum(row.sum()).labels(labels)
                .build();
    }
}
